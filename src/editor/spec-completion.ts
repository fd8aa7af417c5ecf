// Completion in Markdown specs: a section (heading, owner annotation, the kind's hint) where a heading of
// depth 2 or more is being typed, and a whole new spec from a document type's template where the
// document is empty. Skeletons are offered nowhere else: as static snippets they were offered mid-document
// too, and "specroles-pos" + Enter pasted front matter into the middle of a spec (issue 16, item 7).
import { catalogueFor, describeRoles, dominantEol, renderStubs, renderTemplate, type Config } from '../core';
import { isYamlDocument } from './selection';
import { kindChoices } from './stubs';
import type { CompletionItem, Position } from './types';

/**
 * The characters the language server asks for completion on, besides the config files' own: `#`, so that
 * `##` opens the sections, which the editor goes on filtering as `## Pro` is typed. Not a space: the
 * editor would start a completion session on every space typed in prose, and in VS Code each session
 * costs the window's main thread (snippets, the word list, the request) while typing in a large spec.
 */
export const SECTION_TRIGGERS = ['#'];

/** The config files' trigger characters (keys and values: `:`, `"`, `[`); in a spec they ask for nothing. */
export const CONFIG_TRIGGERS = [':', '"', '['];

export interface SpecCompletionInput {
  text: string;
  languageId: string;
  path: string;
  position: Position;
  config: Config;
  /**
   * Whether the document is taken as a spec (or was linted on request). Asked only where a heading is
   * being typed: `#` and the config files' trigger characters come elsewhere too.
   */
  isSpec: () => boolean;
  /**
   * Asked for (Ctrl+Space) rather than on a trigger character. Headings are offered on `##` in specs only
   * (a README's headings are not PM/PMM sections), and anywhere when asked for.
   */
  invoked: boolean;
}

/** The protocol's CompletionItemKind.Snippet and InsertTextFormat.PlainText. */
const SNIPPET = 15;
const PLAIN_TEXT = 1;

/** `##`, `### Pro`: a heading of depth 2 to 6 being typed at the start of the line. */
const HEADING_PREFIX = /^(#{2,6})(?:[ \t]+([^#]*))?$/;

export function specCompletion(input: SpecCompletionInput): CompletionItem[] {
  if (isYamlDocument(input.languageId, input.path)) return [];
  const prefix = lineAt(input.text, input.position.line).slice(0, input.position.character);
  const eol = () => (input.text.includes('\n') ? dominantEol(input.text) : '\n');
  if (isEmptyBut(input.text, prefix)) return skeletons(input, eol());
  const heading = HEADING_PREFIX.exec(prefix);
  if (!heading || !(input.invoked || input.isSpec())) return [];
  return sections(input, (heading[1] ?? '##').length, eol());
}

/**
 * Line `n` of the text (ended by \r\n, \n or \r, as the protocol counts lines), found without splitting
 * the whole text: completion is asked for as headings are typed, in specs of a megabyte too.
 */
function lineAt(text: string, n: number): string {
  const breaks = /\r\n?|\n/g;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const m = breaks.exec(text);
    if (!m) return '';
    start = m.index + m[0].length;
  }
  return text.slice(start, breaks.exec(text)?.index ?? text.length);
}

/** Whether the document holds nothing but the word being typed (a skeleton's prefix, or nothing yet). */
function isEmptyBut(text: string, prefix: string): boolean {
  return /^\s*[\w-]*$/.test(prefix) && text.trim() === prefix.trim();
}

function skeletons(input: SpecCompletionInput, eol: string): CompletionItem[] {
  const catalogue = catalogueFor(input.config);
  const lines = input.text.split(/\r\n?|\n/); // a few blank lines and a word at most
  const last = lines.length - 1;
  const whole = { start: { line: 0, character: 0 }, end: { line: last, character: (lines[last] ?? '').length } };
  return [...catalogue.docTypes.values()].map((type) => ({
    label: `specroles-${type.id}`,
    kind: SNIPPET,
    detail: `New ${type.name} (${describeRoles(catalogue, type.owner)}): front matter and every section`,
    documentation: { kind: 'markdown', value: `A spec from the \`${type.id}\` template, as "Spec Roles: New spec from template" makes it.` },
    insertTextFormat: PLAIN_TEXT,
    textEdit: { range: whole, newText: renderTemplate(catalogue, type, { eol }) },
  }));
}

function sections(input: SpecCompletionInput, depth: number, eol: string): CompletionItem[] {
  const catalogue = catalogueFor(input.config);
  const { line, character } = input.position;
  const range = { start: { line, character: 0 }, end: { line, character } };
  const hashes = '#'.repeat(depth);
  // In the stub picker's order (the PM's kinds, the PMM's, the shared ones, the others), not the alphabet.
  const inPickerOrder = kindChoices(input.config).flatMap((g) => g.kinds.flatMap((k) => catalogue.kinds.get(k.id) ?? []));
  return inPickerOrder
    .filter((kind) => !kind.skipOwnership)
    .map((kind, i) => ({
      label: `${hashes} ${kind.name}`,
      kind: SNIPPET,
      detail: `${describeRoles(catalogue, kind.owner)} · ${kind.aspect}`,
      documentation: kind.hint,
      sortText: String(i).padStart(4, '0'),
      insertTextFormat: PLAIN_TEXT,
      textEdit: { range, newText: renderStubs([kind], 'markdown', { depth, eol }).replace(/(?:\r?\n)+$/, '') },
    }));
}
