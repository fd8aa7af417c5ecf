// Issue 12: fields written as bold text on lines of their own, and headings written as a paragraph of
// italic or bold text, are read as the sections they stand for.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

/** Each section's kind by title, pseudo-sections (labels) included. */
function kindsOf(text: string): Record<string, string> {
  return Object.fromEntries(lint(text, { path: 'spec.md' }).analysis.sections.map((s) => [s.section.title, s.kind?.id ?? '-']));
}

describe('fields and headings written as bold or italic paragraphs', () => {
  it('reads bold labels on consecutive lines as fields', () => {
    const kinds = kindsOf('# Export\n\n## Overview\n\n**Target users:** data analysts\n**Success metrics:** exports a week\n**Rollout:** behind a flag\n');
    assert.equal(kinds['Target users'], 'users_use_cases');
    assert.equal(kinds['Success metrics'], 'success_metrics');
    assert.equal(kinds.Rollout, 'release_rollout');
  });

  it("reads fields in the title's own text, before the first section, as top-level fields", () => {
    const { analysis } = lint('# Personas\n\nTwo kinds of people use it.\n\n**Developer**:\n\nWrites code all day.\n\n**Buyer**:\n\nSigns the contract.\n\n## Journeys\n\nHow they find us.\n', { path: 'personas.md' });
    const fields = analysis.sections.filter((s) => s.section.pseudo);
    assert.deepEqual(fields.map((s) => [s.section.title, s.section.headingRange.start.line, s.parent]), [['Developer', 5, undefined], ['Buyer', 9, undefined]]);
    assert.ok(fields.every((s) => s.kind?.id === 'personas_audience'), 'parts of a document titled "Personas"');
  });

  it('reads three or more paragraphs that open with bold labels as a form, but not two, nor a list of bold lead-ins', () => {
    const persona = (n: number) => `# Stina\n\n## Career\n\n${['**University:** Psychology.', '**First break:** A band website.', '**Current role:** Lone designer.'].slice(0, n).join('\n\n')}\n`;
    assert.deepEqual(Object.keys(kindsOf(persona(3))), ['Career', 'University', 'First break', 'Current role']);
    assert.deepEqual(Object.keys(kindsOf(persona(2))), ['Career']);
    const list = '# Export\n\n## Details\n\n- **Search:** find rows.\n- **Filter:** narrow them.\n- **Sort:** order them.\n';
    assert.deepEqual(Object.keys(kindsOf(list)), ['Details']);
  });

  it('reads headings in a block quote as sections of the section that holds the quote, each over its part of the quote', () => {
    const text = '# Printer\n\n## Example requirements\n\n> ## Easy setup\n> A job starts in three clicks.\n>\n> ### Known risks\n> The belt may slip.\n\nAfter the quote.\n';
    const { analysis } = lint(text, { path: 'spec.md' });
    const quoted = analysis.sections.filter((s) => s.section.pseudo === 'quoted-heading');
    assert.deepEqual(quoted.map((s) => [s.section.title, s.section.headingRange.start.line, s.section.contentRange.end.line, s.parent?.section.title]), [
      ['Easy setup', 5, 8, 'Example requirements'],
      ['Known risks', 8, 9, 'Example requirements'],
    ]);
    assert.equal(quoted[1]?.kind?.id, 'risks_assumptions');
    // A quote of plain paragraphs holds no section.
    assert.deepEqual(Object.keys(kindsOf('# Printer\n\n## Goals\n\n> **Note:** ship it.\n> Soon.\n')), ['Goals']);
  });

  it('reads a bold paragraph on its own line over text as a heading', () => {
    const kinds = kindsOf('# Export\n\n## Details\n\n**Success metrics**\n\nExports a week.\n\n**Risks**\n\nThe queue may fill.\n');
    assert.equal(kinds['Success metrics'], 'success_metrics');
    assert.equal(kinds.Risks, 'risks_assumptions');
  });

  it('reads a paragraph of italic text alone as a heading', () => {
    const kinds = kindsOf('# Tiers\n\n## Details\n\n_What could go wrong?_\n\nThe queue may fill.\n\n*Success metrics*\n\nExports a week.\n\n_Marketing support for large launches_\n\nPress, blogs.\n');
    assert.equal(kinds['What could go wrong?'], 'risks_assumptions');
    assert.equal(kinds['Success metrics'], 'success_metrics');
    assert.equal(kinds['Marketing support for large launches'], 'gtm_channels');
  });

  it('does not read emphasis inside a sentence, or a bold sentence, as a heading', () => {
    const kinds = kindsOf('# Export\n\n## Details\n\nWe **must** ship the *success metrics* page.\n\n**This release is blocked on the security review, which starts next week.**\n\nMore text.\n');
    assert.deepEqual(Object.keys(kinds), ['Details']);
  });

  it("reads the sibling titles of a title that names a kind as headings too: one writer's headings", () => {
    const kinds = kindsOf('# Beta\n\n## How we decide\n\n**Negative key metrics**\n- Investigate why\n\n**User feedback**\n- Tell taste from function\n');
    assert.deepEqual(Object.keys(kinds), ['How we decide', 'Negative key metrics', 'User feedback']);
    assert.equal(kinds['Negative key metrics'], 'success_metrics');
  });

  it('takes a bold or italic title as a heading only where it names a kind, and not as a sign of a form', () => {
    const kinds = kindsOf('# Export\n\n## Details\n\n**A quiet week**\n\nNothing shipped.\n\n- **Note:** see below\n');
    assert.deepEqual(Object.keys(kinds), ['Details']);
  });
});
