// Success metrics of the wrong kind for the owner: product managers measure usage, outages and speed
// to market; product marketers measure growth, retention and satisfaction.
import { describeHits } from '../classify/cues';
import { defineRule } from './rule';
import { aKind, sectionLabel } from './support';

/** Kinds of metrics section, and the kind of metric cue that does not belong in each. */
const WRONG_METRICS: Record<string, { foreign: string; says: string }> = {
  success_metrics: { foreign: 'gtm_metrics', says: 'growth, retention or satisfaction metrics, which the PMM tracks' },
  gtm_metrics: { foreign: 'success_metrics', says: 'product usage, reliability or delivery metrics, which the PM tracks' },
};

export default defineRule({
  meta: {
    id: 'metric-owner',
    description: "A metrics section measures what another role's success is measured by.",
    defaultSeverity: 'info',
    guidelines: ['managers-vs-marketers-pm-success-metrics', 'managers-vs-marketers-pmm-success-metrics'],
    fixable: false,
  },
  check({ analysis, report }) {
    for (const s of analysis.sections) {
      const wrong = s.kind && WRONG_METRICS[s.kind.id];
      if (!wrong) continue;
      const foreignHits = s.cues.hits.filter((h) => h.cue.kind === wrong.foreign);
      const ownHits = s.cues.hits.filter((h) => h.cue.kind === s.kind!.id);
      if (!foreignHits.length || foreignHits.length <= ownHits.length) continue;
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} is ${aKind(s.kind!.name.toLowerCase())} but lists ${wrong.says}: ${describeHits(foreignHits, undefined)}.`,
        data: { kind: s.kind!.id, foreign: wrong.foreign },
      });
    }
  },
});
