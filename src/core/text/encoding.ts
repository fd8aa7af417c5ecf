// What a file's decoded text says about its bytes. The engine sees text, not bytes: a binary file read as
// UTF-8 holds NUL characters, and bytes that are not valid UTF-8 turn into U+FFFD when read. Both are
// reported where they are, so a binary `.md` or a Latin-1 spec is never linted (or fixed) as if all were well.
import type { ParseProblem } from '../model';
import { LineIndex } from './lines';

export interface EncodingProblems {
  problems: ParseProblem[];
  /** Fixes would write the replacement characters back, losing the original bytes: offer none. */
  blockFixes: boolean;
}

/** Valid bytes decode as they are; invalid ones throw (fatal), and are then decoded to U+FFFD. A BOM stays in the text. */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * A file's bytes as text, as `readFileSync(path, 'utf8')` gives it, and whether they were valid UTF-8: then
 * a U+FFFD in the text is a character the file holds (a page about the replacement character), not bytes
 * lost in decoding. Front ends that read files pass `validUtf8` on to `lint`.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; validUtf8: boolean } {
  try {
    return { text: strict.decode(bytes), validUtf8: true };
  } catch {
    return { text: lenient.decode(bytes), validUtf8: false };
  }
}

/** `validUtf8`: the text was decoded from valid UTF-8 (decodeUtf8), so its U+FFFD characters are its own. */
export function encodingProblems(text: string, validUtf8 = false): EncodingProblems {
  const problems: ParseProblem[] = [];
  const nul = text.indexOf('\u0000');
  const bad = nul < 0 && !validUtf8 ? text.indexOf('\uFFFD') : -1;
  if (nul < 0 && bad < 0) return { problems, blockFixes: false };
  const lines = new LineIndex(text);
  if (nul >= 0) {
    const at = lines.position(nul);
    problems.push({
      message: `This file is not text: it holds a NUL character (line ${at.line}, column ${at.column}), as binary files do, so it is not linted as a spec.`,
      range: lines.range(nul, nul + 1),
      fatal: true,
    });
  }
  if (bad >= 0) {
    let count = 0;
    for (let i = bad; i >= 0; i = text.indexOf('\uFFFD', i + 1)) count++;
    const at = lines.position(bad);
    const more = count > 1 ? ` (and ${count - 1} more)` : '';
    problems.push({
      message: `This file holds "\uFFFD" (U+FFFD) at line ${at.line}, column ${at.column}${more}: bytes that are not valid UTF-8 read as this character. Save the file as UTF-8; until then no fixes are offered, so they cannot overwrite the original bytes.`,
      range: lines.range(bad, bad + 1),
      fatal: false,
    });
  }
  return { problems, blockFixes: problems.length > 0 };
}
