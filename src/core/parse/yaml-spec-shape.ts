// A YAML spec that the spec schema accepts as it is, told from the yaml package's nodes without making
// plain data of the document (toJS) and running zod over it: on a 1 MB spec those two cost about as much
// as a tenth of the parse. Only ever stricter than the schema (schema/spec.ts), which runs on anything
// else and says what is wrong; an alias anywhere also sends the document the long way, where toJS
// resolves it (and reports a missing anchor or an alias bomb), and so does a tagged list or map (under
// `%YAML 1.1`, `!!omap` and `!!set` become a JavaScript Map and Set, which the schema rejects).
import { isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';

/** The keys of yamlSpecSchema and of specSectionSchema (both strict), by what their value must be. */
export const SPEC_KEYS: Readonly<Record<string, (node: Node | null) => boolean>> = {
  $schema: isString,
  specroles: (node) => isScalar(node) && node.value === 1,
  type: isString,
  title: isString,
  owner: isOwnerValue,
  reviewers: isOwnerValue,
  sections: isSectionList,
};

export const SECTION_KEYS: Readonly<Record<string, (node: Node | null) => boolean>> = {
  title: (node) => isScalar(node) && typeof node.value === 'string' && node.value.length > 0,
  kind: isString,
  owner: isOwnerValue,
  body: isString,
  sections: isSectionList,
};

/** True when the top-level map of a spec is one yamlSpecSchema accepts as it is. */
export function plainlyValidYamlSpec(top: YAMLMap): boolean {
  return top.tag === undefined && hasOnly(top, SPEC_KEYS) && (top.items as Pair<Node | null>[]).some((p) => isScalar(p.key) && p.key.value === 'specroles');
}

function isSectionList(node: Node | null): boolean {
  return isList(node) && (node.items as (Node | null)[]).every((item) => isMap(item) && item.tag === undefined && hasOnly(item, SECTION_KEYS));
}

/** A list with no tag: one toJS makes an array of. */
function isList(node: Node | null): node is YAMLSeq {
  return isSeq(node) && node.tag === undefined;
}

/** Every key is a string the schema knows (at most once: a repeated key is a parse error) with a value it takes. */
function hasOnly(map: YAMLMap, keys: Readonly<Record<string, (node: Node | null) => boolean>>): boolean {
  for (const pair of map.items as Pair<Node | null, Node | null>[]) {
    const key = pair.key;
    if (!isScalar(key) || typeof key.value !== 'string' || !Object.hasOwn(keys, key.value)) return false;
    if (!keys[key.value]!(pair.value)) return false;
  }
  return true;
}

function isString(node: Node | null): boolean {
  return isScalar(node) && typeof node.value === 'string';
}

/** ownerValueSchema: a string or a list of strings. */
function isOwnerValue(node: Node | null): boolean {
  return isString(node) || (isList(node) && (node.items as (Node | null)[]).every(isString));
}
