// Document URIs and the paths the engine works with. The engine's config discovery walks paths (`/a/b`);
// a URI is its scheme and authority (kept, to turn paths back into URIs) plus that path, decoded.
// Only `file:` URIs name files on this machine; others (vscode-vfs:, untitled:) are read through the host.
import picomatch from 'picomatch';
import { group } from '../core';

export interface UriParts {
  /** `file://`, `vscode-vfs://github`, `untitled:`. */
  prefix: string;
  /** Decoded, with forward slashes: `/work/specs/a.prd.md`; `/c:/x/a.md` for a Windows drive. */
  path: string;
}

const WITH_AUTHORITY = /^([a-zA-Z][\w+.-]*):\/\/([^/?#]*)([^?#]*)/;
const WITHOUT_AUTHORITY = /^([a-zA-Z][\w+.-]*):([^?#]*)/;

export function splitUri(uri: string): UriParts {
  const full = WITH_AUTHORITY.exec(uri);
  if (full) return { prefix: `${group(full, 1).toLowerCase()}://${group(full, 2)}`, path: decode(group(full, 3)) || '/' };
  const bare = WITHOUT_AUTHORITY.exec(uri);
  if (bare) return { prefix: `${group(bare, 1).toLowerCase()}:`, path: decode(group(bare, 2)) };
  return { prefix: '', path: uri };
}

/** The URI of `path` next to the URI it came from: each segment encoded as VS Code encodes them. */
export function joinUri(prefix: string, path: string): string {
  return prefix + path.split('/').map(encodeSegment).join('/');
}

/** The URI's path: what the engine sees as the file's path (format, type by file name, overrides). */
export function pathOf(uri: string): string {
  return splitUri(uri).path;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** `path` relative to `folder` when it is inside it, else undefined. */
export function relativeTo(folder: string, path: string): string | undefined {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  return path.startsWith(base) ? path.slice(base.length) : undefined;
}

function decode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A matcher for paths relative to a folder (forward slashes), dot files included: a server's own file search. */
export function globMatcher(glob: string): (path: string) => boolean {
  return picomatch(glob, { dot: true });
}
