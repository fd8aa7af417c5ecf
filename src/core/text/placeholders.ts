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

/** True when `text` has no words once placeholders are taken out. */
export function isPlaceholderOnly(text: string): boolean {
  let rest = text;
  for (const p of PLACEHOLDERS) rest = rest.replace(p, ' ');
  return !/[\p{L}\p{N}]/u.test(rest);
}
