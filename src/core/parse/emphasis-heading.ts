// A paragraph that is nothing but bold or italic text ("**Success metrics**", "_What makes a large
// launch?_") is how many writers make a heading without heading syntax. Both Markdown readers (remark's,
// markdown-chunk.ts, and the scanner, markdown-scan.ts) ask the same question here, so they agree.

import { isPlaceholderOnly } from '../text/placeholders';

/** A heading is short: longer emphasised paragraphs are stressed sentences, not titles. */
const MAX_WORDS = 10;
const MAX_LENGTH = 80;

/**
 * The emphasised text of a whole paragraph reads as a title: a few words, at least one letter, not a
 * sentence or a clause (no closing ".", "!", "," or ";"; a question is a title, a trailing ":" a label's;
 * a placeholder, "_TBD_", none).
 * Returns the title without a trailing colon, or undefined.
 */
export function emphasisHeadingTitle(text: string): string | undefined {
  const trimmed = text.trim();
  const title = (trimmed.endsWith(':') ? trimmed.slice(0, -1) : trimmed).trimEnd();
  if (!title || title.length > MAX_LENGTH || !/\p{L}/u.test(title) || /[.!,;]$/.test(title) || isPlaceholderOnly(title)) return undefined;
  return title.split(/\s+/).length <= MAX_WORDS ? title : undefined;
}
