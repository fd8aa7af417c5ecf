// Every finding on the real corpus, kept as a reviewed snapshot: any change in behaviour shows up as a
// diff of test/corpus/findings.snapshot.txt in review. UPDATE_SNAPSHOTS=1 rewrites it (read the diff).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/core';
import { corpusDir, corpusOrSkip, projectRoot } from '../support/paths';

const SNAPSHOT = join(projectRoot, 'test', 'corpus', 'findings.snapshot.txt');

describe('real corpus: findings snapshot', function () {
  before(function () {
    corpusOrSkip(this);
  });

  it('matches test/corpus/findings.snapshot.txt', () => {
    const lines: string[] = [];
    for (const file of readdirSync(corpusDir).filter((f) => /\.(md|ya?ml)$/.test(f) && f !== 'MANIFEST.md').sort()) {
      const path = join(corpusDir, file);
      for (const f of lint(readFileSync(path, 'utf8'), { path }).findings) {
        lines.push(`${file}:${f.range.start.line}:${f.range.start.column} ${f.severity} ${f.ruleId}: ${f.message}`);
      }
    }
    const actual = `${lines.join('\n')}\n`;
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(SNAPSHOT)) {
      writeFileSync(SNAPSHOT, actual);
      return;
    }
    assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'), 'corpus findings changed: review and run with UPDATE_SNAPSHOTS=1');
  });
});
