// Re-linting after edits, with lint() on each new text (reusing parsed chunks, cue scores, placeholder
// checks) and with lintIncremental() on the previous result and the edit (re-reading only around the
// edit, moving everything after it in place). Whatever the edits, the findings, the document and the
// analysis must be exactly those of a lint from scratch.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearCaches, lint, lintIncremental, type LintResult, type TextChange } from '../../src/core';
import { rulesById } from '../../src/core/rules';
import { projectRoot } from '../support/paths';
import { nth } from '../support/nth';

/** A small deterministic PRNG, so a failure can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const examples = ['checkout.prd.md', 'checkout-positioning.md', 'launch-brief.md'].map((f) => readFileSync(join(projectRoot, 'examples', f), 'utf8'));

const PIECES = ['x', '\n', '\n\n## Pricing\n\nper seat\n', '<!-- owner: pmm -->', '# ', '```\n', 'tagline campaign press release ', '- **Buyer personas:** CTOs\n', '| **Positioning** | x |\n'];

/** Edits that change the document's structure: headings, fences, comments, containers, front matter, links. */
const STRUCTURE = [
  '## Goals\n',
  '### Success metrics\n',
  '#### Messaging\n\ncampaign tagline launch\n',
  '# Title\n',
  '## ',
  '#',
  '\n===\n',
  '\n---\n',
  '---\n',
  '```\n',
  '```md\n## Problem\n\n## Goals\n```\n',
  '~~~\n',
  '<!-- ',
  ' -->',
  '<!-- owner: pm, pmm -->',
  '<!-- owner: pmn -->',
  '## Key metrics\n\nsign-ups, share of voice, press mentions\n',
  '<!-- specroles-disable-next-section content-owner-drift -- reviewed -->\n',
  '<!-- specroles-disable empty-section -->\n',
  '> ',
  '- ',
  '1. ',
  '    ',
  '<div>\n',
  '[p]: https://example.com/pricing\n',
  '## [Pricing][p]\n',
  '---\ntype: positioning\nowner: pmm\n---\n',
  'type: brief\n',
  'owner: pmm\n',
  '\n\n',
  'TBD\n',
  '| Field | Value |\n| --- | --- |\n| **Positioning** | for teams |\n',
];

/** LSP's position of an offset: 0-based line and UTF-16 column; CRLF, LF and a lone CR end a line. */
function positionAt(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, character: offset - start };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

function randomEdit(random: () => number, text: string, eol: string): Edit {
  const pick = <T>(list: readonly T[]): T => nth(list, Math.floor(random() * list.length));
  const piece = (s: string) => s.replace(/\n/g, eol);
  // LSP has no position between the CR and the LF of a CRLF.
  const whole = (o: number) => (text[o - 1] === '\r' && text[o] === '\n' ? o - 1 : o);
  let at = whole(Math.floor(random() * (text.length + 1)));
  // Structure goes at line starts, mostly; sometimes into the front matter.
  const lineStart = () => {
    const before = text.lastIndexOf('\n', at - 1);
    return before < 0 ? 0 : before + 1;
  };
  const shape = random();
  if (shape < 0.25 && text.length > 10) return { start: at, end: Math.max(at, whole(Math.min(text.length, at + 1 + Math.floor(random() * 40)))), text: '' };
  if (shape < 0.4) return { start: at, end: at, text: piece(pick(PIECES)) };
  if (shape < 0.45) {
    at = whole(Math.floor(random() * Math.min(text.length, 60)));
    return { start: at, end: Math.max(at, whole(at + (random() < 0.5 ? 0 : Math.min(3, text.length - at)))), text: piece(pick(['x', 'pm', '\n', '---\n', 'type: prd\n', ''])) };
  }
  if (shape < 0.55 && text.length > 10) {
    // A whole line (a heading, a fence) removed.
    const start = lineStart();
    const end = text.indexOf('\n', start);
    return { start, end: end < 0 ? text.length : end + 1, text: '' };
  }
  at = lineStart();
  return { start: at, end: random() < 0.2 ? Math.max(at, whole(Math.min(text.length, at + Math.floor(random() * 10)))) : at, text: piece(pick(STRUCTURE)) };
}

/** Characters typed over others in overtypeEdit: letters, and marks that make or unmake structure. */
const OVERTYPED = ['e', 'a', 'x', '#', ' ', '-', '*', '`', '<', '>', '|', '!', '['];

/**
 * One character, not a line break, typed over another that is not one either: the text keeps its length
 * and its lines, so nothing after the edit moves (markdown-model.ts skips that walk), while what the
 * character was may still have made a heading, a fence or a comment.
 */
function overtypeEdit(random: () => number, text: string): Edit {
  for (;;) {
    const at = Math.floor(random() * text.length);
    if (text[at] === '\n' || text[at] === '\r') continue;
    return { start: at, end: at + 1, text: nth(OVERTYPED, Math.floor(random() * OVERTYPED.length)) };
  }
}

function asChange(random: () => number, text: string, e: Edit): TextChange {
  if (random() < 0.2) return { rangeOffset: e.start, rangeLength: e.end - e.start, text: e.text };
  return { range: { start: positionAt(text, e.start), end: positionAt(text, e.end) }, text: e.text };
}

/** The result as plain data: findings, the document's tree and what the analysis says of each section. */
function view(result: LintResult): unknown {
  return {
    findings: result.findings,
    document: result.document,
    analysis: result.analysis.sections.map((s) => ({
      section: s.section,
      parent: s.parent?.section.title,
      kind: s.kind?.id,
      evidence: s.evidence,
      headingKind: s.headingKind?.id,
      expected: s.expected,
      expectedVia: s.expectedVia,
      declared: s.declared,
      hits: s.cues.hits.map((h) => [h.phrase, h.start, h.end]),
      readsAs: s.readsAs && { role: s.readsAs.role, kind: s.readsAs.kind?.id, score: s.readsAs.score },
    })),
    docType: result.analysis.docType,
    docOwner: result.analysis.docOwner,
  };
}

function fromScratch(text: string, path: string): LintResult {
  clearCaches();
  return lint(text, { path });
}

/** `steps` random edits of `start`, each checked against a lint from scratch. */
export function check(seed: number, start: string, steps: number, path: string, eol = '\n', makeEdit: (random: () => number, text: string, eol: string) => Edit = randomEdit): void {
  const random = prng(seed);
  let text = start;
  let incremental = lint(text, { path });
  for (let step = 0; step < steps; step++) {
    const before = text;
    const batch = random() < 0.15 ? 2 : 1;
    const changes: TextChange[] = [];
    for (let i = 0; i < batch; i++) {
      const e = makeEdit(random, text, eol);
      const after = text.slice(0, e.start) + e.text + text.slice(e.end);
      // Sometimes the whole new text, as a client with full sync sends it.
      changes.push(random() < 0.1 ? { text: after } : asChange(random, text, e));
      text = after;
    }
    const viaLint = lint(text, { path });
    incremental = lintIncremental(incremental, changes, { path });
    assert.equal(incremental.document.text, text, `text after edit ${step}`);
    const scratch = fromScratch(text, path);
    if (process.env.DUMP && JSON.stringify(view(incremental)) !== JSON.stringify(view(scratch))) writeFileSync(process.env.DUMP, JSON.stringify([{ before, changes, after: text }]));
    assert.deepEqual(view(incremental), view(scratch), `lintIncremental after edit ${step} (seed ${seed}): ${JSON.stringify(changes)}`);
    assert.deepEqual(viaLint.findings, scratch.findings, `lint after edit ${step} (seed ${seed})`);
  }
}

describe('incremental re-lint', () => {
  const joined = examples.join('\n');
  // Big enough that most edits leave parts of the document before and after them untouched.
  const long = Array.from({ length: 6 }, (_, i) => nth(examples, i % 3).replace(/^---\n[\s\S]*?\n---\n/, '').replace(/^# .*\n/m, `## Part ${i}\n`)).join('\n');

  it('gives the findings, document and analysis of a lint from scratch after random edits', function () {
    this.timeout(120_000);
    check(20261125, joined, 250, 'spec.prd.md');
  });

  it('…in a longer document with front matter', function () {
    this.timeout(120_000);
    check(7, `---\nspecroles: 1\ntype: prd\nowner: pm\n---\n# Checkout\n\n${long}`, 200, 'checkout.md');
  });

  it('…with CRLF line ends', function () {
    this.timeout(120_000);
    check(11, joined.replace(/\n/g, '\r\n'), 200, 'spec.prd.md', '\r\n');
  });

  it('…without front matter or a type, where the sections decide the owner', function () {
    this.timeout(120_000);
    check(23, long, 200, 'notes.md');
  });

  it('…with characters typed over others (the length and the lines kept, so nothing after an edit moves)', function () {
    this.timeout(120_000);
    check(41, `---\nspecroles: 1\ntype: prd\nowner: pm\n---\n# Checkout\n\n${long}`, 200, 'checkout.md', '\n', overtypeEdit);
  });

  it('…with fields in the title\'s own text and a template carried under a "template" heading', function () {
    this.timeout(120_000);
    const fence = '```';
    const text = [
      '# Personas and launch\n\nWho we serve.\n\n**Developer:** writes code.\n\n**Buyer:** signs.\n\n**Admin:** installs it.\n',
      `## Release blog template\n\nFill it in.\n\n${fence}md\n---\nlayout: blog\n---\n\n## Highlights\n\n### <THEME 1>\n\n## Availability\n\nTBD\n${fence}\n`,
      '## Goals\n\nGrow revenue.\n\n## Messaging\n\nTagline: "Find it again."\n',
    ].join('\n');
    check(31, text, 150, 'launch.md');
  });

  it('takes over the previous result, and lints a result it took over anew from its text', () => {
    const first = lint('## Goals\n\nGrow revenue.\n', { path: 'a.prd.md' });
    const second = lintIncremental(first, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 4 } }, text: 'Keep' }], { path: 'a.prd.md' });
    assert.equal(second.document.text, '## Goals\n\nKeep revenue.\n');
    const again = lintIncremental(first, [{ text: '## Pricing\n\nper seat\n' }], { path: 'a.prd.md' });
    assert.equal(again.document.text, '## Pricing\n\nper seat\n');
    assert.deepEqual(again.findings, fromScratch('## Pricing\n\nper seat\n', 'a.prd.md').findings);
  });

  it('keeps the fixes of findings across an edit that blocked them for a while (a replacement character typed, then removed)', () => {
    // A re-lint hands out a part's kept findings as they are; a lint that blocks fixes keeps no parts, so
    // the findings handed out after it have their fixes again.
    const path = 'a.prd.md';
    const text = '---\ntype: prd\n---\n## Goals <!-- owner: pmm -->\n\nGrow revenue.\n\n## Problem\n\nSlow checkout.\n\n## Notes\n\nFree text.\n';
    const at = text.indexOf('Free');
    const position = (offset: number) => ({ line: text.slice(0, offset).split('\n').length - 1, character: offset - text.lastIndexOf('\n', offset - 1) - 1 });
    const first = lintIncremental(lint(text, { path }), [], { path });
    assert.ok(first.findings.some((f) => f.fixes.length), 'the text has findings with fixes');
    const blocked = lintIncremental(first, [{ range: { start: position(at), end: position(at) }, text: '\uFFFD' }], { path });
    assert.ok(blocked.findings.every((f) => !f.fixes.length));
    const back = lintIncremental(blocked, [{ range: { start: position(at), end: { ...position(at), character: position(at).character + 1 } }, text: '' }], { path });
    assert.equal(back.document.text, text);
    assert.deepEqual(back.findings, fromScratch(text, path).findings);
  });

  it('runs a section-scoped rule over the whole document where it reports outside the parts read again', () => {
    // A rule that breaks its scope's promise (it reports each section at the document's first heading) still
    // gives what a lint from scratch gives: its findings are then kept for no part.
    const rule = rulesById.get('metric-owner')!;
    const check = rule.check;
    rule.check = ({ analysis, wholeAnalysis, report }) => {
      for (const s of analysis.sections) report({ range: nth(wholeAnalysis.sections, 0).section.headingRange, message: `seen ${s.section.title}` });
    };
    try {
      const text = nth(examples, 0);
      let result = lint(text, { path: 'a.prd.md' });
      const at = text.lastIndexOf('\n## ');
      const line = text.slice(0, at + 1).split('\n').length - 1;
      for (const insert of ['x', 'y\n']) {
        result = lintIncremental(result, [{ range: { start: { line, character: 3 }, end: { line, character: 3 } }, text: insert }], { path: 'a.prd.md' });
        assert.deepEqual(result.findings, fromScratch(result.document.text, 'a.prd.md').findings);
      }
      assert.equal(result.findings.filter((f) => f.ruleId === 'metric-owner').length, result.analysis.sections.length);
    } finally {
      rule.check = check;
    }
  });

  it('reads a whole new text again only where it differs from the last (full sync)', () => {
    const text = nth(examples, 0);
    const first = lint(text, { path: 'a.prd.md' });
    const firstSection = nth(first.analysis.sections, 0);
    const at = text.lastIndexOf('\n## ') + 1;
    const edited = `${text.slice(0, at)}## Pricing\n\nper seat\n\n${text.slice(at)}`;
    const second = lintIncremental(first, [{ text: edited }], { path: 'a.prd.md' });
    assert.equal(nth(second.analysis.sections, 0), firstSection, 'the first section, far from the edit, is kept as it was read');
    assert.deepEqual(view(second), view(fromScratch(edited, 'a.prd.md')));
  });

  it('gives the same result for the same text, and lints an unchanged text again only when the options differ', () => {
    const text = nth(examples, 0);
    const first = lint(text, { path: 'a.prd.md' });
    assert.equal(lint(text, { path: 'a.prd.md' }), first);
    assert.notEqual(lint(text, { path: 'b.prd.md' }), first);
    assert.equal(lintIncremental(first, [], { path: 'a.prd.md' }), first);
  });

  it('keeps one result of a long text for a lint of the same text, the newest, beside those of short ones', () => {
    const short = nth(examples, 0);
    const long = (salt: string) => `# Spec ${salt}

${'Words of a long paragraph. '.repeat(10_000)}
`;
    const [a, b] = [long('a'), long('b')];
    const shortResult = lint(short, { path: 'a.prd.md' });
    const aResult = lint(a, { path: 'a.prd.md' });
    assert.equal(lint(a, { path: 'a.prd.md' }), aResult);
    const bResult = lint(b, { path: 'a.prd.md' });
    assert.equal(lint(b, { path: 'a.prd.md' }), bResult);
    assert.notEqual(lint(a, { path: 'a.prd.md' }), aResult, 'the older long text was linted again');
    assert.equal(lint(short, { path: 'a.prd.md' }), shortResult);
  });
});
