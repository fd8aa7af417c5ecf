// Helpers over the `yaml` package's node tree: ranges in document offsets, owner values, map lookups.
import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
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

export function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  return (map.items as Pair<Node, Node | null>[]).find((p) => isScalar(p.key) && String(p.key.value) === key);
}

export function pairRange(ctx: YamlContext, pair: Pair<Node, Node | null>): Range {
  const start = pair.key?.range?.[0] ?? 0;
  const end = pair.value?.range?.[1] ?? pair.key?.range?.[1] ?? start;
  return ctx.lines.range(ctx.base + start, ctx.base + end);
}

/** Reads `owner: pm`, `owner: "pm, pmm"` or `owner: [pm, pmm]` with a range for every role. */
export function ownerFromPair(ctx: YamlContext, pair: Pair<Node, Node | null>): OwnerDeclaration | undefined {
  const value = pair.value;
  const items: OwnerDeclaration['items'] = [];
  if (isScalar(value) && value.range) {
    const raw = String(value.value ?? '');
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
    const offset = ctx.base + value.range[0] + quoted;
    for (const item of parseOwnerList(raw).items) {
      items.push({ role: item.role, range: ctx.lines.range(offset + item.start, offset + item.end) });
    }
  } else if (isSeq(value)) {
    for (const item of value.items as Node[]) {
      if (isScalar(item) && item.range) {
        items.push({ role: String(item.value ?? '').toLowerCase().trim(), range: nodeRange(ctx, item) });
      }
    }
  } else {
    return undefined;
  }
  return {
    roles: items.map((i) => i.role),
    range: pairRange(ctx, pair),
    valueRange: nodeRange(ctx, value),
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
