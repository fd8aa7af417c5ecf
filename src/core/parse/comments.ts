// The two kinds of comment specroles reads: owner annotations and rule directives. The same syntax is
// used inside Markdown `<!-- … -->` comments and after `#` in YAML, so both parsers share this.
import type { DirectiveKind } from '../model';
import { group } from '../text/indexing';

export interface ParsedOwnerList {
  /** Each role as written, with its offset inside the parsed string. */
  items: { role: string; start: number; end: number }[];
}

/** Splits "pm, pmm" / "pm + pmm" / "pm & pmm" / "pm pmm" into roles with their offsets. */
export function parseOwnerList(value: string, base = 0): ParsedOwnerList {
  const items: ParsedOwnerList['items'] = [];
  const word = /[^\s,+&/]+/g;
  for (let m = word.exec(value); m; m = word.exec(value)) {
    items.push({ role: m[0].toLowerCase(), start: base + m.index, end: base + m.index + m[0].length });
  }
  return { items };
}

const OWNER_COMMENT = /^<!--\s*owners?\s*:([^]*?)-->$/i;

/** An `<!-- owner: … -->` comment: the offsets of the role list inside `comment`, or undefined. */
export function ownerComment(comment: string): { value: string; start: number } | undefined {
  const m = OWNER_COMMENT.exec(comment.trim());
  if (!m) return undefined;
  const value = group(m, 1);
  const lead = comment.indexOf(value, comment.indexOf(':') + 1);
  const trimmedStart = value.length - value.trimStart().length;
  return { value: value.trim(), start: lead + trimmedStart };
}

export interface ParsedDirective {
  kind: DirectiveKind;
  rules: { id: string; start: number; end: number }[];
  reason?: string;
}

const DIRECTIVE = /^specroles-(disable-next-section|disable-file|disable|enable)(?![\w-])/;

/**
 * Reads `specroles-disable RULE[, RULE] -- reason` (the words inside a comment, already unwrapped).
 * `base` is the offset of `body` in the document, so rule ids get exact ranges.
 */
export function parseDirective(body: string, base = 0): ParsedDirective | undefined {
  const lead = body.length - body.trimStart().length;
  const m = DIRECTIVE.exec(body.slice(lead));
  if (!m) return undefined;
  const afterKeyword = lead + m[0].length;
  const dashes = body.indexOf('--', afterKeyword);
  const ruleText = dashes >= 0 ? body.slice(afterKeyword, dashes) : body.slice(afterKeyword);
  const reason = dashes >= 0 ? body.slice(dashes + 2).trim() : undefined;
  const rules: ParsedDirective['rules'] = [];
  const word = /[^\s,]+/g;
  for (let r = word.exec(ruleText); r; r = word.exec(ruleText)) {
    const start = base + afterKeyword + r.index;
    rules.push({ id: r[0], start, end: start + r[0].length });
  }
  const directive: ParsedDirective = { kind: m[1] as DirectiveKind, rules };
  if (reason) directive.reason = reason;
  return directive;
}

/** The inside of an HTML comment, and its offset within the comment text; undefined if not a comment. */
export function commentBody(html: string): { body: string; start: number } | undefined {
  const trimmed = html.trim();
  if (!trimmed.startsWith('<!--') || !trimmed.endsWith('-->')) return undefined;
  const start = html.indexOf('<!--') + 4;
  return { body: html.slice(start, html.lastIndexOf('-->')), start };
}
