import assert from 'node:assert/strict';
import { lint } from '../../src/core';
import { nth } from '../support/nth';

function kinds(text: string, path = 'spec.md'): string[] {
  return lint(text, { path }).analysis.sections.map((s) => `${s.section.title}=${s.kind?.id ?? '-'}/${s.evidence?.via ?? '-'}`);
}

describe('classification', () => {
  it('matches normalised headings: numbering, emoji, suffixes, questions', () => {
    assert.deepEqual(kinds('## 3. Goals\n\n## 🚀 Launch plan\n\n## Requirements *(mandatory)*\n\n## What is the type of buyer?\n'), [
      '3. Goals=goals/synonym',
      '🚀 Launch plan=launch_plan/synonym',
      'Requirements (mandatory)=functional_requirements/synonym',
      'What is the type of buyer?=personas_audience/synonym',
    ]);
  });

  it('gives a subsection whose heading names no kind its parent\'s kind', () => {
    assert.deepEqual(kinds('## Themes\n\n### Enterprise scale\n\nBig customers.\n'), ['Themes=strategy/synonym', 'Enterprise scale=strategy/parent']);
  });

  it('reads no kind from a heading written as code: an API signature is part of the section it documents', () => {
    assert.deepEqual(kinds('## API\n\nThe calls.\n\n### `deprecate(fn, message[, code])`\n\nWraps fn.\n\n### enterAlternativeScreen\n\nSwitches.\n'), [
      'API=technical_approach/pattern',
      'deprecate(fn, message[, code])=technical_approach/parent',
      'enterAlternativeScreen=technical_approach/parent',
    ]);
    // An option written as code ("**`message`**:") is no field named "message", and makes no form of its siblings.
    const options = lint('## Problem\n\nRequests fail for users.\n\n## Configuration\n\n- **`message`**: the text shown to users.\n- **`timeout`**: milliseconds.\n', { path: 'spec.md' });
    assert.deepEqual(options.analysis.sections.map((s) => s.section.title), ['Problem', 'Configuration']);
    assert.deepEqual(kinds('## Overview\n\n### `message`\n\nThe text shown.\n'), ['Overview=summary/synonym', 'message=summary/parent']);
  });

  it('gives keyword-matched questions under a questionnaire the questionnaire\'s kind', () => {
    const result = kinds('## Design details\n\n### Can the feature be disabled once enabled?\n\nYes.\n');
    assert.equal(result[1], 'Can the feature be disabled once enabled?=technical_approach/parent');
  });

  it('reads a heading by the document owner: pains in a PMM document are the audience\'s', () => {
    const text = '---\nspecroles: 1\ntype: messaging\n---\n## Pains\n\nDevelopers lose days to flaky builds.\n';
    assert.deepEqual(kinds(text), ['Pains=personas_audience/context']);
  });

  it('promotes bold labels to sections once one of them names a kind', () => {
    const text = '## 1. All-in-one\n\n- **Proposition:** One place for analytics.\n- **Solution:** Funnels and replays together.\n';
    const result = kinds(text, 'value-propositions.md');
    assert.deepEqual(result.slice(1), ['Proposition=-/-', 'Solution=functional_requirements/synonym']);
  });

  it('infers the document owner from its title and headings when nothing is declared', () => {
    const r = lint('# Value propositions\n\n## Why teams switch\n\nText.\n\n## Key benefits\n\nText.\n', { path: 'vp.md' });
    assert.deepEqual(r.analysis.docOwner, { roles: ['pmm'], via: 'sections' });
  });

  it('reads "Launch" under a release track of a rollout-process document as a release step', () => {
    const text = '# Feature rollout process\n\n## Launch tiers\n\nTiers.\n\n## Web app\n\n### Before merge\n\nTests pass.\n\n### Launch\n\nTurn the flag on.\n';
    assert.deepEqual(kinds(text, 'process.md'), [
      'Launch tiers=launch_plan/synonym',
      'Web app=release_rollout/context',
      'Before merge=release_rollout/parent',
      'Launch=release_rollout/context',
    ]);
  });

  it('reads a heading that says nothing from its subsections', () => {
    const text = '## Philosophy\n\n### Role of the free tier\n\nText.\n\n### Add-on features\n\nText.\n\n### Open source\n\nText.\n';
    assert.deepEqual(kinds(text), [
      'Philosophy=pricing_packaging/context',
      'Role of the free tier=pricing_packaging/pattern',
      'Add-on features=pricing_packaging/synonym',
      'Open source=pricing_packaging/parent',
    ]);
  });

  it('leaves a heading that says nothing alone where its subsections disagree', () => {
    const text = '## Misc\n\n### Pricing tiers\n\nText.\n\n### Goals\n\nText.\n';
    assert.equal(kinds(text)[0], 'Misc=-/-');
  });

  it('in a PMM document, reads a keyword match to a PM-only kind under a PMM section as part of it', () => {
    const text = '---\nspecroles: 1\ntype: positioning\n---\n## Competitive response\n\n### Offensive strategies\n\nText.\n\n### Monitoring metrics\n\nText.\n';
    assert.deepEqual(kinds(text), [
      'Competitive response=competitive_landscape/pattern',
      'Offensive strategies=competitive_landscape/parent',
      'Monitoring metrics=competitive_landscape/parent',
    ]);
  });

  it('in a PMM document, reads a keyword match to a PM-only kind from subsections that are all PMM', () => {
    const text = '---\nspecroles: 1\ntype: positioning\n---\n## Strategic analysis\n\n### Competitor strengths\n\nText.\n\n### Differentiation\n\nText.\n\n### Competitive advantages\n\nText.\n';
    assert.equal(kinds(text)[0], 'Strategic analysis=competitive_landscape/context');
    const pm = '---\nspecroles: 1\ntype: prd\n---\n## Strategic analysis\n\n### Competitor strengths\n\nText.\n\n### Competitive advantages\n\nText.\n';
    assert.equal(kinds(pm)[0], 'Strategic analysis=strategy/pattern');
  });

  it('reads owner headings by the subject a document talks about throughout, where that brings in another role', () => {
    const body = (extra: string) => `Pricing per seat and the free tier${extra}.\n\n`;
    const text = '---\nspecroles: 1\ntype: prd\n---\n'
      + `## Mission\n\n${body('')}## Expected outcomes\n\n${body(', with billing')}## Proposal\n\n${body(' and add-on packaging')}`
      + `## Success criteria\n\n${body('')}## Timeline\n\nTwo weeks.\n`;
    assert.deepEqual(kinds(text), [
      'Mission=pricing_packaging/context',
      'Expected outcomes=pricing_packaging/context',
      'Proposal=pricing_packaging/context',
      'Success criteria=pricing_packaging/context',
      'Timeline=roadmap_milestones/synonym',
    ]);
  });

  it('does not let engineering vocabulary take over a PM document', () => {
    const body = 'The API endpoint and the database schema and the architecture.\n\n';
    const text = '---\nspecroles: 1\ntype: prd\n---\n' + ['Mission', 'Goals', 'Proposal', 'Success criteria'].map((h) => `## ${h}\n\n${body}`).join('');
    assert.deepEqual(kinds(text), ['Mission=vision/synonym', 'Goals=goals/synonym', 'Proposal=functional_requirements/synonym', 'Success criteria=success_metrics/synonym']);
  });

  it('reads a market opportunity and a general-availability question by their headings', () => {
    assert.deepEqual(kinds('## Enterprise opportunity\n\nText.\n\n## Q: Is the importer generally available?\n\nYes.\n'), [
      'Enterprise opportunity=target_market/pattern',
      'Q: Is the importer generally available?=release_rollout/pattern',
    ]);
  });

  it('reads an administrative keyword heading by a body that clearly reads as a substantive kind', () => {
    const text = '## Research methodology\n\nWhich competitors we compared, the competitive set, and the analyst reports on the competition.\n\n## Methodology\n\nInterviews.\n';
    assert.deepEqual(kinds(text), ['Research methodology=competitive_landscape/body', 'Methodology=doc_metadata/pattern']);
  });

  it('reads a top-level heading that says nothing by the subject the document talks about throughout', () => {
    const body = 'Pricing per seat, the free tier and billing.\n\n';
    const text = '---\nspecroles: 1\ntype: messaging\n---\n' + ['Q: How is it priced?', 'Q: Which plans?', 'Q: Any discount?', 'Q: Add-ons?'].map((h) => `## ${h}\n\n${body}`).join('')
      + '## Q: How many users are needed?\n\nOne service account.\n';
    assert.equal(kinds(text).at(-1), 'Q: How many users are needed?=pricing_packaging/context');
  });

  it('reads qualified links headings as document metadata', () => {
    assert.deepEqual(kinds('## Useful links and conversation notes\n\n- a link\n'), ['Useful links and conversation notes=doc_metadata/pattern']);
  });

  it('reads a heading that says nothing by its own words where they clearly lead with one kind', () => {
    const text = '## Overview of the lifecycle\n\nEvery product goes through alpha, then beta, then a rollout behind a flag.\n';
    assert.deepEqual(kinds(text), ['Overview of the lifecycle=release_rollout/body']);
  });

  it('reads a keyword heading with no words of its own by subsections that agree on another owner\'s kind', () => {
    const text = '## Success and support\n\n### Pricing tiers\n\nText.\n\n### Add-on features\n\nText.\n';
    assert.equal(kinds(text)[0], 'Success and support=pricing_packaging/context');
    const withText = '## Success and support\n\nThe KPI is weekly usage, our success metric.\n\n### Pricing tiers\n\nText.\n\n### Add-on features\n\nText.\n';
    assert.equal(kinds(withText)[0], 'Success and support=success_metrics/pattern');
  });

  it('reads a keyword heading of another role\'s kind under a part only other roles own as a facet of that part', () => {
    const text = '# Personas\n\n## Maintainer\n\nRuns a busy project.\n\n### Primary goals\n\nShip releases on time.\n\n### Biggest challenges\n\nToo many drive-by issues.\n';
    assert.deepEqual(kinds(text, 'who.md'), [
      'Maintainer=personas_audience/context',
      'Primary goals=personas_audience/parent',
      'Biggest challenges=personas_audience/parent',
    ]);
  });

  it('reads personas in a PM\'s spec as its users, but a buyer as the PMM\'s in any document', () => {
    const text = '---\nspecroles: 1\ntype: prd\n---\n## User personas\n\nMaintainers.\n\n## What is the type of buyer?\n\nTeam leads.\n';
    assert.deepEqual(kinds(text), ['User personas=users_use_cases/context', 'What is the type of buyer?=personas_audience/synonym']);
  });

  it('gives the use cases of a PMM page to the PM and the PMM, and those of a PRD to the PM', () => {
    const owners = (type: string) => lint(`---\nspecroles: 1\ntype: ${type}\n---\n## Use cases\n\nTeams that review code.\n`, { path: 'spec.md' }).analysis.sections.map((s) => `${s.kind?.id}:${s.expected.join('+')}`);
    assert.deepEqual(owners('positioning'), ['users_use_cases:pm+pmm']);
    assert.deepEqual(owners('prd'), ['users_use_cases:pm']);
    // …so "owner: pmm" on a use case in a positioning page is no mismatch, and "owner: pm" is asked to name both.
    const declared = (owner: string) => lint(`---\nspecroles: 1\ntype: positioning\n---\n## Use cases <!-- owner: ${owner} -->\n\nTeams.\n`, { path: 'spec.md' }).findings.map((f) => f.ruleId);
    assert.deepEqual(declared('pmm').filter((id) => id === 'section-owner-mismatch'), []);
    assert.ok(declared('pm').includes('shared-section-owners'));
  });

  it('does not take a document type from a file-name word that is part of another role\'s kind name', () => {
    assert.equal(lint('## Tone\n\nWarm.\n', { path: 'landing-page-content-strategy.md' }).analysis.docType, undefined);
    assert.equal(lint('## Tone\n\nWarm.\n', { path: 'platform-strategy.md' }).analysis.docType?.type.id, 'strategy');
  });

  it('gives a headed story, a scoring framework, further reading and voice and tone their kinds', () => {
    assert.deepEqual(kinds('## As a developer, I want to filter by distance\n\n## ICE score\n\n## Further reading\n\n## Voice and tone\n\n## Information architecture\n\n## Integration tests\n'), [
      'As a developer, I want to filter by distance=user_stories/pattern',
      'ICE score=prioritization/pattern',
      'Further reading=doc_metadata/pattern',
      'Voice and tone=messaging/pattern',
      'Information architecture=ux_design/pattern',
      'Integration tests=acceptance_criteria/pattern',
    ]);
  });

  it('reads a version\'s changes as release notes, and a release\'s contributors as document metadata', () => {
    assert.deepEqual(kinds('## What\'s in 1.85.0 stable\n\n### Async closures\n\nText.\n\n## Changes in v2.3\n\n## Contributors to 1.85.0\n\n## Credits\n'), [
      'What\'s in 1.85.0 stable=release_notes/pattern',
      'Async closures=release_notes/parent',
      'Changes in v2.3=release_notes/pattern',
      'Contributors to 1.85.0=doc_metadata/pattern',
      'Credits=doc_metadata/pattern',
    ]);
  });

  it('takes the document\'s topic from what follows the name its title opens with, not from a keyword inside it', () => {
    const parts = '## Profile summary\n\nA senior designer at a small agency.\n\n## Daily reality\n\nToo many tools.\n';
    assert.deepEqual(kinds(`# Stina the Strategist - Designer Persona\n\n${parts}`), ['Profile summary=personas_audience/context', 'Daily reality=personas_audience/context']);
    assert.deepEqual(kinds(`# Acme: Personas\n\n${parts}`), ['Profile summary=personas_audience/context', 'Daily reality=personas_audience/context']);
    // A keyword inside the title names no topic: the parts say nothing, and get no kind.
    assert.deepEqual(kinds(`# Persona page redesign\n\n${parts}`), ['Profile summary=-/-', 'Daily reality=-/-']);
  });

  it('keeps the kind a subsection of an appendix or a resources list names, and gives the rest the parent\'s', () => {
    assert.deepEqual(kinds('## Resources\n\n### Interview guides\n\nText.\n\n### Live demos\n\nText.\n\n### Misc\n\nText.\n'), [
      'Resources=doc_metadata/pattern',
      'Interview guides=sales_enablement/pattern',
      'Live demos=sales_enablement/pattern',
      'Misc=doc_metadata/parent',
    ]);
  });

  it('promotes bold labels that recur in sibling sections: the fields of a form filled in per item', () => {
    const text = '## Screens\n\n### Dashboard\n\n**Purpose**: status at a glance.\n\n**Elements**: stats, activity.\n\n### Roadmap view\n\n**Purpose**: a timeline.\n\n**Elements**: swimlanes.\n\n### Settings\n\n**Note**: one page.\n';
    const titles = lint(text, { path: 'spec.md' }).analysis.sections.map((s) => `${s.section.title}${s.section.pseudo ? '*' : ''}`);
    assert.deepEqual(titles, ['Screens', 'Dashboard', 'Purpose*', 'Elements*', 'Roadmap view', 'Purpose*', 'Elements*', 'Settings']);
  });

  it('promotes a bold label standing alone as a paragraph over the blocks it introduces', () => {
    const text = '## Persona\n\n**Daily struggle:**\n\n- Works alone\n- Fights for users\n\n**Note:** not a field.\n';
    const titles = lint(text, { path: 'spec.md' }).analysis.sections.map((s) => `${s.section.title}${s.section.pseudo ? '*' : ''}`);
    assert.deepEqual(titles, ['Persona', 'Daily struggle*', 'Note*']);
  });

  it('matches compound names written with hyphens or slashes as with spaces', () => {
    assert.deepEqual(kinds('## Jobs-to-be-done interviews\n\n## Kill-criteria for the pilot\n'), [
      'Jobs-to-be-done interviews=users_use_cases/pattern',
      'Kill-criteria for the pilot=gtm_metrics/pattern',
    ]);
  });

  it('keeps a user scenario that talks marketing a user scenario, without reporting its words', () => {
    const text = '---\nspecroles: 1\ntype: prd\n---\n## Scenarios\n\n### Scenario: a marketer plans a launch\n\nAs a marketer, I want to schedule the newsletter campaign, the blog post and the press release from one calendar, and see the landing page and social media posts next to them.\n';
    const r = lint(text, { path: 'spec.md' });
    assert.equal(nth(r.analysis.sections, 1).kind?.id, 'user_stories');
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'content-owner-drift'), []);
  });

  it('keeps the heading\'s reading for an FAQ item in another role\'s document', () => {
    const text = '---\nspecroles: 1\ntype: messaging\n---\n## Q: What are the key features of the importer?\n\nA: Text.\n\n## Key features\n\nText.\n';
    assert.deepEqual(kinds(text), ['Q: What are the key features of the importer?=functional_requirements/pattern', 'Key features=value_proposition/context']);
  });

  it('reads a headline as messaging, before the press release it belongs to', () => {
    assert.deepEqual(kinds('## Q: What is the headline of the press release?\n\nA: Text.\n'), ['Q: What is the headline of the press release?=messaging/pattern']);
  });

  it('takes status suffixes off after a dash, a colon or a space, and nothing off a run of spaces alone', () => {
    assert.deepEqual(kinds('## Goals - optional\n\nText.\n\n## Scope: draft\n\nText.\n\n## Requirements   WIP\n\nText.\n'), [
      'Goals - optional=goals/synonym',
      'Scope: draft=non_goals_scope/synonym',
      'Requirements   WIP=functional_requirements/synonym',
    ]);
  });
});
