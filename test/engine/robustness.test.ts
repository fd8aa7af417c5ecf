// Bugs the fuzz properties and the hostile catalogue found in the engine, each pinned by its smallest
// reproduction (issue #7).
import assert from 'node:assert/strict';
import { applyFixes, decodeUtf8, lint, parseConfig, rulesById, type Fix } from '../../src/core';
import { INTERNAL_ERROR, parsers } from '../../src/core/engine/lint';
import { checkEachFix, checkResult } from '../support/invariants';
import { nth } from '../support/nth';

const where = (text: string, path: string) =>
  lint(text, { path }).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${f.message}`);

const allFixes = (text: string, path: string): Fix[] => lint(text, { path }).findings.flatMap((f) => f.fixes);

const invalidSpec = (text: string, path: string) => lint(text, { path }).findings.filter((f) => f.ruleId === 'invalid-spec').map((f) => f.message);

describe('engine robustness: bugs found by fuzzing, fixed', () => {
  describe('exceptions that escaped lint or parseConfig', () => {
    it('front matter with an alias to a missing anchor is a finding, not an exception (front-matter.ts)', () => {
      assert.deepEqual(where('---\nspecroles: *alias\n---\n', 'spec.prd.md').filter((w) => w.startsWith('invalid-spec')), [
        'invalid-spec 2:12 Front matter is not valid YAML: Unresolved alias (the anchor must be set before the alias): alias',
      ]);
    });

    it('a YAML spec with a missing anchor or an alias bomb is a finding (yaml-spec.ts)', () => {
      assert.deepEqual(where('specroles: 1\nsections: *nope\n', 'x.spec.yaml'), ['invalid-spec 2:11 YAML does not parse: Unresolved alias (the anchor must be set before the alias): nope']);
      const bomb = `specroles: 1\na: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${'*a, '.repeat(9)}*a]\nc: [${'*b, '.repeat(9)}*b]\nsections: []\n`;
      assert.match(nth(where(bomb, 'x.spec.yaml'), 0), /^invalid-spec 3:8 YAML does not parse: Excessive alias count/);
    });

    it('a config with a missing anchor is a problem, not an exception (config/load.ts)', () => {
      const { config, problems } = parseConfig('rules: *missing\n', '/r/.specroles.yaml');
      assert.equal(config, undefined);
      assert.deepEqual(problems.map((p) => `${p.range.start.line}:${p.range.start.column} ${p.message}`), ['1:8 YAML does not parse: Unresolved alias (the anchor must be set before the alias): missing']);
    });

    it('an exception in a parser becomes one invalid-spec finding at 1:1 (engine/lint.ts safety net)', () => {
      const markdown = parsers.markdown;
      try {
        parsers.markdown = () => {
          throw new RangeError('Maximum call stack size exceeded');
        };
        const deep = lint('## Goals\n\nx\n', { path: 'x.md' });
        assert.deepEqual(deep.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.column]), [['invalid-spec', 1, 1]]);
        assert.ok(nth(deep.findings, 0).message.startsWith(`${INTERNAL_ERROR} the document is nested too deeply`));
        parsers.markdown = () => {
          throw new Error('boom');
        };
        assert.match(nth(lint('## Goals\n', { path: 'x.md' }).findings, 0).message, /reading this document failed \(boom\).*This is a bug in specroles/);
      } finally {
        parsers.markdown = markdown;
      }
      // 5,000 nested quotes once overflowed the stack here; now they are read like any other text.
      assert.deepEqual(lint(`## Goals\n\n${'> '.repeat(5000)}x\n`, { path: 'x.md' }).findings, []);
    });

    it('an exception in a rule becomes a finding of that rule, and the other rules still report (engine/lint.ts)', () => {
      const rule = rulesById.get('empty-section')!;
      const check = rule.check;
      rule.check = () => {
        throw new Error('boom');
      };
      try {
        const findings = lint('## Messaging <!-- owner: pm -->\n\nCopy.\n', { path: 'x.md' }).findings;
        assert.deepEqual(findings.map((f) => f.ruleId).sort(), ['empty-section', 'section-owner-mismatch']);
        assert.match(findings.find((f) => f.ruleId === 'empty-section')!.message, /^specroles could not finish: rule "empty-section" failed on this document \(boom\)/);
      } finally {
        rule.check = check;
      }
    });
  });

  describe('positions', () => {
    it('config problems do not count a byte-order mark in columns (config/load.ts)', () => {
      const { problems } = parseConfig('\ufeffroot: 0\n', '/r/.specroles.yaml');
      assert.deepEqual(problems.map((p) => [p.range.start.line, p.range.start.column, p.range.start.offset]), [[1, 7, 7]]);
    });

    it('a YAML error is underlined the same in CRLF and LF files, and quotes source the same (front-matter.ts)', () => {
      const lf = '---\ntype:  \ntype: prd\n---\n';
      const crlf = lf.replace(/\n/g, '\r\n');
      const show = (t: string) => lint(t, { path: 'x.md' }).findings.filter((f) => f.ruleId === 'invalid-spec').map((f) => `${f.range.start.line}:${f.range.start.column}-${f.range.end.line}:${f.range.end.column} ${f.message}`);
      assert.deepEqual(show(crlf), show(lf));
      const scalar = '---\n- item: x\nspecroles: 1\n  nested: prd\n---\n';
      assert.deepEqual(show(scalar.replace(/\n/g, '\r\n')), show(scalar));
    });

    it('an unclosed quote is shown where it opens, not at the end of the file (front-matter.ts yamlErrorRange)', () => {
      assert.deepEqual(where('specroles: 1\ntitle: "Checkout\nsections: []\n', 'x.spec.yaml'), ['invalid-spec 2:8 YAML does not parse: the quoted value that starts here with " is never closed']);
    });

    it('roles in a folded or escaped YAML owner value are found where they are written (yaml-nodes.ts)', () => {
      const folded = 'specroles: 1\nowner: pm\n  pmn\nsections: []\n';
      assert.deepEqual(lint(folded, { path: 'x.spec.yaml' }).findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column} ${folded.slice(f.range.start.offset, f.range.end.offset)}`), ['invalid-owner 3:3 pmn']);
      const escaped = 'specroles: 1\nowner: "pm\\t pmn"\nsections: []\n';
      assert.deepEqual(lint(escaped, { path: 'x.spec.yaml' }).findings.map((f) => `${f.ruleId} ${escaped.slice(f.range.start.offset, f.range.end.offset)}`), ['invalid-owner pmn']);
      const fixed = applyFixes(folded, nth(lint(folded, { path: 'x.spec.yaml' }).findings, 0).fixes.slice(0, 1)).text;
      assert.equal(fixed, 'specroles: 1\nowner: pm\n  pm\nsections: []\n');
    });

    it('CR-only line ends are line breaks for YAML too (yaml-spec.ts, config/load.ts)', () => {
      assert.deepEqual(where('specroles: 1\rsections:\r  - title: Messaging\r    owner: pm\r    body: One checkout.\r', 'x.spec.yaml').map((w) => w.slice(0, 30)), ['section-owner-mismatch 4:12 Se']);
      assert.deepEqual(parseConfig('root: true\rrules:\r  empty-section: off\r', '/r/.specroles.yaml').config, { root: true, rules: { 'empty-section': 'off' } });
    });
  });

  describe('fixes that broke the document', () => {
    it('a stub is inserted after a YAML section, not inside the next one (yaml-spec.ts: a section ends where its text does)', () => {
      const text = 'specroles: 1\ntype: prd\nsections:\n  - title: Problem\n    body: x\n  - title: Requirements\n    body: y\n  - title: Acceptance criteria\n    owner:';
      const stub = allFixes(text, 'x.spec.yaml').find((f) => f.title === 'Add a "Roadmap and milestones" section')!;
      const fixed = applyFixes(text, [stub]).text;
      assert.match(fixed, /body: y\n {2}- title: Roadmap and milestones\n[^]*\n {2}- title: Acceptance criteria\n {4}owner:$/);
    });

    it('`owner: {}` is rewritten by the owner fix, not followed by a second `owner:` key (yaml-nodes.ts)', () => {
      const text = 'sections:\n - title: definition of done\n   owner: {}\n   body: tagline and boilerplate\n   instruction: tagline TBD\n';
      const result = lint(text, { path: 'x.spec.yaml' });
      assert.ok(checkEachFix(text, { path: 'x.spec.yaml' }, result) > 0);
      assert.deepEqual(nth(result.document.sections, 0).owner?.roles, []);
    });

    it('the owner fix replaces a block list without swallowing the line after it (yaml-nodes.ts: value ranges end at the text)', () => {
      const text = 'sections:\n - title: tagline\n   sections:\n    - title: where we are now\n      owner:\n       - Pmm\nunknown: []\n';
      const fixes = allFixes(text, 'x.spec.yaml').filter((f) => f.safe);
      assert.ok(fixes.length);
      const fixed = applyFixes(text, fixes).text;
      assert.match(fixed, /\nunknown: \[\]\n$/);
      assert.deepEqual(invalidSpec(fixed, 'x.spec.yaml'), invalidSpec(text, 'x.spec.yaml'), 'no new problem');
    });

    it('an empty owner item names no role, so a rewritten list has no empty entry (yaml-nodes.ts)', () => {
      const text = 'sections:\n - title: proposed launch date\n   owner:\n    - ""\n    - eng\n    - pm\n';
      const result = lint(text, { path: 'x.spec.yaml' });
      assert.deepEqual(nth(result.document.sections, 0).owner?.roles, ['eng', 'pm']);
      const fixed = applyFixes(text, result.findings.flatMap((f) => f.fixes.filter((x) => x.safe))).text;
      assert.doesNotMatch(fixed, /, ,|\[,/);
      assert.notEqual(fixed, text);
      assert.deepEqual(invalidSpec(fixed, 'x.spec.yaml'), invalidSpec(text, 'x.spec.yaml'), 'no new problem');
    });
  });

  describe('fixes that broke the document: missing-section stubs and YAML owner keys (rules/missing-section.ts, rules/yaml-layout.ts)', () => {
    /** Each fix of the text applied on its own: the text it gives, after checking it breaks nothing. */
    const fixed = (text: string, path: string, title: RegExp): string[] => {
      const result = lint(text, { path });
      checkEachFix(text, { path }, result);
      return result.findings.flatMap((f) => f.fixes).filter((f) => title.test(f.title)).map((f) => applyFixes(text, [f]).text);
    };
    const stub = (indent: string, title: string, kind: string, owner: string) =>
      `${indent}- title: ${title}\n${indent}  kind: ${kind}\n${indent}  owner: ${owner}\n${indent}  # [^\\n]*\n${indent}  body: \\|\n${indent}    TODO\n`;

    it('a stub for a Markdown file whose only line is "---" goes above that line, which stays a thematic break', () => {
      const texts = fixed('---', 'x.prd.md', /^Add a "Problem" section$/);
      assert.equal(texts.length, 1);
      assert.match(nth(texts, 0), /^## Problem <!-- owner: pm -->\n\n<!-- [^\n]* -->\nTODO\n\n---$/);
    });

    it('no stub for a YAML file that is a single value or a list: still reported, with no fix', () => {
      for (const [text, path] of [['hello\n', 'checkout-prd.yaml'], ['- a\n- b\n', 'rfc.yaml']] as const) {
        const findings = lint(text, { path }).findings.filter((f) => f.ruleId === 'missing-section');
        assert.ok(findings.length, `${path} is reported`);
        assert.deepEqual(findings.flatMap((f) => f.fixes), [], `${path} has no fix`);
      }
    });

    it('"sections:" is added in the column of an indented top-level map', () => {
      assert.match(nth(fixed('  specroles: 1\n  type: messaging\n', 'x.yaml', /^Add a/), 0), new RegExp(`^  specroles: 1\\n  type: messaging\\n  sections:\\n${stub('    ', 'Messaging', 'messaging', 'pmm')}$`));
    });

    it('"sections:" holding no titled section gets the stub, not a second "sections:" key', () => {
      const head = 'specroles: 1\ntype: messaging\n';
      const list = stub('  ', 'Messaging', 'messaging', 'pmm');
      assert.match(nth(fixed(`${head}sections: []\n`, 'x.yaml', /^Add a/), 0), new RegExp(`^${head}sections:\\n${list}$`));
      assert.match(nth(fixed(`${head}sections:\n`, 'x.yaml', /^Add a/), 0), new RegExp(`^${head}sections:\\n${list}$`));
      assert.match(nth(fixed(`${head}sections: ~ # later\ntitle: T`, 'x.yaml', /^Add a/), 0), new RegExp(`^${head}sections: # later\\n${list}title: T$`));
      assert.match(nth(fixed(`${head}sections:\n  - body: x\n`, 'x.yaml', /^Add a/), 0), new RegExp(`^${head}sections:\\n  - body: x\\n${list}$`));
    });

    it('no stub after a flow-style "sections: [...]" list with items, nor in a flow top-level map: still reported, with no fix', () => {
      for (const text of ['specroles: 1\ntype: messaging\nsections: [{title: Pricing}]\n', '{specroles: 1, type: messaging}\n']) {
        const findings = lint(text, { path: 'x.yaml' }).findings.filter((f) => f.ruleId === 'missing-section');
        assert.equal(findings.length, 1, text);
        assert.deepEqual(nth(findings, 0).fixes, [], text);
      }
    });

    it('the stub takes the column of the list items, not of a "title:" that is not the item\'s first key', () => {
      const text = 'specroles: 1\ntype: positioning\nsections:\n  - body: x\n    title: Target audience\n  - body: y\n    title: Positioning\n';
      assert.match(nth(fixed(text, 'x.yaml', /^Add a/), 0), new RegExp(`^${text.replace(/\|/g, '\\|')}${stub('  ', 'Value proposition', 'value_proposition', 'pmm')}$`));
    });

    it('"owner:" goes after the last line of a title written over several lines', () => {
      const plain = 'specroles: 1\ntype: prd\nsections:\n  - title: Parking\n      lot\n    body: x\n';
      assert.deepEqual(fixed(plain, 'x.yaml', /^Declare owner/), ['specroles: 1\ntype: prd\nsections:\n  - title: Parking\n      lot\n    owner: pm\n    body: x\n']);
      const literal = 'specroles: 1\ntype: prd\nsections:\n  - title: |\n      Parking lot\n\n    body: x\n';
      assert.deepEqual(fixed(literal, 'x.yaml', /^Declare owner/), ['specroles: 1\ntype: prd\nsections:\n  - title: |\n      Parking lot\n    owner: pm\n\n    body: x\n']);
    });

    it('"owner:" is added in flow syntax to a flow-style section map', () => {
      const head = 'specroles: 1\ntype: prd\n';
      assert.deepEqual(fixed(`${head}sections:\n  - {title: Parking lot, body: x}\n`, 'x.yaml', /^Declare owner/), [`${head}sections:\n  - {title: Parking lot, owner: pm, body: x}\n`]);
      assert.deepEqual(fixed('{specroles: 1, type: prd, sections: [{title: Parking lot}]}\n', 'x.yaml', /^Declare owner/), ['{specroles: 1, type: prd, sections: [{title: Parking lot, owner: pm}]}\n']);
      // A map of one pair without braces in a flow list: a second pair would be a second item, so it gets braces.
      assert.deepEqual(fixed(`${head}sections: [title: Parking lot]\n`, 'x.yaml', /^Declare owner/), [`${head}sections: [{title: Parking lot, owner: pm}]\n`]);
    });

    it('an empty "owner:" value is set with a space after the colon, not as "owner:pm"', () => {
      assert.deepEqual(fixed('specroles: 1\ntype: prd\nsections:\n  - title: Parking lot\n    owner:\n', 'x.yaml', /^Declare owner/), ['specroles: 1\ntype: prd\nsections:\n  - title: Parking lot\n    owner: pm\n']);
    });
  });

  describe('silent skips and noise', () => {
    it('a *.spec.yaml file holding a list or a single value is reported, not skipped (yaml-spec.ts)', () => {
      assert.deepEqual(where('- a\n- b\n', 'x.spec.yaml'), ['invalid-spec 1:1 A YAML spec must be a map of keys (specroles, type, title, sections…), but this file holds a list']);
      assert.deepEqual(where('hello\n', 'x.prd.yaml').map((w) => w.slice(0, 14)), ['invalid-spec 1']);
      assert.deepEqual(where('- a\n', 'template.yaml'), [], 'a YAML file that is not named as a spec is not one');
    });

    it('a binary file is one finding at its first NUL; nothing else is checked (engine/lint.ts, text/encoding.ts)', () => {
      assert.deepEqual(where('## Messaging <!-- owner: pm -->\n\n\u0000\u0001\u0002', 'x.prd.md'), ['invalid-spec 3:1 This file is not text: it holds a NUL character (line 3, column 1), as binary files do, so it is not linted as a spec.']);
    });

    it('U+FFFD (invalid UTF-8 once decoded) is reported where it is, and no fixes are offered', () => {
      const result = lint('## Messaging <!-- owner: pm -->\n\nCaf\ufffd \ufffd\n', { path: 'x.md' });
      assert.deepEqual(result.findings.map((f) => `${f.ruleId} ${f.range.start.line}:${f.range.start.column}`), ['section-owner-mismatch 1:26', 'invalid-spec 3:4']);
      assert.match(nth(result.findings, 1).message, /U\+FFFD\) at line 3, column 4 \(and 1 more\)/);
      assert.deepEqual(result.findings.flatMap((f) => f.fixes), []);
    });

    it('U+FFFD in a text read from valid UTF-8 (validUtf8) is the file\'s own character: not reported, fixes offered', () => {
      const result = lint('## Messaging <!-- owner: pm -->\n\nUnknown bytes show as \ufffd.\n', { path: 'x.md', validUtf8: true });
      assert.deepEqual(result.findings.map((f) => f.ruleId), ['section-owner-mismatch']);
      assert.ok(result.findings.flatMap((f) => f.fixes).length > 0);
    });

    it('decodeUtf8 tells a file that holds U+FFFD from one whose bytes are not UTF-8, and keeps a BOM', () => {
      assert.deepEqual(decodeUtf8(Buffer.from('\ufeff# Caf\u00e9 \ufffd\n', 'utf8')), { text: '\ufeff# Caf\u00e9 \ufffd\n', validUtf8: true });
      assert.deepEqual(decodeUtf8(Buffer.from('# Caf\u00e9\n', 'latin1')), { text: '# Caf\ufffd\n', validUtf8: false });
    });

    it('one YAML error per distinct message, at most ten, the first counting the rest (front-matter.ts firstErrors)', () => {
      const findings = lint(`specroles: 1\nsections:\n  - title: Goals\n    body: ${'[a '.repeat(300)}\n`, { path: 'x.spec.yaml' }).findings;
      assert.equal(findings.length, 2);
      // The first is the cause, at the "[" left open, and counts the rest.
      assert.match(nth(findings, 0).message, /the list that starts here with \[ is never closed with \] \(\d+ more errors follow, most caused by this one\)$/);
      assert.match(nth(findings, 1).message, /Missing , or : between flow sequence items$/);
    });

    it('a YAML document nested too deeply says so (front-matter.ts firstLine)', () => {
      const text = `specroles: 1\nsections: ${'[{title: a, sections: '.repeat(2000)}[]${'}]'.repeat(2000)}\n`;
      const findings = lint(text, { path: 'x.spec.yaml' }).findings;
      assert.equal(findings.length, 1);
      assert.match(nth(findings, 0).message, /^YAML does not parse: it is nested too deeply \(lists and maps inside each other, hundreds of levels deep\)/);
      checkResult(text, lint(text, { path: 'x.spec.yaml' }));
    });

    it('an empty owner value reads "found nothing", not "found object null" (schema-issues.ts)', () => {
      assert.deepEqual(where('specroles: 1\nsections:\n  - title: Goals\n    owner:\n', 'x.spec.yaml').filter((w) => w.startsWith('invalid-spec')), ['invalid-spec 4:11 Spec: "sections[0].owner": expected a string or a list, found nothing']);
    });

    it('YAML with a collection as a key prints no Node warning (logLevel)', () => {
      const warnings: string[] = [];
      const listener = (w: Error) => warnings.push(w.message);
      process.on('warning', listener);
      try {
        lint('specroles: 1\n{ project_name }: x\nsections: []\n', { path: 'x.spec.yaml' });
        lint('---\n{ a }: x\n---\n## Goals\n', { path: 'x.md' });
        parseConfig('{ a }: x\n', '/r/.specroles.yaml');
      } finally {
        process.off('warning', listener);
      }
      return new Promise<void>((done) => setImmediate(() => {
        assert.deepEqual(warnings, []);
        done();
      }));
    });
  });
});
