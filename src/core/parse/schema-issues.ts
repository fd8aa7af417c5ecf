// Validates a parsed YAML document with a zod schema and turns each zod issue into a problem at the exact
// key or value it is about.
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ParseProblem, Range } from '../model';
import { WITHOUT_JIT } from '../schema/jitless';
import { findPair, nodeAtPath, nodeRange, type YamlContext } from './yaml-nodes';

export function pathLabel(path: readonly PropertyKey[]): string {
  return path.reduce<string>((label, key) => (typeof key === 'number' ? `${label}[${key}]` : label ? `${label}.${String(key)}` : String(key)), '');
}

export function schemaProblems(doc: Document, value: unknown, schema: z.ZodType, ctx: YamlContext, what: string): ParseProblem[] {
  const result = schema.safeParse(value, WITHOUT_JIT);
  if (result.success) return [];
  return result.error.issues.flatMap(intoMatchedAlternative).flatMap((issue): ParseProblem[] => {
    const { node, depth } = nodeAtPath(doc, issue.path);
    let range: Range = nodeRange(ctx, node);
    let message: string;
    const where = pathLabel(issue.path);
    if (issue.code === 'unrecognized_keys' && isMap(node)) {
      // One problem per unknown key, each underlined where it is written.
      return issue.keys.map((key) => {
        const pair = findPair(node, key);
        return {
          message: `${what}: unknown key "${key}"${where ? ` in ${where}` : ''}`,
          range: pair?.key ? nodeRange(ctx, pair.key as Node) : range,
          fatal: false,
        };
      });
    } else if (depth < issue.path.length) {
      // The key is missing: point at the start of the map that lacks it.
      const start = nodeRange(ctx, node).start;
      range = { start, end: start };
      message = `"${where}" is required`;
    } else {
      message = `${where ? `"${where}": ` : ''}${describeIssue(issue, node)}`;
    }
    return [{ message: `${what}: ${message}`, range, fatal: false }];
  });
}

/**
 * A union none of whose alternatives fits: where one fits the value's shape and fails only inside it
 * (`[warning, 3]` is a list like `[severity, options]`, but 3 is not options), its inner issues say more
 * than "expected one of these" and point at the part that is wrong.
 */
function intoMatchedAlternative(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const inside = issue.errors.find((alternative) => alternative.length && alternative.every((inner) => inner.path.length > 0));
  if (!inside) return [issue];
  return inside.flatMap((inner) => intoMatchedAlternative({ ...inner, path: [...issue.path, ...inner.path] } as z.core.$ZodIssue));
}

/** zod's type names as a spec or config author knows them. */
function typeName(expected: string): string {
  if (expected === 'array' || expected === 'tuple') return 'a list';
  if (expected === 'record' || expected === 'object' || expected === 'map') return 'a map';
  return expected === 'int' ? 'a whole number' : `a ${expected}`;
}

function describeIssue(issue: z.core.$ZodIssue, node: Node | null | undefined): string {
  if (issue.code === 'invalid_type') {
    return `expected ${typeName(issue.expected)}, found ${describeNode(node)}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}, found ${describeNode(node)}`;
  }
  if (issue.code === 'invalid_union') {
    // Say what each alternative wanted: `expected "off", "info", "warning" or "error", or a list`.
    const wanted = new Set<string>();
    for (const alternative of issue.errors) {
      for (const inner of alternative) {
        if (inner.path.length) continue;
        if (inner.code === 'invalid_value') inner.values.forEach((v) => wanted.add(JSON.stringify(v)));
        else if (inner.code === 'invalid_type') wanted.add(typeName(inner.expected));
      }
    }
    const list = [...wanted];
    if (list.length) return `expected ${list.length > 1 ? `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}` : list[0]}, found ${describeNode(node)}`;
  }
  return issue.message;
}

function describeNode(node: Node | null | undefined): string {
  if (node === null || node === undefined) return 'nothing';
  // `owner:` with no value is a null scalar: "found nothing", not "found object null".
  if (isScalar(node)) return node.value === null || node.value === undefined ? 'nothing' : `${typeof node.value} ${JSON.stringify(node.value)}`;
  return isMap(node) ? 'a map' : 'a list';
}
