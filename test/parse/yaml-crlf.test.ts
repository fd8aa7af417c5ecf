import assert from 'node:assert/strict';
import { applyFixes, lint, parseConfig, type LintOptions } from '../../src/core';
import { readFrontMatter } from '../../src/core/parse/front-matter';
import { parseYamlSpec } from '../../src/core/parse/yaml-spec';
import { lfText, parseYaml } from '../../src/core/parse/yaml-text';
import { LineIndex } from '../../src/core/text/lines';
import { nth } from '../support/nth';

const crlf = (text: string) => text.replace(/\n/g, '\r\n');
const at = (r: { start: { line: number; column: number }; end: { line: number; column: number } }) => `${r.start.line}:${r.start.column}-${r.end.line}:${r.end.column}`;
const findings = (text: string, options: LintOptions) => lint(text, options).findings.map((f) => `${f.ruleId} ${at(f.range)} ${f.message}`);

describe('YAML with CRLF line ends reads as with LF', () => {
  it('maps offsets of the LF copy back to the text: a line break maps to its CR', () => {
    const text = 'a\r\nbc\r\n\r\nd\re\n';
    const { source, toOriginal } = lfText(text);
    assert.equal(source, 'a\nbc\n\nd\ne\n');
    for (let i = 0; i < source.length; i++) {
      const original = toOriginal(i);
      if (source[i] === '\n') assert.ok(text[original] === '\r' || text[original] === '\n', `offset ${i}`);
      else assert.equal(text[original], source[i], `offset ${i}`);
    }
    assert.equal(toOriginal(source.length), text.length);
    const plain = 'a\nb\n';
    assert.equal(lfText(plain).source, plain);
    assert.equal(lfText(plain).toOriginal(3), 3);
  });

  it('gives nodes and errors ranges in the text', () => {
    const text = 'a: 1\r\nb:\r\n  - x\r\n  - "y\r\n    z"\r\n';
    const doc = parseYaml(text, { prettyErrors: false });
    const b = doc.get('b', true) as { items: { range: number[] }[] };
    assert.deepEqual(b.items.map((n) => text.slice(n.range[0], n.range[1])), ['x', '"y\r\n    z"']);
    // The yaml package notices an unclosed quote at the end of the text.
    const open = 'a: 1\r\nb: "open\r\n';
    assert.deepEqual(parseYaml(open, { prettyErrors: false }).errors.map((e) => e.pos[0]), [open.length]);
  });

  it('front matter: the same findings for a list, then a table (shrunk from the fuzz suite)', () => {
    const text = '---\n- tagline\n\n| Field | Value |\n|   | tagline |\n\n---\n';
    assert.deepEqual(findings(crlf(text), { path: 'spec.prd.md' }), findings(text, { path: 'spec.prd.md' }));
  });

  it('front matter: the same findings for a value over lines with U+FEFF and NUL (shrunk from the fuzz suite)', () => {
    const text = '---\nspecroles: pm\n  tagline\n\n\ufeff TBD\n\n\u0000\n\n---\n';
    assert.deepEqual(findings(crlf(text), { path: 'spec.prd.md' }), findings(text, { path: 'spec.prd.md' }));
  });

  it('front matter: the same findings for a comment and a quote (shrunk from the fuzz suite, seed 14)', () => {
    const text = '---\n# status\n<!-- owner: project -->\n\n> TBD\n\n---\n';
    assert.deepEqual(findings(crlf(text), { path: 'spec.prd.md' }), findings(text, { path: 'spec.prd.md' }));
  });

  it('YAML specs: the same findings for a flow map with a comment (shrunk from the fuzz suite, seed 104)', () => {
    // As the fuzz property does: a lone CR in the generated text is a line end, read as LF first.
    const generated = '{\n type: prdd,\n title: TBD,\n owner: [],\n sections:\n  [ # specroles-disable  -- \r { \n   {\n      kind: null,\n      owner: "",\n      body: TBD,\n      instruction: " ",\n      extra: [],\n      sections: []\n     }\n  ]\n}\n';
    const text = generated.replace(/\r\n?/g, '\n');
    assert.deepEqual(findings(crlf(text), { path: 'x.spec.yaml' }), findings(text, { path: 'x.spec.yaml' }));
  });

  it('front matter: the same problems, and no CR in their messages', () => {
    for (const text of ['---\n- tagline\n\n| Field | Value |\n|   | tagline |\n\n---\n', '---\nspecroles: pm\n  tagline\n\n\ufeff TBD\n\n\u0000\n\n---\n', '---\ntitle: "open\nowner: pm\n---\n']) {
      const problems = (t: string) => readFrontMatter(t, new LineIndex(t)).problems.map((p) => `${at(p.range)} ${p.message}`);
      assert.deepEqual(problems(crlf(text)), problems(text), text);
      assert.ok(problems(crlf(text)).every((p) => !p.includes('\r')), text);
    }
  });

  it('YAML specs: the same problems, sections and findings', () => {
    const texts = [
      '- tagline\n\n| Field | Value |\n|   | tagline |\n',
      'specroles: pm\n  tagline\n\n\ufeff TBD\n\n\u0000\n',
      'specroles: 1\ntype: prd\nsections:\n  - title: "Goals\n      and more"\n    owner: pm\n    body: |\n      Ship it.\n\n      Soon.\n  - title: Empty\n',
    ];
    for (const text of texts) {
      const read = (t: string) => {
        const doc = parseYamlSpec(t, { isSpec: true });
        return [...doc.problems.map((p) => `${at(p.range)} ${p.message}`), ...doc.sections.map((s) => `${s.title} ${at(s.headingRange)} ${at(s.fullRange)}`)];
      };
      assert.deepEqual(read(crlf(text)), read(text), text);
      assert.deepEqual(findings(crlf(text), { path: 'spec.prd.yaml' }), findings(text, { path: 'spec.prd.yaml' }), text);
    }
  });

  it('fixes land at the same places: each fix applied to the CRLF text gives the LF result with CRLF', () => {
    const cases: [string, string][] = [
      ['spec.prd.yaml', 'specroles: 1\ntype: prd\nowner: pm\nsections:\n  - title: "Problem\n      and more"\n    body: |\n      Shoppers abandon carts.\n\n  - title: Timeline\n    owner: pmn\n    body: Beta in March.\n  - title: Pricing\n    body: The price is $10 a month for each seat.\n'],
      ['spec.prd.yaml', 'specroles: 1\ntype: prd\nsections:\n'],
      ['spec.prd.md', '---\nspecroles: 1\ntype: prd\nowner: pmn\n---\n\n## Problem\n\nShoppers abandon carts.\n'],
    ];
    let fixes = 0;
    for (const [path, text] of cases) {
      const lf = lint(text, { path }).findings;
      const cr = lint(crlf(text), { path }).findings;
      assert.deepEqual(cr.map((f) => f.fixes?.length ?? 0), lf.map((f) => f.fixes?.length ?? 0), text);
      lf.forEach((finding, i) =>
        finding.fixes?.forEach((fix, j) => {
          fixes++;
          const expected = crlf(applyFixes(text, [fix]).text);
          assert.equal(applyFixes(crlf(text), [nth(nth(cr, i).fixes!, j)]).text, expected, `${finding.ruleId}: ${fix.title}`);
        }),
      );
    }
    assert.ok(fixes >= 3, `${fixes} fixes`);
  });

  it('configs: the same problems', () => {
    for (const text of ['specroles: pm\n  tagline\n\n\ufeff TBD\n\n\u0000\n', '- tagline\n\n| Field | Value |\n|   | tagline |\n', 'rules: [unclosed\n']) {
      const problems = (t: string) => parseConfig(t, '/r/.specroles.yaml').problems.map((p) => `${at(p.range)} ${p.message}`);
      assert.deepEqual(problems(crlf(text)), problems(text), text);
      assert.ok(problems(crlf(text)).every((p) => !p.includes('\r') && !p.includes('\\r')), text);
    }
  });
});
