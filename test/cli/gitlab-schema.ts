// GitLab's Code Quality report, as a JSON Schema written from GitLab's documentation of the format:
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format ("Code Quality report
// format": a JSON array of objects with `description`, `check_name`, `fingerprint`, `severity` (info,
// minor, major, critical or blocker), `location.path` and `location.lines.begin`; `location.lines.end`
// optional). It is stricter than the schema GitLab's own parser validates each issue with
// (gitlab-org/gitlab app/validators/json_schemas/codeclimate.json: `description`, `fingerprint`,
// `severity` and `location` required, `location.lines.begin` an integer), so what passes here passes there.
import Ajv, { type ValidateFunction } from 'ajv';

export const codeQualitySchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'GitLab Code Quality report',
  type: 'array',
  items: {
    type: 'object',
    required: ['description', 'check_name', 'fingerprint', 'severity', 'location'],
    properties: {
      description: { type: 'string', minLength: 1 },
      check_name: { type: 'string', minLength: 1 },
      fingerprint: { type: 'string', minLength: 1 },
      severity: { enum: ['info', 'minor', 'major', 'critical', 'blocker'] },
      location: {
        type: 'object',
        required: ['path', 'lines'],
        properties: {
          path: { type: 'string', minLength: 1, not: { pattern: '^(/|[A-Za-z]:)' } },
          lines: {
            type: 'object',
            required: ['begin'],
            properties: { begin: { type: 'integer', minimum: 1 }, end: { type: 'integer', minimum: 1 } },
          },
        },
      },
    },
  },
} as const;

let compiled: ValidateFunction | undefined;

/** ajv's errors for a parsed report, as "path: message" lines; empty when it is valid. */
export function codeQualityErrors(report: unknown): string[] {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(codeQualitySchema);
  return compiled(report) ? [] : (compiled.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`);
}
