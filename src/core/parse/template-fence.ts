// Templates carried as code: a ```markdown fence holding the headings of a document to fill in, as
// handbooks publish their templates. The Markdown model reads them as sections (markdown-model.ts); the
// spec decision counts their headings (detect/spec-decision.ts), by this line scan.

/** A heading over a template to fill in, not an example: "Release blog template", "Boilerplate", "Outline". */
export const NAMES_A_TEMPLATE = /\b(?:template|boilerplate|skeleton|outline)s?\b/i;

const MARKDOWN_FENCE = /^ {0,3}(`{3,}|~{3,})[ \t]*(?:md|markdown)[ \t]*(?:\{[^}\n]*\})?[ \t]*$/i;
const ATX_LINE = /^ {0,3}#{1,6}[ \t]/;

export interface FencedTemplate {
  /** Where the fence's content starts and ends in the text (the fence lines excluded). */
  start: number;
  end: number;
}

/**
 * The ```md / ```markdown fences from `from` on, at the top level of the text, whose content has at least
 * two ATX headings (as the Markdown reader's embeddedTemplate asks). A fence never closed runs to the end
 * of the text, as CommonMark has it. One pass over the lines.
 */
export function fencedTemplates(text: string, from = 0): FencedTemplate[] {
  const found: FencedTemplate[] = [];
  let open: { char: string; length: number; start: number; headings: number } | undefined;
  let other: { char: string; length: number } | undefined;
  for (let at = from; at < text.length; ) {
    const next = text.indexOf('\n', at);
    const end = next < 0 ? text.length : next;
    const line = text.slice(at, end).replace(/\r$/, '');
    const fenceRun = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (open) {
      if (fenceRun && fenceRun[0] === open.char && fenceRun.length >= open.length && line.trim() === fenceRun) {
        if (open.headings >= 2) found.push({ start: open.start, end: at });
        open = undefined;
      } else if (ATX_LINE.test(line)) open.headings++;
    } else if (other) {
      if (fenceRun && fenceRun[0] === other.char && fenceRun.length >= other.length && line.trim() === fenceRun) other = undefined;
    } else if (fenceRun) {
      if (MARKDOWN_FENCE.test(line)) open = { char: fenceRun[0]!, length: fenceRun.length, start: end + 1, headings: 0 };
      else other = { char: fenceRun[0]!, length: fenceRun.length };
    }
    at = end + 1;
  }
  if (open && open.headings >= 2) found.push({ start: Math.min(open.start, text.length), end: text.length });
  return found;
}
