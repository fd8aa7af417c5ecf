// How a guideline's source is cited, in every front end (explain, SARIF help, hovers, docs): author,
// title, publisher (when not the author), section and link, each only where the source names it. Two
// seed articles name neither author nor publisher; they are cited by their title alone, never as
// "Unattributed".
import type { GuidelineSource } from './schema';

export interface CiteOptions {
  /** Markdown: the title as a link where there is a URL, else in italics. Default: plain text, title in quotes. */
  markdown?: boolean;
  /** Append the URL in plain text (Markdown links the title instead). Default: true. */
  url?: boolean;
}

export function citeSource(s: GuidelineSource, options: CiteOptions = {}): string {
  const title = options.markdown ? (s.url ? `[${s.title}](${s.url})` : `*${s.title}*`) : `"${s.title}"`;
  const publisher = s.publisher && s.publisher !== s.author ? s.publisher : undefined;
  const url = !options.markdown && options.url !== false ? s.url : undefined;
  return [s.author, title, publisher, s.section ? `section "${s.section}"` : undefined, url].filter(Boolean).join(', ');
}
