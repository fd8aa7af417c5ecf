// What counts as "nothing written yet" in a section: template placeholders and guidance, as real
// templates write them (taxonomy.md, "Placeholders").

const PLACEHOLDERS = [
  /\[[^\]\n]{0,300}\]/g, // [DATE], [Brief description], [NEEDS CLARIFICATION: …]
  /\{\{[^}\n]{0,300}\}\}/g, // {{project_name}}
  /<(?:insert|add|describe|your)\b[^>\n]{0,300}>/gi, // <insert link>
  // Not "N/A": "not applicable" is the author's answer, a decision made, not one still open.
  /\b(?:TBD|TBC|TODO|FIXME|XXX|lorem ipsum)\b/gi,
  /\?{2,}/g,
];

/**
 * True when `text` has no words once placeholders are taken out. No placeholder spans a line break, so
 * each line is read alone (the same as the whole text: a line break is not a word character for `\b`
 * either), and the first line with words left decides: a section of prose is told by its first line
 * rather than by five replacements over all of its text.
 */
export function isPlaceholderOnly(text: string): boolean {
  for (let start = 0; start <= text.length; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    if (!isPlaceholderLine(text.slice(start, end))) return false;
    start = end + 1;
  }
  return true;
}

function isPlaceholderLine(line: string): boolean {
  const first = line.search(LETTER_OR_DIGIT);
  if (first < 0) return true;
  if (survives(line, first)) return false;
  let rest = line;
  for (const p of PLACEHOLDERS) rest = rest.replace(p, ' ');
  return !LETTER_OR_DIGIT.test(rest);
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What a placeholder in brackets, braces or angle brackets opens with: none of them is made by removing another. */
const OPENS_PLACEHOLDER = /[[{<]/;
/** The start of a word placeholder (TBD, TODO, lorem ipsum…), at a given index (sticky). */
const WORD_PLACEHOLDER_START = /tb[dc]|todo|fixme|xxx|lorem/iy;

/**
 * Whether the line's first letter or digit, at `first`, is certainly left by the removals: a line of prose
 * is told at its first word, without five replacements over it (a section's visible text is one long line).
 * Nothing before it opens a placeholder in brackets, braces or angle brackets, so none covers it (removals
 * put in spaces, never an opener); a word placeholder covering it would start at it, as no letter stands
 * before it, and would be written there: a removal after it only ever puts a space in.
 */
function survives(line: string, first: number): boolean {
  if (OPENS_PLACEHOLDER.test(line.slice(0, first))) return false;
  WORD_PLACEHOLDER_START.lastIndex = first;
  return !WORD_PLACEHOLDER_START.test(line);
}
