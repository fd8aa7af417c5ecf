// What specroles-ls says beyond the standard protocol, shared with its clients (the VS Code extension):
// the commands of `workspace/executeCommand`, a status notification for the status bar, and two requests
// a client may answer so the server can read files it cannot reach itself (virtual workspaces, the browser).
import type { DocumentReadiness, DocumentStatus, OwnershipSummary, ReadinessRow, ReadinessState, RoleReadiness, SnippetData } from '../editor';

export const COMMANDS = {
  /** [uri, force = true] → number of findings | null: lint the document (with force false, only if it is a spec). */
  lintFile: 'specroles.server.lintFile',
  /** [] → { files, findings }: lint every spec of the workspace folders. */
  lintWorkspace: 'specroles.server.lintWorkspace',
  /** [uri, position, kindIds] → boolean: insert stubs of these kinds at the position (workspace/applyEdit). */
  insertStubs: 'specroles.server.insertStubs',
  /** [typeId, folderUri?] → string | null: a new spec of this document type. */
  template: 'specroles.server.template',
  /** [uri?] → { kinds: by owner group, docTypes }: what to pick stubs and templates from. */
  catalogue: 'specroles.server.catalogue',
  /** [uri] → OwnershipSummary | null: the sections and their owners. */
  summary: 'specroles.server.summary',
  /** [] → DocumentReadiness[]: per open spec (and per spec the last workspace lint read), per role: sections, placeholders, findings, what is owed. */
  readiness: 'specroles.server.readiness',
  /** [ruleId]: open the rule's documentation (window/showDocument; a window/showMessage with its address where the client cannot). */
  showRuleDocs: 'specroles.server.showRuleDocs',
  /** [uri] → boolean: mark a Markdown file as a spec (`specroles: 1` front matter, workspace/applyEdit); the offer's CodeLens runs it. */
  markAsSpec: 'specroles.server.markAsSpec',
  /** [uri]: stop offering to check this file as a spec (a client that remembers it says so at initialize). */
  dismissSpecOffer: 'specroles.server.dismissSpecOffer',
  /** [] → { lints, caught }: counters, for tests. */
  stats: 'specroles.server.stats',
} as const;

/** Server → client, after each lint: what the status bar shows for the document (null: not a spec). */
export const STATUS_NOTIFICATION = 'specroles/status';
export interface StatusParams {
  uri: string;
  status: DocumentStatus | null;
}

/** Server → client: an exception was caught and logged (each one is a bug; the host tests count them). */
export const CAUGHT_NOTIFICATION = 'specroles/caught';
export interface CaughtParams {
  what: string;
  message: string;
}

/** Server → client, when the client offers it (initializationOptions.readFile): a file's text, or null. */
export const READ_FILE_REQUEST = 'specroles/readFile';
export interface ReadFileParams {
  uri: string;
}

/** Server → client, when the client offers it (initializationOptions.findFiles): files of a folder matching a glob. */
export const FIND_FILES_REQUEST = 'specroles/findFiles';
export interface FindFilesParams {
  folder: string;
  glob: string;
  max: number;
}

/** What a client may say in `initializationOptions`. */
export interface InitializationOptions {
  /** "push" (publishDiagnostics) even where the client could pull; by default a client that can pull does. */
  diagnosticMode?: 'push' | 'pull';
  /** The client answers READ_FILE_REQUEST (files the server cannot read itself). */
  readFile?: boolean;
  /** The client answers FIND_FILES_REQUEST (it searches its workspace faster, with its own excludes). */
  findFiles?: boolean;
  /** Settings for clients without `workspace/configuration`. */
  settings?: unknown;
  /** URIs of files whose offer to check them as a spec was turned down in an earlier session. */
  dismissedSpecOffers?: string[];
  /**
   * A command of the client that opens its bundled docs, with [path, anchor?] ("docs/guidelines.md",
   * "aha-pm-why-what-when"): hover citations become command links that run it (the client must trust them),
   * and "Show documentation" runs it. Without it, they go to the web pages.
   */
  docsCommand?: string;
}

export type { DocumentReadiness, DocumentStatus, OwnershipSummary, ReadinessRow, ReadinessState, RoleReadiness, SnippetData };
