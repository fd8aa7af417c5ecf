// A heading written as code names an API, not a section of a spec: "`pool.close()`",
// "deprecate(fn, message[, code])", "enterAlternativeScreen", "`message`". Package docs and API references are made of such
// headings, and the words inside identifiers and parameter lists ("message", "scope", "promise",
// "alternatives" in enterAlternativeScreen) would otherwise name section kinds and make a reference
// page look like a spec. Neither the spec decision nor the classifier reads a kind from them. Each name
// pattern starts only where a name does (the lookbehinds), so a long run of letters is scanned once.

/** HTML tags (an `<a name="…">` anchor before an API heading) say nothing; a tag holds no "<" (linear). */
const TAG = /<[^<>]*>/g;
/** Inline code spans (a double-backtick span's inner backticks left as they are: only letters are counted). */
const CODE_SPANS = /`[^`]+`/g;
/** `git.clone(`: a dotted name called. */
const DOTTED_CALL = /(?<![\w$.])[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+\(/;
/**
 * `deprecate(fn, message[, code])`, `close()`: a name called with nothing, or with a parameter list
 * (a comma, an optional bracket, a default). "Use case(s)" and "Feature (optional)" are not calls.
 */
const CALL_WITH_PARAMETERS = /(?<![\w$])[A-Za-z_$][\w$]*\((?:\)|[^()]*[,[={])/;
/** `-> Promise<string>`, `=> void`, `-&gt; Ajv`: a return type. */
const RETURNS = /(?:->|=>|-&gt;|=&gt;)\s*[\w$'"`<[]/;
/**
 * One identifier: in camelCase ("enterAlternativeScreen"), or a dotted name ("config.drawHorizontalLine").
 * Not PascalCase: "GlobalScope" is a class, but "LinkedIn" or "YouTube" is a channel a team may name.
 */
const IDENTIFIER = /^(?:[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*|[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+)$/;
/** Letters left outside code spans: fewer than this and the heading is its code. */
const MIN_PROSE_LETTERS = 3;
/** Longer headings say nothing more; the cap keeps every pattern here cheap (normalise.ts caps alike). */
const MAX_HEADING = 300;

/** An ATX heading's opening and closing `#` runs. */
const ATX_MARKERS = /^ {0,3}#{1,6}(?=\s|$)|\s#+\s*$/g;
/** A bold label's or an emphasised title's markers, and a label's colon. */
const EMPHASIS_MARKERS = /^[*_]+|[*_:\s]+$/g;

/**
 * The heading is code: a signature, an identifier, or nothing but code spans. Pass it as written where
 * that is at hand (`## \`message\``, `**\`timeout\`**:`): a title read as plain text has lost its backticks.
 */
export function isCodeHeading(heading: string): boolean {
  const text = heading.slice(0, MAX_HEADING).replace(TAG, ' ').replace(ATX_MARKERS, '').trim().replace(EMPHASIS_MARKERS, '');
  if (!text) return false;
  if (text.includes('`') && (text.replace(CODE_SPANS, '').match(/\p{L}/gu)?.length ?? 0) < MIN_PROSE_LETTERS) return true;
  return DOTTED_CALL.test(text) || CALL_WITH_PARAMETERS.test(text) || RETURNS.test(text) || IDENTIFIER.test(text);
}
