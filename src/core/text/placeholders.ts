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
  let rest = line;
  for (const p of PLACEHOLDERS) rest = rest.replace(p, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}
