// Where in the config files an engine config problem (problem.ts) is: the key of the rule, the item of
// `kinds`/`docTypes` (or the value at fault inside it), in the nearest config file that has it. The CLI
// prints the result as `file:line:column: message`; editors show it as a diagnostic at that range.
import { isMap, isScalar, isSeq, visit, type Document, type Node } from 'yaml';
import type { Range } from '../model';
import { parseYaml } from '../parse/yaml-text';
import { LineIndex } from '../text/lines';
import type { ConfigHost } from './load';
import type { ConfigProblem } from './problem';

/** A config problem with the file and range it is about, where they are known. */
export interface LocatedConfigProblem {
  message: string;
  /** The config file; absent when no config file was read (a config given as an object). */
  file?: string;
  /** The key or value in `file`; absent when the file does not name it (a problem of what it extends). */
  range?: Range;
  /** "Did you mean": the text meant at `range`. */
  suggestion?: string;
}

/** Finds `problem`'s key in `files` (nearest last, as LoadedConfig.files lists them), nearest first. */
export function locateConfigProblem(problem: ConfigProblem, files: readonly string[], host: ConfigHost): LocatedConfigProblem {
  const located: LocatedConfigProblem = { message: problem.message, ...(problem.suggestion ? { suggestion: problem.suggestion } : {}) };
  const nearest = files[files.length - 1];
  if (nearest === undefined) return located;
  for (const file of [...files].reverse()) {
    const text = host.readFile(file);
    if (text === undefined) continue;
    const doc = parseYaml(text, { prettyErrors: false, logLevel: 'error' });
    if (!isMap(doc.contents)) continue;
    const node = problem.at.list === 'rules' ? ruleKey(doc, problem.at.id) : listItem(doc, problem.at.list, problem.at.id, problem.at.value);
    if (node?.range) {
      const lines = new LineIndex(text);
      return { ...located, file, range: lines.range(node.range[0], node.range[1]) };
    }
  }
  return { ...located, file: nearest };
}

/** The rule's key under `rules`, else under the `rules` of an override. */
function ruleKey(doc: Document, id: string): Node | undefined {
  const direct = keyIn(doc.get('rules', true) as Node | undefined, id);
  if (direct) return direct;
  const overrides = doc.get('overrides', true) as Node | undefined;
  if (!isSeq(overrides)) return undefined;
  for (const o of overrides.items) {
    const hit = isMap(o) ? keyIn(o.get('rules', true) as Node | undefined, id) : undefined;
    if (hit) return hit;
  }
  return undefined;
}

/** The item of `kinds`/`docTypes` with this id (the value at fault inside it, if given), else the list's key. */
function listItem(doc: Document, list: 'kinds' | 'docTypes', id: string, value: string | undefined): Node | undefined {
  const items = doc.get(list, true) as Node | undefined;
  if (isSeq(items)) {
    for (const entry of items.items) {
      if (!isMap(entry) || String(entry.get('id')) !== id) continue;
      return (value !== undefined ? scalarIn(entry as Node, value) : undefined) ?? (entry as Node);
    }
  }
  if (!isMap(doc.contents)) return undefined;
  return doc.contents.items.find((p) => isScalar(p.key) && p.key.value === list)?.key as Node | undefined;
}

function keyIn(map: Node | undefined, key: string): Node | undefined {
  if (!isMap(map)) return undefined;
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.key as Node | undefined;
}

/** The first scalar value (not a key) inside `node` whose value is `value`. */
function scalarIn(node: Node, value: string): Node | undefined {
  let found: Node | undefined;
  visit(node, {
    Pair(_, pair) {
      if (found) return visit.BREAK;
      if (isScalar(pair.value) && String(pair.value.value) === value) found = pair.value;
      return undefined;
    },
    Seq(_, seq) {
      if (found) return visit.BREAK;
      found = seq.items.find((item): item is Node => isScalar(item) && String(item.value) === value);
      return found ? visit.BREAK : undefined;
    },
  });
  return found;
}
