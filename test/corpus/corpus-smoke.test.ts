// Every real spec in ../shared/corpus/real lints without an exception (read in place, never copied).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../src/core';
import { corpusDir, corpusOrSkip } from '../support/paths';

describe('real corpus: lints every document without an exception', function () {
  before(function () {
    corpusOrSkip(this);
  });
  it('lints all 40 documents', function () {
    const files = readdirSync(corpusDir).filter((f) => /\.(md|ya?ml)$/.test(f) && f !== 'MANIFEST.md');
    assert.ok(files.length >= 40, `found ${files.length} corpus files`);
    for (const file of files) {
      const path = join(corpusDir, file);
      const result = lint(readFileSync(path, 'utf8'), { path });
      for (const f of result.findings) {
        assert.ok(f.range.start.line >= 1 && f.range.start.column >= 1, `${file}: finding with a real position`);
        assert.ok(f.message.length > 20, `${file}: finding with a message`);
        assert.ok(f.guidelines.length > 0, `${file}: ${f.ruleId} cites a guideline`);
      }
    }
  });
});
