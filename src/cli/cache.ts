// --cache: each file's result kept between runs, keyed by the file's content hash, the hash of the
// config that applies to it (the JSON of the merged config, --rule settings and overrides included) and
// specroles' version: the package version plus a hash of this very bundle (engine, rules and catalogue
// data are all in it), so an upgrade, or any rebuild that changes the code, never serves old results.
// The cache file is written atomically; one that cannot be read is ignored with a notice, and rewritten.
import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { version as packageVersion } from '../../package.json';
import type { FileResult } from './report';
import { sha256 } from './util';

export const DEFAULT_CACHE_FILE = '.specrolescache';

interface CacheEntry {
  /** sha256 of the file's text. */
  hash: string;
  /** sha256 of the JSON of the config that applies to the file. */
  config: string;
  /** Whether the result holds the document's sections (FileResult.document). */
  sections: boolean;
  result: Omit<FileResult, 'index' | 'filePath'>;
}

interface CacheFile {
  version: string;
  /** Absolute path → entry. */
  files: Record<string, CacheEntry>;
}

let cachedVersion: string | undefined;

/** The package version and a hash of the running bundle: what makes results comparable. */
export function cacheVersion(): string {
  if (cachedVersion === undefined) {
    let code = '';
    try {
      code = sha256(readFileSync(__filename)).slice(0, 16);
    } catch {
      code = 'unknown';
    }
    cachedVersion = `${packageVersion}+${code}`;
  }
  return cachedVersion;
}

/** --cache-location: a file, or a folder (existing, or written with a trailing slash) to hold .specrolescache. */
export function cachePath(cwd: string, location: string | undefined): string {
  if (location === undefined) return resolve(cwd, DEFAULT_CACHE_FILE);
  const path = resolve(cwd, location);
  if (/[\\/]$/.test(location)) return join(path, DEFAULT_CACHE_FILE);
  try {
    if (statSync(path).isDirectory()) return join(path, DEFAULT_CACHE_FILE);
  } catch {
    // Not there yet: a file.
  }
  return path;
}

export class ResultCache {
  private readonly entries: Record<string, CacheEntry>;

  private constructor(
    entries: Record<string, CacheEntry>,
    readonly version: string,
  ) {
    this.entries = entries;
  }

  /** Reads the cache; a cache of another version is empty, one that cannot be read is empty with a notice. */
  static load(path: string, shown: string, version = cacheVersion()): { cache: ResultCache; notice?: string } {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      return { cache: new ResultCache({}, version), ...(code === 'ENOENT' ? {} : { notice: `${shown}: cannot read the cache (${code ?? (e as Error).message}); linting every file` }) };
    }
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
    const valid = typeof data === 'object' && data !== null && typeof (data as CacheFile).version === 'string' && typeof (data as CacheFile).files === 'object' && (data as CacheFile).files !== null;
    if (!valid) return { cache: new ResultCache({}, version), notice: `${shown}: the cache is corrupt and was ignored; linting every file` };
    const file = data as CacheFile;
    return { cache: new ResultCache(file.version === version ? file.files : {}, version) };
  }

  /** The cached result for this file, text and config, or undefined. */
  get(abs: string, hash: string, config: string, sections: boolean): CacheEntry['result'] | undefined {
    const entry = Object.prototype.hasOwnProperty.call(this.entries, abs) ? this.entries[abs] : undefined;
    if (!entry || entry.hash !== hash || entry.config !== config || (sections && !entry.sections)) return undefined;
    if (!entry.result || !Array.isArray(entry.result.messages)) return undefined;
    return entry.result;
  }

  set(abs: string, hash: string, config: string, sections: boolean, result: FileResult): void {
    const { index: _index, filePath: _filePath, fix: _fix, fixedText: _fixedText, ...rest } = result;
    this.entries[abs] = { hash, config, sections, result: rest };
  }

  serialise(): string {
    const files: Record<string, CacheEntry> = {};
    for (const [key, entry] of Object.entries(this.entries).sort(([a], [b]) => (a < b ? -1 : 1))) files[key] = entry;
    return JSON.stringify({ version: this.version, files } satisfies CacheFile);
  }
}
