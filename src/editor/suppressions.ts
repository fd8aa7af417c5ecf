// specroles-suppressions.json in the editor: the file at the root of each workspace folder (where the CLI,
// run from that folder, reads and writes it), read through the host, cached until the file changes. A file
// that cannot be used is said once in the log and suppresses nothing; the CLI reports it as an error.
import { parseSuppressions, SUPPRESSIONS_FILE, type Suppressions } from '../core';
import type { EditorHost, Log } from './types';
import { basename, dirname, pathOf, relativeTo, splitUri } from './uri';

export class SuppressionStore {
  private readonly byFolder = new Map<string, Promise<Suppressions | undefined>>();

  constructor(
    private readonly host: EditorHost,
    private readonly log: Log,
  ) {}

  static isSuppressionsFile(uri: string): boolean {
    return basename(splitUri(uri).path) === SUPPRESSIONS_FILE;
  }

  /** The entry for the document at `uri`: in the file of the innermost workspace folder that holds it. */
  async forDocument(uri: string, folders: readonly string[]): Promise<Suppressions[string] | undefined> {
    const { prefix, path } = splitUri(uri);
    let best: { folder: string; relative: string } | undefined;
    for (const folder of folders) {
      const f = splitUri(folder);
      const relative = f.prefix === prefix ? relativeTo(f.path, path) : undefined;
      if (relative !== undefined && (!best || folder.length > best.folder.length)) best = { folder, relative };
    }
    if (!best) return undefined;
    return (await this.read(best.folder))?.[best.relative];
  }

  /** The file changed on disk: read it again when next needed. */
  changed(uri: string): void {
    const dir = dirname(pathOf(uri));
    for (const folder of this.byFolder.keys()) if (pathOf(folder).replace(/\/$/, '') === dir) this.byFolder.delete(folder);
  }

  private read(folder: string): Promise<Suppressions | undefined> {
    let hit = this.byFolder.get(folder);
    if (!hit) {
      const file = `${folder.replace(/\/$/, '')}/${SUPPRESSIONS_FILE}`;
      hit = this.host.readFile(file).then(
        (text) => {
          if (text === undefined) return undefined;
          try {
            return parseSuppressions(text);
          } catch (e) {
            this.log('warn', `${file}: ${(e as Error).message}; nothing is suppressed in the editor until it is fixed`);
            return undefined;
          }
        },
        () => undefined,
      );
      this.byFolder.set(folder, hit);
    }
    return hit;
  }
}
