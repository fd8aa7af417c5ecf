// Issue 12: the document's owner and type, where it declares neither, are inferred; a wrong inference
// turns every ownership finding in the document around and silences the real ones.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

const PRD = [
  '# Saved searches',
  '## Problem\n\nUsers rerun the same searches every day and lose time.',
  '## Goals\n\nCut repeated searches by half.',
  '## Requirements\n\n- Save a search\n- Rerun it from the sidebar',
  '## Success metrics\n\nShare of searches rerun from saved.',
  '## Rollout plan\n\nBehind a flag for 10% of users, then everyone.',
  // The section a reviewer would flag: the PMM's, in a PM's document.
  '## Messaging\n\nTagline: "Find it again." Our value proposition for buyers: save time. A campaign on the blog and social, a press release and a launch email.',
].join('\n\n');

const LAUNCH_BRIEF = [
  '# Saved searches',
  '## Audience\n\nData analysts at mid-size companies.',
  '## Messaging\n\nTagline: "Find it again."',
  '## Launch plan\n\nBlog post, webinar and a launch email on day one.',
  '## Channels\n\nSocial, newsletter and partners.',
].join('\n\n');

function read(text: string, path: string) {
  const { analysis, findings } = lint(text, { path });
  return { owner: analysis.docOwner.roles, type: analysis.docType?.type.id, rules: findings.map((f) => `${f.ruleId} ${f.message.split('"')[1] ?? ''}`) };
}

describe('the document owner and type, inferred', () => {
  it('gives a PRD to the PM whatever a word in its file name says, and flags its marketing section', () => {
    for (const path of ['saved-searches-launch.md', 'launch-plan.md']) {
      const { owner, type, rules } = read(PRD, path);
      assert.deepEqual(owner, ['pm'], path);
      assert.equal(type, undefined, `${path}: a launch brief by its name, a PRD by its sections`);
      assert.deepEqual(rules, ['foreign-section Messaging'], path);
    }
  });

  it('does not let one section full of marketing words make the document shared', () => {
    const wordy = `${PRD} Our positioning against competitors, the launch webinar, sales enablement and a one-pager for the sales team.`;
    assert.deepEqual(read(wordy, 'spec.md').owner, ['pm']);
  });

  it('keeps the type a file name suggests where the sections agree with it', () => {
    const { owner, type } = read(LAUNCH_BRIEF, 'saved-searches-launch.md');
    assert.deepEqual([owner, type], [['pmm'], 'launch-brief']);
  });
});
