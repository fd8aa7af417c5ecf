// The CLI over the real corpus (../shared/corpus/real, 40-odd specs from public repositories) in every
// format: it runs, exits 0 or 1, writes nothing on standard error, and each format's output is well
// formed; with a worker thread the JSON is identical to a run in one thread. Skipped, with a notice, when
// the corpus is absent.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { corpusOrSkip } from '../support/paths';
import { codeQualityErrors } from './gitlab-schema';
import { sarifErrors } from './sarif-schema';
import { runCli, type CliRun } from './support';

describe('CLI: the real corpus in every format', function () {
  this.timeout(120000);
  let dir: string;
  let files: string[];
  const runs = new Map<string, CliRun>();
  const run = (format: string, ...extra: string[]) => {
    const key = [format, ...extra].join(' ');
    if (!runs.has(key)) runs.set(key, runCli(['--format', format, ...extra, ...files], { cwd: dir }));
    const r = runs.get(key)!;
    assert.equal(r.stderr, '', 'nothing on standard error');
    assert.ok(r.code === 0 || r.code === 1, `exit code ${r.code}`);
    return r;
  };

  before(function () {
    const found = corpusOrSkip(this);
    if (!found) return;
    dir = found;
    files = readdirSync(dir)
      .filter((f) => /\.(md|ya?ml)$/.test(f) && f !== 'MANIFEST.md')
      .sort();
  });

  it('json: one entry per file in the order given, messages by position', () => {
    const out = JSON.parse(run('json').stdout) as { filePath: string; messages: { line: number; column: number }[] }[];
    assert.deepEqual(
      out.map((f) => f.filePath),
      files,
    );
    for (const f of out) {
      const positions = f.messages.map((m) => m.line * 1e6 + m.column);
      assert.deepEqual(positions, [...positions].sort((a, b) => a - b), `${f.filePath} messages in order`);
    }
    assert.ok(out.some((f) => f.messages.length), 'some findings');
  });

  it('json: a worker thread gives exactly what one thread gives', () => {
    assert.equal(run('json', '--concurrency', '1').stdout, run('json', '--concurrency', 'off').stdout);
  });

  it('stylish: grouped by file, with the summary line', () => {
    const out = run('stylish').stdout;
    assert.match(out, /\n✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\)\n/);
    for (const line of out.split('\n').filter((l) => l.startsWith('  ') && /^\s+\d+:\d+/.test(l))) {
      assert.match(line, /^ {2}\d+:\d+\s+(error|warning|info) {2}/);
    }
  });

  it('sarif: valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifErrors(JSON.parse(run('sarif').stdout)), []);
  });

  it('github: one well-formed workflow command per finding', () => {
    const total = (JSON.parse(run('json').stdout) as { messages: unknown[] }[]).reduce((n, f) => n + f.messages.length, 0);
    const lines = run('github').stdout.split('\n').filter(Boolean);
    assert.equal(lines.length, total);
    for (const line of lines) assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[^,:]+::[^\r\n]+$/);
  });

  it('junit: one test case per finding (one for a file without any), a failure per error or warning', () => {
    const out = run('junit').stdout;
    const json = JSON.parse(run('json').stdout) as { messages: { severity: string }[] }[];
    const cases = json.reduce((n, f) => n + Math.max(1, f.messages.length), 0);
    const failures = json.reduce((n, f) => n + f.messages.filter((m) => m.severity !== 'info').length, 0);
    assert.equal(json.length, files.length);
    assert.equal(out.match(/<testcase /g)?.length, cases);
    assert.equal(out.match(/<failure /g)?.length, failures);
    assert.ok(out.trimEnd().endsWith('</testsuites>'));
    // No raw markup characters inside attribute values or text.
    assert.doesNotMatch(out.replace(/<\/?[a-z?][^<>]*>/g, ''), /[<>]/);
  });

  it('gitlab: valid Code Quality, one issue per finding, unique fingerprints', () => {
    const issues = JSON.parse(run('gitlab').stdout) as { fingerprint: string }[];
    const total = (JSON.parse(run('json').stdout) as { messages: unknown[] }[]).reduce((n, f) => n + f.messages.length, 0);
    assert.equal(issues.length, total);
    assert.deepEqual(codeQualityErrors(issues), []);
    assert.equal(new Set(issues.map((i) => i.fingerprint)).size, issues.length);
  });

  it('summary: a row and a section per file, a role table for each', () => {
    const out = run('summary').stdout;
    assert.equal(out.match(/^### /gm)?.length, files.length);
    assert.equal(out.match(/^\| role \| sections \(kind\) \|/gm)?.length, files.length);
    assert.equal(out.match(/^\| others \| /gm)?.length, files.length);
  });
});
