// Helpers over the `yaml` package's node tree: ranges in document offsets, owner values, map lookups.
import { isMap, isScalar, isSeq, visit, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { OwnerDeclaration, Range } from '../model';
import type { LineIndex } from '../text/lines';
import { parseOwnerList } from './comments';

export interface YamlContext {
  lines: LineIndex;
  /** Offset of the YAML text inside the document (front matter starts after `---`). */
  base: number;
}

export function nodeRange(ctx: YamlContext, node: Node | null | undefined, fallback = 0): Range {
  const r = node?.range;
  if (!r) return ctx.lines.range(ctx.base + fallback, ctx.base + fallback);
  return ctx.lines.range(ctx.base + r[0], ctx.base + r[1]);
}

/**
 * A node's range without the line break and blank lines the yaml package counts into a block collection
 * or block scalar: what the user sees as the value, and what a fix may replace.
 */
export function trimmedNodeRange(ctx: YamlContext, node: Node | null | undefined): Range {
  const r = node?.range;
  if (!r) return nodeRange(ctx, node);
  return ctx.lines.range(ctx.base + r[0], trimmedEnd(ctx, r));
}

/** Where trimmedNodeRange of a node with range `r` ends, in document offsets. */
function trimmedEnd(ctx: YamlContext, r: readonly number[]): number {
  const text = ctx.lines.text;
  const start = ctx.base + (r[0] ?? 0);
  let end = ctx.base + (r[1] ?? 0);
  // YAML's own white space only: JavaScript's \s also takes U+2028, U+00A0 and U+FEFF, which YAML reads as text.
  while (end > start && isYamlSpace(text.charCodeAt(end - 1))) end--;
  return end;
}

/** Space, tab, CR or LF. */
function isYamlSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

export function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/**
 * The pairs of a map by key, the first of each as findPair finds it: one pass over the map for a reader
 * that looks up many keys in each of thousands of maps (a spec's sections).
 */
export function pairsByKey(map: YAMLMap): Map<string, Pair<Node, Node | null>> {
  const pairs = new Map<string, Pair<Node, Node | null>>();
  for (const pair of map.items as Pair<Node, Node | null>[]) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    if (!pairs.has(key)) pairs.set(key, pair);
  }
  return pairs;
}

export function pairRange(ctx: YamlContext, pair: Pair<Node, Node | null>): Range {
  const start = pair.key?.range?.[0] ?? 0;
  // The offset a Range of trimmedNodeRange would end at (positions are clamped to the text), without making one.
  const end = pair.value?.range ? Math.max(0, Math.min(trimmedEnd(ctx, pair.value.range), ctx.lines.text.length)) - ctx.base : (pair.key?.range?.[1] ?? start);
  return ctx.lines.range(ctx.base + start, ctx.base + Math.max(start, end));
}

/** Reads `owner: pm`, `owner: "pm, pmm"` or `owner: [pm, pmm]` with a range for every role. */
export function ownerFromPair(ctx: YamlContext, pair: Pair<Node, Node | null>): OwnerDeclaration | undefined {
  const value = pair.value;
  const items: OwnerDeclaration['items'] = [];
  // `owner: 7` or `owner: true` is a wrong type, which the schema reports; it names no role to check.
  if (isScalar(value) && value.range && (typeof value.value === 'string' || value.value === null)) {
    const raw = String(value.value ?? '');
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
    const offset = ctx.base + value.range[0] + quoted;
    // The value as read differs from its source where the scalar folds lines or has escapes: find each
    // role in the source in turn (so a fix replaces exactly it), else point at the whole value.
    const source = ctx.lines.text.slice(offset, ctx.base + value.range[1]);
    let cursor = 0;
    for (const item of parseOwnerList(raw).items) {
      const written = raw.slice(item.start, item.end);
      const at = source === raw ? item.start : source.indexOf(written, cursor);
      if (at >= 0) {
        items.push({ role: item.role, range: ctx.lines.range(offset + at, offset + at + written.length) });
        cursor = at + written.length;
      } else {
        items.push({ role: item.role, range: trimmedNodeRange(ctx, value) });
      }
    }
  } else if (isSeq(value)) {
    for (const item of value.items as Node[]) {
      const role = isScalar(item) && item.range ? String(item.value ?? '').toLowerCase().trim() : '';
      // An empty item (`- ""`) names no role; kept, it would become an empty entry in a rewritten list.
      if (role) items.push({ role, range: nodeRange(ctx, item) });
    }
  }
  // Any other value (a map, an alias) still declares an owner, with no roles in it: the schema reports the
  // value, and a fix rewrites it in place rather than adding a second `owner:` key.
  const keyEnd = pair.key?.range?.[1];
  const valueRange = value?.range || keyEnd === undefined ? trimmedNodeRange(ctx, value) : ctx.lines.range(ctx.base + keyEnd, ctx.base + keyEnd);
  return {
    roles: items.map((i) => i.role),
    range: pairRange(ctx, pair),
    valueRange,
    items,
  };
}

export function isYamlMap(node: unknown): node is YAMLMap {
  return isMap(node);
}

/** The node at a path of keys and indexes (as zod reports them), as deep as it exists. */
export function nodeAtPath(doc: Document, path: readonly PropertyKey[]): { node: Node | null | undefined; pair?: Pair<Node, Node | null>; depth: number } {
  let node: Node | null | undefined = doc.contents as Node | null;
  let pair: Pair<Node, Node | null> | undefined;
  let depth = 0;
  for (const key of path) {
    if (isMap(node)) {
      const found = findPair(node, String(key));
      if (!found) break;
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof key === 'number' && node.items[key]) {
      pair = undefined;
      node = node.items[key] as Node;
    } else {
      break;
    }
    depth++;
  }
  return pair ? { node, pair, depth } : { node, depth };
}

/**
 * The document as plain data, for schema validation. The yaml package throws here, not while parsing,
 * for an alias whose anchor is missing and for an alias bomb ("billion laughs"): then the error and the
 * first alias, where the problem can be shown.
 */
export function plainData(doc: Document): { value: unknown } | { error: string; at: Node | null } {
  try {
    return { value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (e) {
    let at: Node | null = null;
    let first: Node | null = null;
    visit(doc, {
      Alias(_, node) {
        first ??= node;
        if (!at && node.resolve(doc) === undefined) at = node;
      },
    });
    return { error: e instanceof Error ? e.message : String(e), at: at ?? first ?? (doc.contents as Node | null) };
  }
}
