// YAML spec → ParsedDocument. Files marked `specroles: 1` are validated against the spec schema; other
// YAML templates (BMAD's `sections: - title/instruction`, GitHub issue forms' `body: - attributes: label`)
// are read leniently into the same model so their sections can still be classified, and flat metadata
// files simply have no sections.
import { isCollection, isMap, isScalar, isSeq, Scalar, type Document, type Node, type YAMLMap } from 'yaml';
import type { Directive, ParsedDocument, ParseProblem, Section, TextRun } from '../model';
import { specSchemas } from '../schema/spec';
import { dominantEol, LineIndex, rememberLines } from '../text/lines';
import { isPlaceholderOnly } from '../text/placeholders';
import { parseDirective } from './comments';
import { firstLine } from './front-matter';
import { authorYamlErrors, describeYamlError } from './yaml-errors';
import { readMeta } from './meta';
import { schemaProblems } from './schema-issues';
import { plainlyValidYamlSpec } from './yaml-spec-shape';
import { findPair, nodeRange, ownerFromPair, pairsByKey, plainData, trimmedNodeRange, type YamlContext } from './yaml-nodes';
import { parseYaml } from './yaml-text';
import { group } from '../text/indexing';

/** Keys whose text is the section's prose: our `body`, and the instructions of common templates. */
const PROSE_KEYS = ['body', 'instruction', 'template', 'description', 'examples', 'content'];

export interface YamlParseOptions {
  /** Validate against the spec schema even without a `specroles:` key (e.g. *.prd.yaml). */
  isSpec?: boolean;
}

/**
 * The yaml package's tree of each parsed spec, for fixes that need how the YAML is written (block or
 * flow style, columns: rules/yaml-layout.ts), so they need not parse the text a second time.
 */
export const yamlTrees = new WeakMap<ParsedDocument, Document.Parsed>();

export function parseYamlSpec(text: string, options: YamlParseOptions = {}): ParsedDocument {
  const lines = new LineIndex(text);
  const ctx: YamlContext = { lines, base: 0 };
  const doc = parseYaml(text, { prettyErrors: false, logLevel: 'error', uniqueKeys: true });
  const problems: ParseProblem[] = authorYamlErrors(doc.errors, text).map((e) => {
    const { message, range } = describeYamlError(e, 0, lines, 1);
    return { message: `YAML does not parse: ${message}`, range, fatal: true };
  });
  const result: ParsedDocument = {
    format: 'yaml',
    text,
    eol: dominantEol(text),
    meta: {},
    sections: [],
    directives: readDirectives(text, lines),
    problems,
    bodyStart: text.length,
  };
  yamlTrees.set(result, doc);
  // The rules that build fixes ask for the document's line index (linesOf): this one, not a second.
  rememberLines(result, lines);
  if (problems.length) return result;
  if (!isMap(doc.contents)) {
    // A file named as a spec that is a list or a lone value is not silently skipped.
    if (options.isSpec && doc.contents !== null) {
      problems.push({ message: `A YAML spec must be a map of keys (specroles, type, title, sections…), but this file holds ${isSeq(doc.contents) ? 'a list' : 'a single value'}`, range: trimmedNodeRange(ctx, doc.contents), fatal: true });
    }
    return result;
  }

  const top = doc.contents;
  // `specroles:` over a map is not the marker but something else's key: a CI job named after the tool.
  const marker = findPair(top, 'specroles');
  const isSpec = options.isSpec || (marker !== undefined && !isCollection(marker.value));
  if (isSpec) {
    result.meta = readMeta(top, ctx);
    if (!plainlyValidYamlSpec(top)) {
      const data = plainData(doc);
      if ('error' in data) {
        problems.push({ message: `YAML does not parse: ${firstLine(data.error)}`, range: nodeRange(ctx, data.at), fatal: true });
        return result;
      }
      problems.push(...schemaProblems(doc, data.value, specSchemas().yamlSpecSchema, ctx, 'Spec'));
    }
  } else {
    const title = findPair(top, 'title');
    if (title && isScalar(title.value) && typeof title.value.value === 'string') result.meta.title = title.value.value;
  }
  result.meta.range = nodeRange(ctx, top);
  const sectionsPair = findPair(top, 'sections');
  if (sectionsPair && isSeq(sectionsPair.value)) {
    result.sections = readSections(sectionsPair.value.items as Node[], 1, ctx, text);
    result.bodyStart = sectionsPair.value.range?.[0] ?? text.length;
  } else if (!isSpec) {
    const body = findPair(top, 'body');
    if (body && isSeq(body.value)) {
      result.sections = readFormFields(body.value.items as Node[], ctx);
      if (result.sections.length) result.bodyStart = body.value.range?.[0] ?? text.length;
    }
  }
  return result;
}

/** What a form field holds besides its label: the text the author is asked for, and the choices offered. */
const FIELD_PROSE_KEYS = ['description', 'placeholder', 'value', 'options'];

/**
 * A GitHub issue form (`.github/ISSUE_TEMPLATE/*.yml`): each `body` item with `attributes: label:` is a
 * field the author fills in, so a section titled by its label; `type: markdown` items are instructions.
 */
function readFormFields(items: Node[], ctx: YamlContext): Section[] {
  const sections: Section[] = [];
  for (const item of items) {
    if (!isMap(item)) continue;
    const attributes = findPair(item, 'attributes')?.value;
    if (!isMap(attributes)) continue;
    const labelNode = findPair(attributes, 'label')?.value;
    if (!isScalar(labelNode) || typeof labelNode.value !== 'string' || !labelNode.value.trim()) continue;
    const prose: TextRun[] = [];
    let visible = '';
    for (const key of FIELD_PROSE_KEYS) {
      const pair = findPair(attributes, key);
      if (pair) collectText(pair.value, ctx, prose, (t) => (visible += ` ${t}`));
    }
    const full = trimmedNodeRange(ctx, item);
    sections.push({
      title: labelNode.value.trim(),
      depth: 1,
      headingRange: nodeRange(ctx, labelNode),
      contentRange: full,
      fullRange: full,
      prose,
      // A form's fields are empty until someone files the issue: the guidance is what it holds.
      placeholderOnly: isPlaceholderOnly(visible),
      children: [],
    });
  }
  return sections;
}

function readSections(items: Node[], depth: number, ctx: YamlContext, text: string): Section[] {
  const sections: Section[] = [];
  for (const item of items) {
    if (!isMap(item)) continue;
    const section = readSection(item, depth, ctx, text);
    if (section) sections.push(section);
  }
  return sections;
}

function readSection(map: YAMLMap, depth: number, ctx: YamlContext, text: string): Section | undefined {
  const pairs = pairsByKey(map);
  const titlePair = pairs.get('title');
  const titleNode = titlePair?.value;
  if (!titlePair || !isScalar(titleNode) || titleNode.value == null) return undefined;
  const prose: TextRun[] = [];
  let visible = '';
  for (const key of PROSE_KEYS) {
    const pair = pairs.get(key);
    if (pair) collectText(pair.value, ctx, prose, (t) => (visible += ` ${t}`));
  }
  const childPair = pairs.get('sections');
  const children = childPair && isSeq(childPair.value) ? readSections(childPair.value.items as Node[], depth + 1, ctx, text) : [];
  // The yaml package ends a block map after its last line break; a section ends where its text does (as in
  // Markdown), so what follows it (a fix inserting the next section) starts on the next line.
  const full = trimmedNodeRange(ctx, map);
  const headingRange = nodeRange(ctx, titleNode);
  const section: Section = {
    title: String(titleNode.value).trim(),
    depth,
    headingRange,
    contentRange: full,
    fullRange: full,
    prose,
    placeholderOnly: isPlaceholderOnly(visible),
    children,
  };
  const kindPair = pairs.get('kind');
  if (kindPair && isScalar(kindPair.value) && typeof kindPair.value.value === 'string') {
    section.declaredKind = { id: kindPair.value.value.trim(), range: nodeRange(ctx, kindPair.value) };
  }
  const ownerPair = pairs.get('owner');
  const owner = ownerPair && ownerFromPair(ctx, ownerPair);
  if (owner) section.owner = owner;
  return section;
}

function collectText(node: Node | null | undefined, ctx: YamlContext, into: TextRun[], visible: (t: string) => void): void {
  if (isScalar(node) && typeof node.value === 'string') {
    into.push(proseRun(node, ctx));
    visible(node.value);
  } else if (isSeq(node) || isMap(node)) {
    for (const item of node.items as unknown[]) {
      collectText((isMap(node) ? (item as { value: Node }).value : item) as Node, ctx, into, visible);
    }
  }
}

/**
 * The text a scalar's cue words are counted in, placed so every word's offset is where it stands in the file
 * (findings point at cue words). A block or plain scalar's source holds the same words as its value, with
 * only indentation and line breaks between them: the source itself is the run. A quoted scalar's escapes
 * (`\n`) would read as letters in the source: its value, from just past the opening quote (exact unless it
 * holds escapes or spans lines).
 */
function proseRun(node: Scalar, ctx: YamlContext): TextRun {
  const value = String(node.value);
  const [start = 0, end = start] = node.range ?? [];
  const source = ctx.lines.text.slice(ctx.base + start, ctx.base + end);
  if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) {
    // The header (`|`, `>-`, `|2`) ends at the first line break; the content starts after it.
    const header = source.search(/\r?\n/);
    if (header < 0) return { text: value, offset: ctx.base + end };
    const newline = source[header] === '\r' ? 2 : 1;
    return { text: source.slice(header + newline), offset: ctx.base + start + header + newline };
  }
  if (node.type === Scalar.PLAIN) return { text: source, offset: ctx.base + start };
  return { text: value, offset: ctx.base + start + 1 };
}

/** `# specroles-disable RULE -- reason` comments anywhere in the file. */
function readDirectives(text: string, lines: LineIndex): Directive[] {
  const directives: Directive[] = [];
  // Most specs have none: one search of the text for the word, not the pattern tried at every position.
  if (!text.includes('specroles-')) return directives;
  const comment = /(^|[ \t])#[ \t]*(specroles-[^\r\n]*)/gm;
  for (let m = comment.exec(text); m; m = comment.exec(text)) {
    const body = group(m, 2);
    const bodyStart = m.index + m[0].length - body.length;
    const parsed = parseDirective(body, bodyStart);
    if (!parsed) continue;
    const directive: Directive = {
      kind: parsed.kind,
      rules: parsed.rules.map((r) => ({ id: r.id, range: lines.range(r.start, r.end) })),
      range: lines.range(m.index + group(m, 1).length, m.index + m[0].length),
    };
    if (parsed.reason) directive.reason = parsed.reason;
    directives.push(directive);
  }
  return directives;
}
