// Which files are specs (SPEC.md, "Which files are specs"), shared by the CLI and the extension. Kept free
// of heavy imports: the extension uses it at activation, before the engine is loaded.

/** Config file names, nearest first in each folder. */
export const CONFIG_NAMES = ['.specroles.yaml', '.specroles.yml', '.specroles.json'];

/** Files that are specs by their path when a config says nothing else (`files.include`). */
export const DEFAULT_SPEC_FILES = [
  '**/*.prd.md',
  '**/*.spec.md',
  '**/{prd,prds,specs,product-specs,briefs}/**/*.md',
  '**/*.spec.yaml',
  '**/*.prd.yaml',
  '**/*.spec.yml',
  '**/*.prd.yml',
];

/**
 * Whether a YAML file is named as a spec (`*.spec.yaml`, `*.prd.yml`, as DEFAULT_SPEC_FILES has them): the
 * engine validates it against the spec schema even without a `specroles:` key.
 */
export function namedAsYamlSpec(path: string): boolean {
  return /\.(spec|prd)\.ya?ml$/i.test(path);
}

/**
 * The marker: a top-level `specroles:` key with a value on its line (`specroles: 1`). A `specroles:` that
 * opens a map is something else's: a CI job named after the tool (docs/ci/gitlab-ci.yml), whose
 * `.gitlab-ci.yml` must not be linted as a spec.
 */
const MARKER = /^specroles[ \t]*:[ \t]*[^\s#]/m;

/**
 * Whether a file's own text says it is a spec: `specroles: …` at a YAML spec's top level or in Markdown
 * front matter, or a known document `type:` in front matter. `head` is the start of the file.
 */
export function markedAsSpec(head: string, isYaml: boolean, isKnownType: (type: string) => boolean): boolean {
  if (isYaml) return MARKER.test(head);
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(head);
  if (!open) return false;
  const rest = head.slice(open[0].length);
  const close = /^(?:---|\.\.\.)[ \t]*$/m.exec(rest);
  const frontMatter = close ? rest.slice(0, close.index) : rest;
  if (MARKER.test(frontMatter)) return true;
  const type = /^type[ \t]*:[ \t]*["']?([\w-]+)/m.exec(frontMatter)?.[1]?.toLowerCase();
  return type !== undefined && isKnownType(type);
}

/**
 * What marks a Markdown file as a spec (`specroles: 1`, which markedAsSpec reads) and where: a line at the
 * top of its front matter when it has some, else front matter of its own before the first line; undefined
 * when its front matter has `specroles:` already. For the editors' "Check this file as a spec": the mark
 * travels with the file, so the CLI and CI take it too.
 */
export function specMarkerInsertion(text: string, eol: string): { offset: number; text: string } | undefined {
  if (markedAsSpec(text, false, () => false)) return undefined;
  const open = /^\uFEFF?---[ \t]*(?:\r\n?|\n)/.exec(text);
  // An opening `---` never closed is a thematic break, not front matter.
  if (open && /^(?:---|\.\.\.)[ \t]*$/m.test(text.slice(open[0].length))) return { offset: open[0].length, text: `specroles: 1${eol}` };
  return { offset: text.startsWith('\uFEFF') ? 1 : 0, text: `---${eol}specroles: 1${eol}---${eol}` };
}
