// A new document of a type: front matter that marks it as a spec and declares its type and owner, a title,
// and a stub for every section of the type's template (each required section and the customary ones),
// with owner annotations and the kind's hint. Used by "New spec from template" and `specroles template`.
// A fresh template is mostly placeholders, so its empty sections are reported as infos, not warnings
// (see empty-section), until someone starts writing.
import type { Catalogue } from '../catalogue/catalogue';
import type { DocType } from '../catalogue/schema';
import { renderStubs } from './stub';

export interface TemplateOptions {
  title?: string;
  eol?: string;
}

/** The kinds a template of `type` holds: its template list, else the first kind of each requirement. */
export function templateKinds(catalogue: Catalogue, type: DocType) {
  const ids = type.template.length ? type.template : type.requires.map((r) => r.anyOf[0]).filter((id): id is string => !!id);
  return ids.map((id) => catalogue.kinds.get(id)).filter((k) => k !== undefined);
}

export function renderTemplate(catalogue: Catalogue, type: DocType, options: TemplateOptions = {}): string {
  const eol = options.eol ?? '\n';
  const title = options.title ?? `Untitled ${type.name}`;
  const frontMatter = ['---', 'specroles: 1', `type: ${type.id}`, `title: ${yamlScalar(title)}`, `owner: ${type.owner.join(', ')}`, '---'];
  return [...frontMatter, `# ${title}`, '', renderStubs(templateKinds(catalogue, type), 'markdown', { depth: 2, eol })].join(eol);
}

/** A title as a YAML plain scalar where that is safe, else double-quoted. */
function yamlScalar(s: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} .,()'/&-]*$/u.test(s) && !/:\s|\s#/.test(s) ? s : JSON.stringify(s);
}
