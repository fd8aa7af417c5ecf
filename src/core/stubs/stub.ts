// Section stubs: a heading (or YAML section item) with its owner annotation and a one-line hint from the
// kind's guideline. Used by the missing-section fix, `specroles stub` and the editor's stub command.
import type { CompiledKind } from '../catalogue/catalogue';
import type { Kind } from '../catalogue/schema';
import type { DocumentFormat } from '../model';

export interface StubOptions {
  /** Markdown heading level. */
  depth?: number;
  /** YAML: the indentation of the `- title:` items. */
  indent?: string;
  eol?: string;
  /** Markdown: the text the section starts with instead of TODO (text moved into a new section). */
  body?: string;
}

/** The body of a fresh stub: what an editor selects so the writer types over it. */
export const STUB_BODY = 'TODO';

export function renderStub(kind: Kind | CompiledKind, format: DocumentFormat, options: StubOptions = {}): string {
  const eol = options.eol ?? '\n';
  const owner = kind.owner.join(', ');
  if (format === 'markdown') {
    const hashes = '#'.repeat(Math.min(6, Math.max(1, options.depth ?? 2)));
    return [`${hashes} ${kind.name} <!-- owner: ${owner} -->`, '', `<!-- ${kind.hint} -->`, options.body ?? STUB_BODY, ''].join(eol);
  }
  const indent = options.indent ?? '  ';
  const inner = `${indent}  `;
  const ownerValue = kind.owner.length > 1 ? `[${owner}]` : owner;
  // The hint is a comment, as in Markdown, so a fresh stub reads as empty until someone writes it.
  return [`${indent}- title: ${kind.name}`, `${inner}kind: ${kind.id}`, `${inner}owner: ${ownerValue}`, `${inner}# ${kind.hint}`, `${inner}body: |`, `${inner}  ${STUB_BODY}`, ''].join(eol);
}

export function renderStubs(kinds: readonly (Kind | CompiledKind)[], format: DocumentFormat, options: StubOptions = {}): string {
  const eol = options.eol ?? '\n';
  return kinds.map((k) => renderStub(k, format, options)).join(format === 'markdown' ? eol : '');
}
