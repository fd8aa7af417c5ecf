// What the editor service works on and answers with. Positions, ranges, diagnostics, edits, hovers, code
// actions and lenses are the Language Server Protocol's (types only: no runtime, no `vscode`), so the
// server passes them through and any client understands them.
export type {
  CodeAction,
  CodeActionContext,
  CodeLens,
  Command,
  CompletionItem,
  Diagnostic,
  Hover,
  Position,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-types';

/** An open document as the editor holds it (unsaved changes included). */
export interface EditorDocument {
  uri: string;
  languageId: string;
  /** Grows with every change; a result is current only for the version it was computed on. */
  version: number;
  getText(): string;
}

/** How the service reaches files: the server's file system, or the client's (virtual workspaces, the browser). */
export interface EditorHost {
  /** The text of the file at `uri`, or undefined when there is none (or it cannot be read). */
  readFile(uri: string): Promise<string | undefined>;
  /** Files under a folder matching a glob (relative to the folder), at most `max`: workspace lint, the config files at start-up. */
  findFiles?(folderUri: string, glob: string, max: number): Promise<string[]>;
  /**
   * The bytes of the file at `uri` as saved, where the host can read them (a local disk): asked only for an
   * open document that holds U+FFFD, to tell a character the file holds from bytes that are not UTF-8.
   */
  readBytes?(uri: string): Promise<Uint8Array | undefined>;
}

export type LogLevel = 'error' | 'warn' | 'info' | 'trace';
export type Log = (level: LogLevel, message: string) => void;
