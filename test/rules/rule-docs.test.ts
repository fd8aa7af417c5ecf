// Every rule's doc page carries valid and invalid examples; this suite runs them. A rule's examples are
// its tests, so the docs can never drift from the behaviour. UPDATE_SNAPSHOTS=1 rewrites the findings
// blocks from the current behaviour (review the diff before committing).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { lint, rules, type Config, type Finding } from '../../src/core';
import { projectRoot } from '../support/paths';
import { readExamples } from '../support/rule-docs';

const update = process.env.UPDATE_SNAPSHOTS === '1';

export function describeFinding(f: Finding): string {
  const { start, end } = f.range;
  return `${start.line}:${start.column}-${end.line}:${end.column} ${f.severity} ${f.message}`;
}

describe('rule docs: every example behaves as documented', () => {
  for (const rule of rules) {
    const id = rule.meta.id;
    const path = join(projectRoot, 'docs', 'rules', `${id}.md`);
    describe(id, () => {
      const doc = existsSync(path) ? readFileSync(path, 'utf8') : '';
      const examples = readExamples(doc);
      const replacements: { start: number; end: number; text: string }[] = [];

      it('has a doc page with valid and invalid examples', () => {
        assert.ok(doc.startsWith(`# ${id}`), `docs/rules/${id}.md starts with "# ${id}"`);
        assert.ok(examples.some((e) => e.expected.length === 0), 'at least one valid example (empty findings)');
        assert.ok(examples.some((e) => e.expected.length > 0), 'at least one invalid example');
        for (const g of rule.meta.guidelines) assert.ok(doc.includes(g), `the doc names guideline ${g}`);
      });

      for (const example of examples) {
        it(`${example.title} (${example.file})`, () => {
          const config = example.config ? (parse(example.config) as Config) : {};
          const result = lint(example.text, { path: example.file, config });
          const actual = result.findings.filter((f) => f.ruleId === id).map(describeFinding);
          if (update) {
            const fence = '```';
            replacements.push({ ...example.findingsBlock, text: `${fence}text findings\n${actual.join('\n')}${actual.length ? '\n' : ''}${fence}` });
            return;
          }
          assert.deepEqual(actual, example.expected);
        });
      }

      after(() => {
        if (!update || !replacements.length) return;
        let out = doc;
        for (const r of replacements.sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
        writeFileSync(path, out);
      });
    });
  }
});
