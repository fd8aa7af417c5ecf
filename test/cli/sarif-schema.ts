// The official SARIF 2.1.0 JSON schema, as shipped by Microsoft's @microsoft/jest-sarif package
// (lib/schemas/sarif-2.1.0-rtm.5.json: the schema published as SARIF 2.1.0, in its draft-04 form), compiled
// with ajv. Ajv 8 speaks draft-07, which differs from draft-04 here only in spelling the schema's own id
// `$id`; the schema uses no other draft-04-only keyword (checked below), so it is loaded with that one
// rename. Its formats (uri, uri-reference, date-time) are checked too.
// The draft-04 original is kept as is on disk; only the in-memory copy is adapted.
import Ajv, { type ValidateFunction } from 'ajv';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../support/paths';

export const SARIF_SCHEMA_PATH = join(projectRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

let compiled: ValidateFunction | undefined;

export function sarifValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = JSON.parse(readFileSync(SARIF_SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
  const text = JSON.stringify(schema);
  if (/"exclusive(Minimum|Maximum)":\s*(true|false)/.test(text)) throw new Error('draft-04 boolean exclusiveMinimum/Maximum: the rename is not enough');
  const { id, $schema: _draft04, ...rest } = schema;
  const draft07 = { $schema: 'http://json-schema.org/draft-07/schema#', $id: String(id), ...rest };
  // unicodeRegExp: false because the schema's `language` pattern has a stray "]", an error under the "u"
  // flag but a literal "]" without it (as in the JavaScript validators the schema was published for).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  ajv.addFormat('uri', (s: string) => /^[a-z][a-z0-9+.-]*:/i.test(s) && URL.canParse(s));
  ajv.addFormat('uri-reference', (s: string) => URL.canParse(s, 'file:///base/'));
  ajv.addFormat('date-time', (s: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)));
  compiled = ajv.compile(draft07);
  return compiled;
}

export function sarifErrors(log: unknown): string[] {
  const validate = sarifValidator();
  return validate(log) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}
