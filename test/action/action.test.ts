// The GitHub Action (action.yml, dist/action.js) run as the runner runs it: `node dist/action.js` with
// the inputs as INPUT_<NAME> variables (upper-cased, spaces as underscores, hyphens kept) and
// GITHUB_STEP_SUMMARY / GITHUB_OUTPUT pointing at files, on a folder of specs with more warnings than
// GitHub annotates. And action.yml itself: its shape (a schema written from GitHub's metadata syntax,
// https://docs.github.com/actions/reference/metadata-syntax-for-github-actions), its inputs and outputs
// matching the code, and @action-validator/cli's verdict where that package is installed.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

const actionPath = join(projectRoot, 'dist', 'action.js');

/** A PRD with 4 warnings (two required sections missing, two PMM sections declared as the PM's) and 1 info. */
const SPEC = `---
type: prd
---
# Feature

## Problem

Shoppers abandon carts at the payment step.

## Messaging <!-- owner: pm -->

Our tagline: pay in one tap.

## Positioning <!-- owner: pm -->

For busy shoppers, the fastest checkout.

## Pricing <!-- owner: pm -->

Free for the first year.
`;

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  summary: string;
  outputs: Record<string, string>;
}

describe('GitHub Action (dist/action.js)', function () {
  this.timeout(60000);
  let dir = '';

  const runAction = (inputs: Record<string, string>): ActionRun => {
    const summaryFile = join(dir, 'step-summary.md');
    const outputFile = join(dir, 'github-output.txt');
    writeFileSync(summaryFile, '');
    writeFileSync(outputFile, '');
    const env: NodeJS.ProcessEnv = {};
    for (const [k, v] of Object.entries(process.env)) if (!/^(INPUT_|GITHUB_|RUNNER_)/.test(k) && k !== 'CI' && k !== 'FORCE_COLOR') env[k] = v;
    Object.assign(env, { CI: 'true', GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summaryFile, GITHUB_OUTPUT: outputFile, GITHUB_WORKSPACE: dir });
    for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
    const r = spawnSync(process.execPath, [actionPath], { cwd: dir, env, encoding: 'utf8' });
    if (r.error) throw r.error;
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, summary: readFileSync(summaryFile, 'utf8'), outputs };
  };
  const commands = (stdout: string, name: string) => stdout.split('\n').filter((l) => l.startsWith(`::${name} `) || l.startsWith(`::${name}::`));
  // The defaults action.yml gives inputs that are not set in a workflow.
  const defaults = { paths: '.', config: '', 'max-warnings': '-1', 'sarif-file': '', summary: 'true' };

  before(function () {
    assert.ok(existsSync(actionPath), `${actionPath} is built (node esbuild.mjs)`);
    dir = mkdtempSync(join(tmpdir(), 'specroles-action-'));
    mkdirSync(join(dir, 'specs'));
    for (let i = 1; i <= 4; i++) writeFileSync(join(dir, 'specs', `feature-${i}.prd.md`), SPEC);
    // One error: an unknown role.
    writeFileSync(join(dir, 'specs', 'broken.prd.md'), SPEC.replace('## Problem', '## Problem <!-- owner: designer -->'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('annotates within the caps, says how many more there are, writes the summary, outputs and SARIF, and fails on an error', () => {
    const run = runAction({ ...defaults, paths: 'specs', 'sarif-file': 'reports/specroles.sarif' });
    assert.equal(run.code, 1, run.stderr);
    assert.equal(run.outputs.errors, '1');
    assert.equal(run.outputs.warnings, '20');
    assert.equal(run.outputs.infos, '5');
    // 10 warnings, 1 error, 5 infos annotated (each under its cap of 10, notices 9), then the notice about the rest.
    const warnings = commands(run.stdout, 'warning');
    assert.equal(warnings.length, 10);
    assert.match(nth(warnings, 0), /^::warning file=specs\/broken\.prd\.md,line=2,col=7,endLine=2,endColumn=10,title=specroles missing-section::/);
    const errors = commands(run.stdout, 'error');
    assert.match(nth(errors, 0), /^::error file=specs\/broken\.prd\.md,line=6,.*title=specroles invalid-owner::"designer" is not a known role/);
    assert.match(nth(errors, errors.length - 1), /^::error title=specroles::specroles failed: 1 error\.$/);
    const notices = commands(run.stdout, 'notice');
    assert.equal(notices.length, 6, 'five infos and the notice about the rest');
    assert.equal(
      notices[5],
      '::notice title=specroles::10 more findings (0 errors, 10 warnings, 0 infos) not annotated: GitHub shows at most 10 annotations of each severity per step. See the job summary, the SARIF report reports/specroles.sarif (code scanning, once uploaded), the log below.',
    );
    // Every finding in the log, in the stylish format.
    assert.match(run.stdout, /✖ 26 problems \(1 error, 20 warnings, 5 infos\)/);
    // The job summary is --format summary's Markdown.
    assert.match(run.summary, /^## specroles: 5 specs, 1 error, 20 warnings, 5 infos\n/);
    assert.match(run.summary, /^\| PMM \| Messaging \(Messaging, line 10\)<br>Positioning \(Positioning, line 14\) \| — \| — \|$/m);
    assert.match(run.summary, /\(\[invalid-owner\]\(https:\/\/github\.com\/specroles\/specroles\/blob\/main\/docs\/rules\/invalid-owner\.md\)\)/);
    const sarif = JSON.parse(readFileSync(join(dir, 'reports', 'specroles.sarif'), 'utf8'));
    assert.equal(sarif.runs[0].results.length, 26);
  });

  it('follows max-warnings as ESLint does: more warnings than allowed fail, as many pass', () => {
    writeFileSync(join(dir, 'specs', 'broken.prd.md'), SPEC);
    try {
      const over = runAction({ ...defaults, paths: 'specs', 'max-warnings': '19' });
      assert.equal(over.code, 1);
      assert.match(over.stdout, /^::error title=specroles::specroles failed: 20 warnings, more than max-warnings \(19\) allows\.$/m);
      const within = runAction({ ...defaults, paths: 'specs', 'max-warnings': '20' });
      assert.equal(within.code, 0, within.stderr);
      assert.equal(commands(within.stdout, 'warning').length, 10);
      assert.match(within.stdout, /^::notice title=specroles::10 more findings \(0 errors, 10 warnings, 0 infos\) not annotated: .* See the job summary, the log below\.$/m);
      const unlimited = runAction({ ...defaults, paths: 'specs' });
      assert.equal(unlimited.code, 0);
    } finally {
      writeFileSync(join(dir, 'specs', 'broken.prd.md'), SPEC.replace('## Problem', '## Problem <!-- owner: designer -->'));
    }
  });

  it('summary: false leaves the job summary alone; few findings need no notice', () => {
    const run = runAction({ ...defaults, paths: 'specs/feature-1.prd.md', summary: 'false' });
    assert.equal(run.code, 0);
    assert.equal(run.summary, '');
    assert.equal(commands(run.stdout, 'warning').length, 4);
    assert.equal(commands(run.stdout, 'notice').length, 1, 'the info only');
    assert.deepEqual(run.outputs, { errors: '0', warnings: '4', infos: '1' });
  });

  it('a broken config or a bad input is an error annotation and exit code 2', () => {
    writeFileSync(join(dir, 'broken.yaml'), 'rulez: {}\n');
    const config = runAction({ ...defaults, paths: 'specs', config: 'broken.yaml' });
    assert.equal(config.code, 2);
    assert.match(config.stdout, /^::error title=specroles::/m);
    assert.match(config.stderr, /broken\.yaml/);
    const input = runAction({ ...defaults, paths: 'specs', 'max-warnings': 'many' });
    assert.equal(input.code, 2);
    assert.match(input.stdout, /^::error title=specroles::--max-warnings expects a whole number/m);
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(projectRoot, 'action.yml'), 'utf8'));
  const source = readFileSync(join(projectRoot, 'src', 'action', 'main.ts'), 'utf8');

  it("has the shape of GitHub's action metadata (a JavaScript action on node20)", () => {
    const schema = {
      type: 'object',
      required: ['name', 'description', 'runs'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 1 },
        description: { type: 'string', minLength: 1 },
        author: { type: 'string' },
        branding: { type: 'object', additionalProperties: false, properties: { icon: { type: 'string' }, color: { enum: ['white', 'black', 'yellow', 'blue', 'green', 'orange', 'red', 'purple', 'gray-dark'] } } },
        inputs: {
          type: 'object',
          propertyNames: { pattern: '^[A-Za-z_][A-Za-z0-9_-]*$' },
          additionalProperties: {
            type: 'object',
            required: ['description'],
            additionalProperties: false,
            properties: { description: { type: 'string' }, required: { type: 'boolean' }, default: { type: 'string' }, deprecationMessage: { type: 'string' } },
          },
        },
        outputs: { type: 'object', additionalProperties: { type: 'object', required: ['description'], additionalProperties: false, properties: { description: { type: 'string' } } } },
        runs: {
          type: 'object',
          required: ['using', 'main'],
          additionalProperties: false,
          properties: { using: { const: 'node20' }, main: { const: 'dist/action.js' }, pre: { type: 'string' }, post: { type: 'string' } },
        },
      },
    };
    const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);
    assert.ok(validate(action), JSON.stringify(validate.errors));
  });

  it('declares exactly the inputs the entry reads and the outputs it writes', () => {
    const read = [...source.matchAll(/[iI]nput\(env, '([^']+)'/g)].map((m) => nth(m, 1));
    assert.deepEqual(Object.keys(action.inputs).sort(), [...new Set(read)].sort());
    assert.deepEqual(Object.keys(action.outputs).sort(), ['errors', 'infos', 'warnings']);
  });

  it('is valid for @action-validator/cli, and so are the project\'s workflows (where installed)', function () {
    const cli = join(projectRoot, 'node_modules', '@action-validator', 'cli', 'cli.mjs');
    if (!existsSync(cli)) {
      console.warn('    notice: @action-validator/cli is not installed (npm ci installs it); skipped');
      this.skip();
    }
    // The Action's metadata and the project's own workflows (the release workflow publishes the Action).
    const workflows = join(projectRoot, '.github', 'workflows');
    const files = [join(projectRoot, 'action.yml'), ...readdirSync(workflows).filter((f) => f.endsWith('.yml')).map((f) => join(workflows, f))];
    for (const file of files) {
      const r = spawnSync(process.execPath, [cli, file], { encoding: 'utf8' });
      assert.equal(r.status, 0, `${file}\n${r.stdout}${r.stderr}`);
    }
  });
});
