// `maxFileSize`: how big a file specroles lints. Past it, a file is not read (CLI) or not parsed (engine,
// editor), and the front end says so: a notice, never a silent skip.

/** 10 MB: twice the largest spec the hostile-input tests lint, far beyond any real spec. */
export const DEFAULT_MAX_FILE_SIZE = 10 * 1024 * 1024;

/**
 * "10 MB", "512 KB", "2.5MB", "300 B" (binary units: 1 KB = 1024 bytes). No `i` flag: the pattern also
 * goes into the JSON Schema, which has none; one optional space, so no two runs of spaces can backtrack.
 */
export const FILE_SIZE_PATTERN = /^(\d+(?:\.\d+)?) ?([KkMmGg]?[Bb])?$/;

const UNIT: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

/** Bytes from a config or setting value: a number is bytes, a string has a unit. Undefined when it is neither. */
export function parseFileSize(value: number | string | undefined): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 1 ? Math.floor(value) : undefined;
  const m = typeof value === 'string' ? FILE_SIZE_PATTERN.exec(value) : null;
  if (!m) return undefined;
  const perUnit = UNIT[(m[2] ?? 'b').toLowerCase()];
  if (perUnit === undefined) return undefined; // not reached: the pattern admits only UNIT's units
  const bytes = Math.round(Number(m[1]) * perUnit);
  return bytes > 0 ? bytes : undefined;
}

/** "12.3 MB", "800 KB", "12 bytes". */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${trim(bytes / 1024 ** 2)} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function trim(n: number): string {
  return n.toFixed(1).replace(/\.0$/, '');
}

/** The UTF-8 size of a text, counting only as far as needed to compare it with `limit`. */
export function utf8SizeOver(text: string, limit: number): number | undefined {
  // Every UTF-16 unit is 1 to 3 bytes (a surrogate pair, two units, is 4), so most texts need no count.
  if (text.length > limit) return utf8Size(text);
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Size(text);
  return bytes > limit ? bytes : undefined;
}

function utf8Size(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** What a front end shows for a file past the limit (the CLI prefixes the file name). */
export function tooLargeNotice(bytes: number, limit: number): string {
  return (
    `not linted: the file is ${formatFileSize(bytes)}, over maxFileSize (${formatFileSize(limit)}). ` +
    'Raise maxFileSize in .specroles.yaml (in the editor, the specRoles.maxFileSize setting) to lint it.'
  );
}
