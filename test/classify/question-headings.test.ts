// Issue 12, first class: question headings about the work, its users, its plan and its competition, and
// frameworks named by hyphenated or compound names, get the kind a reviewer would give them.
import assert from 'node:assert/strict';
import { lint } from '../../src/core';

/** Each heading's kind, read in a document of nothing but these headings (each with a line of text). */
function kindsOf(headings: readonly string[]): Record<string, string> {
  const text = headings.map((h) => `## ${h}\n\nSome text.\n`).join('\n');
  return Object.fromEntries(lint(text, { path: 'spec.md' }).analysis.sections.map((s) => [s.section.title, s.kind?.id ?? '-']));
}

describe('question headings and named frameworks', () => {
  it('reads who-questions by what they ask about, not as the users', () => {
    assert.deepEqual(kindsOf(['Who are we competing with?', 'What are we up against?', 'Who needs to sign off?', 'Who is this for?']), {
      'Who are we competing with?': 'competitive_landscape',
      'What are we up against?': 'competitive_landscape',
      'Who needs to sign off?': 'stakeholders_roles',
      'Who is this for?': 'users_use_cases',
    });
  });

  it('reads why-, when- and what-if questions and a question about what is left out', () => {
    assert.deepEqual(kindsOf(['Why are we doing this?', 'When will it ship?', 'What if a user downgrades?', 'What are we not doing?', "What won't we build?"]), {
      'Why are we doing this?': 'problem',
      'When will it ship?': 'roadmap_milestones',
      'What if a user downgrades?': 'risks_assumptions',
      'What are we not doing?': 'non_goals_scope',
      "What won't we build?": 'non_goals_scope',
    });
  });

  it('reads questions about compatibility, the rollout, what is built, what users see and telling customers', () => {
    assert.deepEqual(kindsOf(['What about backward compatibility?', 'Will existing users be affected?', 'What happens to existing data?', 'How will we roll this out?', 'What are we building?', 'What will users see?', 'How will we tell customers?']), {
      'What about backward compatibility?': 'nonfunctional_requirements',
      'Will existing users be affected?': 'nonfunctional_requirements',
      'What happens to existing data?': 'nonfunctional_requirements',
      'How will we roll this out?': 'release_rollout',
      'What are we building?': 'functional_requirements',
      'What will users see?': 'ux_design',
      'How will we tell customers?': 'launch_plan',
    });
  });

  it('reads well-known frameworks however they are written', () => {
    assert.deepEqual(kindsOf(['OKRs', 'Kano-model', 'AARRR funnel', 'Pirate-metrics', 'Five-forces analysis', 'Opportunity-solution tree', 'Jobs-to-be-Done (JTBD)']), {
      OKRs: 'goals',
      'Kano-model': 'prioritization',
      'AARRR funnel': 'gtm_metrics',
      'Pirate-metrics': 'gtm_metrics',
      'Five-forces analysis': 'competitive_landscape',
      'Opportunity-solution tree': 'problem',
      'Jobs-to-be-Done (JTBD)': 'users_use_cases',
    });
  });

  it('reads questions about the people on the work, done, the design, plans, options, naming, proof and selling', () => {
    assert.deepEqual(kindsOf(['Who is involved?', 'What does done look like?', 'What does the design look like?', 'Which plans include it?', 'What did we consider?', 'What should we call it?', 'What are customers saying?', 'How will sales sell it?']), {
      'Who is involved?': 'stakeholders_roles',
      'What does done look like?': 'acceptance_criteria',
      'What does the design look like?': 'ux_design',
      'Which plans include it?': 'pricing_packaging',
      'What did we consider?': 'alternatives_considered',
      'What should we call it?': 'messaging',
      'What are customers saying?': 'proof_points',
      'How will sales sell it?': 'sales_enablement',
    });
  });

  it("reads the headings of well-known templates: a PEP's, a Shape Up pitch's, MoSCoW, Now/Next/Later, a pre-mortem", () => {
    assert.deepEqual(kindsOf(['Abstract', 'Rejected ideas', 'How to teach this', 'Appetite', 'Rabbit holes', 'No-gos', "Won't have", 'Now/Next/Later', 'Pre-mortem', 'Five whys', 'Key results', 'Job stories']), {
      Abstract: 'summary',
      'Rejected ideas': 'alternatives_considered',
      'How to teach this': 'documentation',
      Appetite: 'roadmap_milestones',
      'Rabbit holes': 'risks_assumptions',
      'No-gos': 'non_goals_scope',
      "Won't have": 'prioritization',
      'Now/Next/Later': 'roadmap_milestones',
      'Pre-mortem': 'risks_assumptions',
      'Five whys': 'problem',
      'Key results': 'goals',
      'Job stories': 'user_stories',
    });
  });

  it('reads the headings of strategy frameworks: values, pillars, Playing to Win, the kernel of a strategy, horizons', () => {
    assert.deepEqual(kindsOf(['Core values', 'Target state', 'Strategic pillars', 'Where to play', 'How to win', 'Guiding policy', 'Long-term', 'Revenue model']), {
      'Core values': 'vision',
      'Target state': 'vision',
      'Strategic pillars': 'strategy',
      'Where to play': 'strategy',
      'How to win': 'strategy',
      'Guiding policy': 'strategy',
      'Long-term': 'roadmap_milestones',
      'Revenue model': 'pricing_packaging',
    });
  });

  it('reads a "Field: question" heading by its field, whatever words the question uses', () => {
    assert.deepEqual(kindsOf(['Scope: what pricing changes are out?', 'Timeline: when does the launch page go live?']), {
      'Scope: what pricing changes are out?': 'non_goals_scope',
      'Timeline: when does the launch page go live?': 'roadmap_milestones',
    });
  });

  it('reads questions about how it works, the market, what sets it apart, why people buy, what to say and what was learnt', () => {
    assert.deepEqual(
      kindsOf([
        'How does it work?',
        'How do we talk about it?',
        'What will we tell customers?',
        'How will users find out?',
        'What did we learn?',
        'What do users need?',
        'How will this be rolled out?',
        'Why would anyone switch?',
        'What makes us different?',
        'How big is the market?',
        'What should sales say?',
        'What evidence do we have?',
      ]),
      {
        'How does it work?': 'functional_requirements',
        'How do we talk about it?': 'messaging',
        'What will we tell customers?': 'messaging',
        'How will users find out?': 'gtm_channels',
        'What did we learn?': 'success_metrics',
        'What do users need?': 'users_use_cases',
        'How will this be rolled out?': 'release_rollout',
        'Why would anyone switch?': 'value_proposition',
        'What makes us different?': 'positioning',
        'How big is the market?': 'target_market',
        'What should sales say?': 'sales_enablement',
        'What evidence do we have?': 'problem',
      },
    );
  });
});
