// Validates a parsed YAML document with a zod schema and turns each zod issue into a problem at the exact
// key or value it is about.
import { isMap, isScalar, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import type { ParseProblem, Range } from '../model';
import { findPair, nodeAtPath, nodeRange, type YamlContext } from './yaml-nodes';

export function pathLabel(path: readonly PropertyKey[]): string {
  return path.reduce<string>((label, key) => (typeof key === 'number' ? `${label}[${key}]` : label ? `${label}.${String(key)}` : String(key)), '');
}

export function schemaProblems(doc: Document, value: unknown, schema: z.ZodType, ctx: YamlContext, what: string): ParseProblem[] {
  const result = schema.safeParse(value);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const { node, depth } = nodeAtPath(doc, issue.path);
    let range: Range = nodeRange(ctx, node);
    let message: string;
    const where = pathLabel(issue.path);
    if (issue.code === 'unrecognized_keys' && isMap(node)) {
      const pair = findPair(node, issue.keys[0]!);
      if (pair?.key) range = nodeRange(ctx, pair.key as Node);
      message = `unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}${where ? ` in ${where}` : ''}`;
    } else if (depth < issue.path.length) {
      // The key is missing: point at the start of the map that lacks it.
      const start = nodeRange(ctx, node).start;
      range = { start, end: start };
      message = `"${where}" is required`;
    } else {
      message = `${where ? `"${where}": ` : ''}${describeIssue(issue, node)}`;
    }
    return { message: `${what}: ${message}`, range, fatal: false };
  });
}

function describeIssue(issue: z.core.$ZodIssue, node: Node | null | undefined): string {
  if (issue.code === 'invalid_type') {
    const got = node === null || node === undefined ? 'nothing' : isScalar(node) ? `${typeof node.value} ${JSON.stringify(node.value)}` : isMap(node) ? 'a map' : 'a list';
    return `expected ${issue.expected}, found ${got}`;
  }
  if (issue.code === 'invalid_value') {
    return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
  }
  return issue.message;
}
