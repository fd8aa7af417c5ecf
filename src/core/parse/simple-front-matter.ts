// Most front matter is a few lines of `key: value` (`type: prd`, `title: Mobile Wallet`, `owner: [pm, pmm]`).
// Parsing it with the yaml package was a tenth of linting a 5 KB spec (issue 17), so such front matter is
// read here, into the same nodes with the same ranges the yaml package gives; anything else (quotes,
// comments, nested values, numbers other than plain integers, words YAML reads as true, false or null,
// CR line ends) makes this return undefined, and the yaml package reads it. A differential test holds the
// two to the same result.
import { Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';

export interface SimpleFrontMatter {
  /** The front matter as the yaml package's nodes, each with the range that package gives it. */
  map: YAMLMap;
  /** The same as plain data, as `toJS` gives it. */
  data: Record<string, unknown>;
}

/** `key: value` with nothing around it: no indentation, one space or more after the colon, no trailing space. */
const LINE = /^([A-Za-z_][A-Za-z0-9_-]*): +(\S(?:.*\S)?)$/;
/** A plain scalar YAML reads as that very string: no character that could start or end something else. */
const PLAIN_STRING = /^\p{L}[\p{L}\p{N} _.,()/+'?&-]*$/u;
/** An item of a flow sequence (`[pm, pmm]`): no commas, brackets or spaces inside. */
const FLOW_ITEM = /^\p{L}[\p{L}\p{N}_.-]*$/u;
/** Plain words the core schema reads as null or a boolean. */
const NOT_A_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
/** A decimal integer the core schema reads as a number, small enough to be exact. */
const INTEGER = /^(?:0|[1-9][0-9]{0,14})$/;

export function simpleFrontMatter(yamlText: string): SimpleFrontMatter | undefined {
  if (yamlText.includes('\r')) return undefined;
  const map = new YAMLMap();
  const data: Record<string, unknown> = {};
  let offset = 0;
  for (const line of yamlText.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line) continue;
    const m = LINE.exec(line);
    if (!m) return undefined;
    const key = m[1]!;
    const written = m[2]!;
    if (Object.prototype.hasOwnProperty.call(data, key) || NOT_A_STRING.test(key)) return undefined;
    const valueStart = start + line.length - written.length;
    const value = readValue(written, valueStart);
    if (!value) return undefined;
    const keyNode = new Scalar(key);
    keyNode.type = 'PLAIN';
    keyNode.range = [start, start + key.length, start + key.length];
    map.items.push(new Pair(keyNode, value.node));
    data[key] = value.data;
  }
  if (!map.items.length) return undefined;
  map.range = [0, offset - 1, offset - 1];
  return { map, data };
}

/** A value: a plain string, a plain integer or a flow sequence of plain words. */
function readValue(written: string, start: number): { node: Scalar | YAMLSeq; data: unknown } | undefined {
  const end = start + written.length;
  if (written.startsWith('[')) {
    if (!written.endsWith(']')) return undefined;
    const seq = new YAMLSeq();
    seq.flow = true;
    seq.range = [start, end, end];
    const data: string[] = [];
    const inner = written.slice(1, -1);
    if (inner.trim()) {
      let at = start + 1;
      for (const part of inner.split(',')) {
        const item = part.trim();
        if (!FLOW_ITEM.test(item) || NOT_A_STRING.test(item)) return undefined;
        const itemStart = at + part.indexOf(item);
        seq.items.push(plainScalar(item, itemStart));
        data.push(item);
        at += part.length + 1;
      }
    }
    return { node: seq, data };
  }
  if (INTEGER.test(written)) {
    const scalar = plainScalar(Number(written), start, written.length);
    scalar.source = written;
    return { node: scalar, data: Number(written) };
  }
  if (!PLAIN_STRING.test(written) || NOT_A_STRING.test(written)) return undefined;
  return { node: plainScalar(written, start), data: written };
}

function plainScalar(value: string | number, start: number, length = String(value).length): Scalar {
  const scalar = new Scalar(value);
  scalar.type = 'PLAIN';
  scalar.range = [start, start + length, start + length];
  return scalar;
}
