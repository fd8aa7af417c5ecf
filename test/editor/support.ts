// An editor service over an in-memory workspace, recording what it shows: the harness of test/editor.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { EditorService, type Diagnostic, type DocumentStatus, type EditorDocument, type ServiceOptions } from '../../src/editor';
import { projectRoot } from '../support/paths';

export const ROOT = 'file:///ws';

/** A fixture file of test/fixtures/workspace. */
export const fixtureText = (path: string) => readFileSync(join(projectRoot, 'test', 'fixtures', 'workspace', path), 'utf8');

export class Doc implements EditorDocument {
  constructor(
    readonly uri: string,
    readonly languageId: string,
    public text: string,
    public version = 1,
  ) {}

  getText(): string {
    return this.text;
  }
}

export interface Harness {
  service: EditorService;
  files: Map<string, string>;
  /** Files as bytes on disk, where they differ from `files` written as UTF-8 (EditorHost.readBytes). */
  bytes: Map<string, Uint8Array>;
  settings: Record<string, unknown>;
  published: Map<string, Diagnostic[]>;
  /** How many times diagnostics were published, per URI. */
  publishes: Map<string, number>;
  statuses: Map<string, DocumentStatus | null>;
  logs: string[];
  caught: string[];
  open(path: string, text: string, languageId?: string): Doc;
  edit(doc: Doc, text: string): void;
  /** Waits until `test` holds for what is shown on `path` (polling; the service works asynchronously). */
  until<T>(probe: () => T, test: (v: T) => boolean, what: string, ms?: number): Promise<T>;
}

export const uriOf = (path: string) => `${ROOT}/${path}`;

/** `options`: more of the service's options (what a client says at start). */
export function harness(files: Record<string, string> = {}, settings: Record<string, unknown> = {}, options: Pick<ServiceOptions, 'dismissedSpecOffers' | 'docsCommand'> = {}): Harness {
  const store = new Map(Object.entries(files).map(([p, t]) => [uriOf(p), t]));
  const bytes = new Map<string, Uint8Array>();
  const published = new Map<string, Diagnostic[]>();
  const publishes = new Map<string, number>();
  const statuses = new Map<string, DocumentStatus | null>();
  const logs: string[] = [];
  const caught: string[] = [];
  const h: Harness = {
    files: store,
    bytes,
    settings,
    published,
    publishes,
    statuses,
    logs,
    caught,
    service: new EditorService({
      host: {
        readFile: async (uri) => store.get(uri),
        readBytes: async (uri) => bytes.get(uri) ?? (store.has(uri) ? Buffer.from(store.get(uri)!, 'utf8') : undefined),
        findFiles: async (folder, glob, max) => {
          const match = picomatch(glob, { dot: true });
          return [...store.keys()].filter((u) => u.startsWith(`${folder}/`) && match(u.slice(folder.length + 1)) && !u.includes('/node_modules/')).slice(0, max);
        },
      },
      log: (level, message) => logs.push(`${level}: ${message}`),
      settings: async () => h.settings,
      workspaceFolders: () => [ROOT],
      publish: (uri, diagnostics) => {
        published.set(uri, diagnostics);
        publishes.set(uri, (publishes.get(uri) ?? 0) + 1);
      },
      linted: (uri, status) => statuses.set(uri, status),
      caught: (what, error) => caught.push(`${what}: ${String(error)}`),
      ...options,
    }),
    open(path, text, languageId = /\.ya?ml$/.test(path) ? 'yaml' : path.endsWith('.json') ? 'json' : 'markdown') {
      const doc = new Doc(uriOf(path), languageId, text);
      h.service.open(doc);
      return doc;
    },
    edit(doc, text) {
      doc.text = text;
      doc.version++;
      h.service.change(doc);
    },
    async until(probe, test, what, ms = 3000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const v = probe();
        if (test(v)) return v;
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(v)}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
  };
  return h;
}

export const codes = (ds: readonly Diagnostic[] | undefined) => (ds ?? []).map((d) => String(d.code));
