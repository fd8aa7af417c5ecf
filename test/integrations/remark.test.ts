// The remark plugin (dist/remark.js) with the real remark-cli from npm: a `.remarkrc.mjs` in a temporary
// project uses it (and a second plugin that records each file's messages as JSON), remark-cli lints the
// project's Markdown, and the messages must carry the CLI's positions, rule ids and rule doc URLs.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from '../cli/support';
import { projectRoot } from '../support/paths';
import { BAD_PRD, GOOD_PRD, run, tempDir } from './support';
import { nth } from '../support/nth';

const remarkCli = join(projectRoot, 'node_modules', 'remark-cli', 'cli.js');
const plugin = join(projectRoot, 'dist', 'remark.js');

interface Recorded {
  reason: string;
  ruleId?: string;
  source?: string;
  url?: string;
  note?: string;
  fatal?: boolean | null;
  place?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

/** A .remarkrc.mjs that uses the plugin, then records each file's messages in `recorded/NAME.json`. */
const RC = `import specroles from ${JSON.stringify(pathToFileURL(plugin).href)};
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
function record() {
  return (_tree, file) => {
    mkdirSync(join(file.cwd, 'recorded'), { recursive: true });
    const messages = file.messages.map((m) => ({ reason: m.reason, ruleId: m.ruleId, source: m.source, url: m.url, note: m.note, fatal: m.fatal, place: m.place }));
    writeFileSync(join(file.cwd, 'recorded', basename(file.path) + '.json'), JSON.stringify(messages));
  };
}
export default { plugins: [specroles, record] };
`;

describe('remark plugin (dist/remark.js) with remark-cli', function () {
  this.timeout(60000);
  let temp = '';

  before(function () {
    assert.ok(existsSync(plugin), `${plugin} is built (node esbuild.mjs)`);
    assert.ok(existsSync(remarkCli), 'remark-cli is installed (a devDependency)');
  });
  beforeEach(function () {
    temp = tempDir('remark');
    mkdirSync(join(temp, 'specs'));
    writeFileSync(join(temp, '.remarkrc.mjs'), RC);
    writeFileSync(join(temp, 'specs', 'bad.prd.md'), BAD_PRD);
    writeFileSync(join(temp, 'specs', 'good.prd.md'), GOOD_PRD);
    writeFileSync(join(temp, 'README.md'), '# Checkout\n\n## Messaging <!-- owner: pm -->\n\nNot a spec: left alone.\n');
  });
  afterEach(function () {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  const remark = (...args: string[]) => run(process.execPath, [remarkCli, ...args], { cwd: temp, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const recorded = (name: string): Recorded[] => JSON.parse(readFileSync(join(temp, 'recorded', `${name}.json`), 'utf8')) as Recorded[];

  it('reports the CLI\'s findings with the same positions, rule ids and doc URLs; --frail fails on the warning', function () {
    const r = remark('.', '--frail', '--no-stdout', '--no-color');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /specs\/bad\.prd\.md\n\s*19:26-19:28\s+warning\s+Section "Messaging" is declared as owned by PM, .* section-owner-mismatch\s+specroles/);

    const [message, ...rest] = recorded('bad.prd.md');
    assert.deepEqual(rest, []);
    // The CLI's JSON report of the same file.
    const cli = runCli(['--format', 'json', 'specs/bad.prd.md'], { cwd: temp });
    const [expected] = nth(JSON.parse(cli.stdout) as { messages: { ruleId: string; message: string; line: number; column: number; endLine: number; endColumn: number }[] }[], 0).messages;
    assert.equal(message!.ruleId, expected!.ruleId);
    assert.equal(message!.ruleId, 'section-owner-mismatch');
    assert.equal(message!.reason, expected!.message);
    assert.equal(message!.source, 'specroles');
    assert.deepEqual(
      [message!.place!.start.line, message!.place!.start.column, message!.place!.end.line, message!.place!.end.column],
      [expected!.line, expected!.column, expected!.endLine, expected!.endColumn],
    );
    assert.equal(BAD_PRD.slice(message!.place!.start.offset, message!.place!.end.offset), 'pm');
    assert.equal(message!.fatal, false, 'a warning');
    assert.equal(message!.url, 'https://github.com/specroles/specroles/blob/main/docs/rules/section-owner-mismatch.md');
    // The section's own guidelines (positioning is the PMM's) first, the rule's general one after.
    assert.match(message!.note ?? '', /^Guidelines: pragmatic-pmm-positioning-messaging, .*pragmatic-pm-is-not-pmm/);

    assert.deepEqual(recorded('good.prd.md'), []);
    assert.deepEqual(recorded('README.md'), [], 'a README is no spec');
  });

  it('passes without --frail when there are only warnings; an error from the config fails', function () {
    assert.equal(remark('.', '--no-stdout').code, 0);
    writeFileSync(join(temp, '.specroles.yaml'), 'root: true\nrules:\n  section-owner-mismatch: error\n');
    const r = remark('.', '--no-stdout', '--no-color');
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, /19:26-19:28\s+error\s+Section "Messaging"/);
    assert.equal(nth(recorded('bad.prd.md'), 0).fatal, true);
  });

  it('uses shareable configs through extends, and reports a broken config as a fatal message', function () {
    mkdirSync(join(temp, 'node_modules', 'acme-specroles'), { recursive: true });
    writeFileSync(join(temp, 'node_modules', 'acme-specroles', 'specroles.yaml'), 'rules:\n  section-owner-mismatch: off\n');
    writeFileSync(join(temp, '.specroles.yaml'), 'root: true\nextends: acme-specroles\n');
    const off = remark('.', '--frail', '--no-stdout');
    assert.equal(off.code, 0, off.stderr);
    assert.deepEqual(recorded('bad.prd.md'), []);

    writeFileSync(join(temp, '.specroles.yaml'), 'root: true\nrulez: {}\n');
    const broken = remark('specs/bad.prd.md', '--no-stdout', '--no-color');
    assert.equal(broken.code, 1);
    assert.match(broken.stderr, /\.specroles\.yaml:2:1: Config: unknown key "rulez".*config\s+specroles/);
  });

  it('lints every Markdown file with onlySpecs: false', function () {
    writeFileSync(join(temp, '.remarkrc.mjs'), RC.replace('plugins: [specroles, record]', 'plugins: [[specroles, { onlySpecs: false }], record]'));
    remark('README.md', '--no-stdout');
    assert.deepEqual(recorded('README.md').map((m) => m.ruleId), ['section-owner-mismatch']);
  });

  it('works with --use and require()', function () {
    rmSync(join(temp, '.remarkrc.mjs'));
    const r = remark('--use', plugin, 'specs/bad.prd.md', '--no-stdout', '--no-color', '--frail');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /19:26-19:28\s+warning/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const required = require(plugin) as { default: unknown; remarkSpecroles: unknown };
    assert.equal(typeof required, 'function');
    assert.equal(required.default, required);
  });
});
