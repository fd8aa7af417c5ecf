// Time stays linear in input size (issue #7). Every regular expression in src/core (found by scanning
// the source, so a new one is covered the day it is written), every heading pattern in kinds.yaml and
// the regexes built at run time get inputs made to trigger backtracking: long runs of each character the
// pattern mentions or loops on, pairs of them, and the pattern's own literal fragments repeated without
// their ending (unterminated brackets, comments, fences). Then whole documents go through `lint` with
// the same shapes in headings, bodies, front matter, YAML and comments.
//
// Nothing is timed absolutely: for sizes n and 8n, t(8n) must stay under 30·t(n) + 20 ms (linear is
// 8×, quadratic 64×). Timings are the best of three, so a GC pause cannot fail a run.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogueFor, lint, type LintOptions } from '../../src/core';
import { anyPattern } from '../../src/core/classify/heading';
import { otherGenres } from '../../src/core/detect/other-genres';
import { projectRoot } from '../support/paths';
import { findRegexes } from '../support/regex-literals';

const RATIO = 30;
const SLACK_MS = 20;

// Mocha sets Error.stackTraceLimit to Infinity; the yaml package makes an Error per bad token, so each
// would copy the whole (deep, recursive) stack and time would grow with depth × errors. Node's default
// (10) is what the CLI and the editor run with.
function nodeDefaultStackTraces(): void {
  let saved = Error.stackTraceLimit;
  before(() => {
    saved = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
  });
  after(() => {
    Error.stackTraceLimit = saved;
  });
}

function bestOf(runs: number, fn: (run: number) => void): number {
  let best = Infinity;
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    fn(r);
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

/**
 * Undefined when t(8n) < 30·t(n) + 20 ms, else what was measured. The size grows from n/8 by doubling
 * first, so a shape that blows up (cubic, exponential) is caught on a small input instead of running for
 * minutes on the large one: a doubling that costs more than 3.2× (linear is 2×, quadratic 4×) fails.
 */
function superlinear(run: (size: number, attempt: number) => void, n: number): string | undefined {
  let attempt = 0;
  const time = (size: number, runs: number) => bestOf(runs, () => run(size, attempt++));
  let size = Math.max(1, Math.floor(n / 8));
  time(size, 1); // warm up: the first run of a code path pays for compiling it
  let previous = time(size, 2);
  while (size < n) {
    const next = time(size * 2, 2);
    if (next > 10 && next > 3.2 * previous + 5) {
      // Confirm over a wider step, where noise matters less: 4× the input, linear 4×, quadratic 16×.
      const before = time(size, 3);
      const confirm = time(size * 4, 3);
      if (confirm > 10 && confirm > 8 * before + 5) {
        return `t(${size}) = ${before.toFixed(1)} ms, t(${size * 4}) = ${confirm.toFixed(1)} ms: ×${(confirm / before).toFixed(1)} for 4× the input (linear is ×4)`;
      }
    }
    size *= 2;
    previous = next;
    // Slow but growing linearly so far: enough evidence, and 8n would take long.
    if (previous > 200) return undefined;
  }
  const small = previous;
  const large = time(8 * n, 1);
  if (large < RATIO * small + SLACK_MS) return undefined;
  const small3 = time(n, 3);
  const large3 = time(8 * n, 3);
  return large3 < RATIO * small3 + SLACK_MS ? undefined : `t(${n}) = ${small3.toFixed(1)} ms, t(${8 * n}) = ${large3.toFixed(1)} ms (×${(large3 / small3).toFixed(0)}, allowed ×${RATIO} + ${SLACK_MS} ms)`;
}

// ---------------------------------------------------------------------------------------------------
// Inputs for one regex

const BASE_CHARS = ['a', 'A', ' ', '1', '\n', '\t', '-', '.', '#', '*', '_', 'é', '🚀', '\r'];

/** Characters a pattern mentions, loops on or matches by class. */
function charsOf(source: string): string[] {
  const chars = new Set(BASE_CHARS);
  for (const ch of source) if (ch >= ' ' && ch <= '~' && ch !== '\\') chars.add(ch);
  if (/\\s/.test(source)) chars.add('\u00a0');
  if (/\\p\{Extended_Pictographic\}|\\u\{1F/.test(source)) chars.add('🎉');
  return [...chars];
}

/** Runs of literal text in a pattern ("<!--", "{{", "specroles-"), the shapes it expects to be closed. */
function fragmentsOf(source: string): string[] {
  const fragments = new Set<string>();
  let current = '';
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\' && /[^\w]/.test(source[i + 1] ?? '')) {
      current += source.charAt(++i);
    } else if (/[\w <>!:#=~`'",/-]/.test(c) && c !== '\\') {
      current += c;
    } else {
      if (current.trim().length >= 2) fragments.add(current);
      current = '';
      if (c === '\\') i++;
    }
  }
  if (current.trim().length >= 2) fragments.add(current);
  return [...fragments];
}

function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.ceil(size / unit.length))).slice(0, size);
}

function adversarial(source: string): { name: string; make: (size: number) => string }[] {
  const chars = charsOf(source);
  const special = chars.filter((c) => !/[\w\s]/.test(c)).slice(0, 12);
  const out: { name: string; make: (size: number) => string }[] = [];
  for (const c of chars) out.push({ name: `run of ${JSON.stringify(c)}`, make: (n) => repeatTo(c, n) });
  for (const c of [...special, 'a', ' ']) {
    for (const d of [...special, ' ', 'a', '\n']) if (c !== d) out.push({ name: `alternating ${JSON.stringify(c + d)}`, make: (n) => repeatTo(c + d, n) });
  }
  for (const f of fragmentsOf(source)) {
    out.push({ name: `repeated ${JSON.stringify(f)}`, make: (n) => repeatTo(f, n) });
    out.push({ name: `unterminated ${JSON.stringify(f)}`, make: (n) => repeatTo(f.slice(0, -1), n) });
    out.push({ name: `${JSON.stringify(f)} then spaces`, make: (n) => f + ' '.repeat(n) });
    out.push({ name: `${JSON.stringify(f)} then letters`, make: (n) => f + repeatTo('ab', n) });
  }
  return out;
}

/** Uses a regex the way the code does: a global one over every match, any other with exec and test. */
function exercise(re: RegExp, text: string): void {
  re.lastIndex = 0;
  if (re.global) text.replace(re, '');
  else {
    re.exec(text);
    re.test(text);
  }
  re.lastIndex = 0;
}

function checkRegex(re: RegExp, where: string, n = 2000): string[] {
  const failures: string[] = [];
  for (const input of adversarial(re.source)) {
    const problem = superlinear((size) => exercise(re, input.make(size)), n);
    if (problem) failures.push(`${where} /${re.source}/${re.flags} on ${input.name}: ${problem}`);
    if (failures.length) break; // one shape is enough to name the regex
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------------

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Regexes built at run time, by file: how to build them for the test. A new `new RegExp(` in a file not
 * listed here fails the test until an entry is added.
 */
const CONSTRUCTED: Record<string, { note: string; build: () => RegExp[] }> = {
  'src/core/catalogue/catalogue.ts': {
    note: 'kind patterns from kinds.yaml (tested below) and from config (bounded by text/regex-safety.ts, tested in test/config/regex-safety.test.ts)',
    build: () => [],
  },
  'src/core/classify/heading.ts': {
    note: 'each kind\'s patterns joined into one alternation: applied to headings, as they are, so checked with them below',
    build: () => [],
  },
  'src/core/detect/other-genres.ts': {
    note: 'each genre\'s headings (other-genres.yaml) joined into one pattern of whole headings: applied to normalised headings, at most 300 characters',
    build: () => otherGenres().map((g) => g.heading),
  },
  'src/core/parse/markdown-scan.ts': {
    note: 'the closing fence for an opening ``` or ~~~ fence of any length',
    build: () => ['```', '````', '~~~'].map((marker) => new RegExp(`^ {0,3}${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`)),
  },
};

/** Regexes applied only to input of bounded length, checked up to that bound. */
const BOUNDED: { file: string; source: string; cap: number; reason: string }[] = [
  { file: 'src/core/classify/context.ts', source: String.raw`\s*\([^()]{0,120}\)$`, cap: 300, reason: 'isQuestion() applies it to the last 300 characters of a title' },
  { file: 'src/core/classify/normalise.ts', source: String.raw`\s*[([][^()[\]]{0,80}[)\]]\s*$`, cap: 300, reason: 'normaliseHeading() cuts headings to 300 characters and folds white space first' },
  { file: 'src/core/classify/normalise.ts', source: String.raw`\s*[-–—:]?\s*\b(?:optional|mandatory|required|internal|draft|wip|if applicable|recommended)\s*$`, cap: 300, reason: 'normaliseHeading() cuts headings to 300 characters and folds white space first (cubic on a run of spaces otherwise)' },
];

describe('linear time: every regular expression in src/core on inputs made to backtrack', function () {
  this.timeout(120000);
  nodeDefaultStackTraces();
  const root = join(projectRoot, 'src', 'core');
  const found = tsFiles(root).map((file) => ({ file: relative(projectRoot, file).replace(/\\/g, '/'), ...findRegexes(readFileSync(file, 'utf8')) }));

  it('finds the regexes: every literal compiles, every `new RegExp` site has an entry', () => {
    const literals = found.flatMap((f) => f.literals.map((l) => ({ ...l, file: f.file })));
    assert.ok(literals.length >= 50, `only ${literals.length} regex literals found in src/core: is the scanner broken?`);
    for (const l of literals) assert.doesNotThrow(() => new RegExp(l.source, l.flags), `${l.file}:${l.line} /${l.source}/${l.flags} does not compile: the scanner misread it`);
    const unlisted = found.filter((f) => f.constructed.length && !CONSTRUCTED[f.file]).map((f) => `${f.file}:${f.constructed.join(',')}`);
    assert.deepEqual(unlisted, [], 'new RegExp(...) without an entry in CONSTRUCTED (test/fuzz/linear-time.test.ts)');
  });

  for (const f of found.filter((x) => x.literals.length)) {
    it(`${f.file}: ${f.literals.length} regex literal(s)`, () => {
      const failures: string[] = [];
      for (const l of f.literals) {
        const where = `${f.file}:${l.line}`;
        const bounded = BOUNDED.find((b) => b.file === f.file && b.source === l.source);
        // A regex only ever applied to a capped input is checked up to the cap: t(cap) against t(cap/8).
        failures.push(...checkRegex(new RegExp(l.source, l.flags), where, bounded ? bounded.cap / 8 : 2000));
      }
      assert.deepEqual(failures, [], `${failures.length} of ${f.literals.length} regexes in ${f.file} are superlinear`);
    });
  }

  it('regexes built at run time (fences) and the kinds.yaml heading patterns', () => {
    const failures: string[] = [];
    for (const [file, entry] of Object.entries(CONSTRUCTED)) for (const re of entry.build()) failures.push(...checkRegex(re, file));
    const kinds = catalogueFor({}).kindOrder;
    let patterns = 0;
    for (const kind of kinds) {
      for (const re of kind.regexes) {
        failures.push(...checkRegex(re, `kinds.yaml ${kind.id}`, 1000));
        patterns++;
      }
      const any = anyPattern(kind);
      if (any) failures.push(...checkRegex(any, `kinds.yaml ${kind.id}, its patterns joined (heading.ts)`, 1000));
    }
    assert.ok(patterns > 100, `only ${patterns} kind patterns`);
    assert.deepEqual(failures, []);
  });
});

// ---------------------------------------------------------------------------------------------------
// Whole documents through lint. Each run gets a different nonce, so the chunk cache cannot answer.

interface DocShape {
  name: string;
  make: (size: number, nonce: number) => string;
  options?: LintOptions;
}

const RUN_CHARS = ['a', ' ', '*', '_', '[', ']', '(', '<', '>', '!', '-', '`', '~', '#', '|', ':', '{', '\\', '&', '1.', '?', '\t', '🚀', 'é'];

const docShapes: DocShape[] = [
  ...RUN_CHARS.map((c) => ({ name: `a heading of ${JSON.stringify(c)} × n`, make: (n: number, k: number) => `## ${k} ${repeatTo(c, n)}\n\ntext\n` })),
  ...RUN_CHARS.map((c) => ({ name: `a paragraph of ${JSON.stringify(c)} × n`, make: (n: number, k: number) => `## Goals ${k}\n\n${repeatTo(c, n)}\n` })),
  { name: 'an HTML block of "<" × n', make: (n, k) => `## Goals ${k}\n\n<div>${repeatTo('<', n)}\n` },
  { name: 'a heading of words × n (normalised and matched against every kind pattern)', make: (n, k) => `## ${k} ${repeatTo('what is the target market pricing ', n)}?\n\nx\n` },
  { name: 'a heading of numbering × n', make: (n, k) => `## ${repeatTo('1.', n)} ${k}\n\nx\n` },
  { name: 'a heading of brackets × n', make: (n, k) => `## Goals ${k} ${repeatTo('(', n)}\n\nx\n` },
  { name: 'placeholders unterminated: "[" × n', make: (n, k) => `## Goals ${k}\n\n${repeatTo('[x', n)}\n` },
  { name: 'placeholders unterminated: "{{" × n', make: (n, k) => `## Goals ${k}\n\n${repeatTo('{{x', n)}\n` },
  { name: 'placeholders unterminated: "<insert" × n', make: (n, k) => `## Goals ${k}\n\n${repeatTo('<insert ', n)}\n` },
  { name: 'placeholders: "TBD " × n and "?" × n', make: (n, k) => `## Goals ${k}\n\n${repeatTo('TBD ', n / 2)}${repeatTo('?', n / 2)}\n` },
  { name: 'an unterminated HTML comment of n characters', make: (n, k) => `## Goals ${k}\n\n<!-- ${repeatTo('owner: pm ', n)}\n` },
  { name: 'an owner comment naming n roles', make: (n, k) => `## Goals ${k} <!-- owner: ${repeatTo('pm, ', n)}pmm -->\n\nx\n` },
  { name: 'a directive naming n rules', make: (n, k) => `<!-- specroles-disable ${repeatTo('empty-section, ', n)} -- ${k} -->\n## Goals\n\nx\n` },
  { name: 'n spaces before a heading marker', make: (n, k) => `${' '.repeat(n)}## Goals ${k}\n\nx\n` },
  { name: 'a list item of spaces', make: (n, k) => `## Goals ${k}\n\n-${' '.repeat(n)}x\n` },
  { name: 'a table row of n cells', make: (n, k) => `## Goals ${k}\n\n| a | b |\n|---|---|\n${repeatTo('| **x** ', n)}|\n` },
  { name: 'an unterminated code fence of n lines', make: (n, k) => `## Goals ${k}\n\n\`\`\`md\n${repeatTo('## x\n', n)}` },
  { name: 'n headings', make: (n, k) => Array.from({ length: Math.round(n / 20) }, (_, i) => `## Heading ${k}.${i}\n\nx\n`).join('\n') },
  { name: 'n bold labels', make: (n, k) => `## Goals ${k}\n\n${Array.from({ length: Math.round(n / 30) }, (_, i) => `**Problem ${i}:** text\n`).join('\n')}` },
  { name: 'front matter with a value of n characters', make: (n, k) => `---\ntitle: ${k} ${repeatTo('a ', n)}\ntype: prd\n---\n## Goals\n\nx\n`, options: { path: 'x.prd.md' } },
  { name: 'front matter never closed, n lines', make: (n, k) => `---\ntype: prd ${k}\n${repeatTo('a: b\n', n)}`, options: { path: 'x.prd.md' } },
  { name: 'nested emphasis in a paragraph', make: (n, k) => `## Goals ${k}\n\n${repeatTo('*_', n / 2)}x${repeatTo('_*', n / 2)}\n` },
  {
    name: 'nested emphasis in a heading',
    make: (n, k) => `## ${k} ${repeatTo('*_', n / 2)}Goals${repeatTo('_*', n / 2)}\n\nx\n`,
  },
  {
    name: 'links nested n deep',
    make: (n, k) => `## Goals ${k}\n\n${'['.repeat(n / 4)}x${'](u)'.repeat(n / 4)}\n`,
  },
  { name: 'a YAML body of n characters', make: (n, k) => `specroles: 1\ntitle: t${k}\nsections:\n  - title: Goals\n    body: |\n      ${repeatTo('[a {{ TBD ', n)}\n`, options: { path: 'x.spec.yaml' } },
  { name: 'a YAML flow list never closed, nested n deep', make: (n, k) => `specroles: 1\ntitle: t${k}\nsections:\n  - title: Goals\n    body: ${repeatTo('[a ', n)}\n`, options: { path: 'x.spec.yaml' } },
  { name: 'a YAML spec with n sections', make: (n, k) => `specroles: 1\ntitle: t${k}\nsections:\n${Array.from({ length: Math.round(n / 30) }, (_, i) => `  - title: Goals ${i}\n    owner: pm\n`).join('')}`, options: { path: 'x.spec.yaml' } },
  { name: 'YAML directive comments of n characters', make: (n, k) => `specroles: 1 # specroles-disable ${repeatTo('x, ', n)} -- ${k}\nsections: []\n`, options: { path: 'x.spec.yaml' } },
  { name: 'YAML: a "#" run', make: (n, k) => `specroles: 1\ntitle: t${k}\n${repeatTo(' #', n)}\n`, options: { path: 'x.spec.yaml' } },
];

describe('linear time: lint on documents shaped to trigger backtracking', function () {
  this.timeout(120000);
  nodeDefaultStackTraces();
  const N = 2000;
  for (const shape of docShapes) {
    it(shape.name, () => {
      const problem = superlinear((size, attempt) => lint(shape.make(size, attempt * 7919 + size), shape.options ?? { path: 'x.prd.md' }), N);
      assert.equal(problem, undefined, `${shape.name}: ${problem}`);
    });
  }
});
