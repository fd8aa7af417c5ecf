// Success metrics of the wrong kind for the owner: product managers measure usage, outages and speed
// to market; product marketers measure growth, retention and satisfaction.
import { describeHits } from '../classify/cues';
import { defineRule } from './rule';
import { aKind, sectionLabel } from './support';

export default defineRule({
  meta: {
    id: 'metric-owner',
    description: "A metrics section measures what another role's success is measured by.",
    defaultSeverity: 'info',
    scope: 'section',
    guidelines: ['managers-vs-marketers-pm-success-metrics', 'managers-vs-marketers-pmm-success-metrics'],
    fixable: false,
  },
  check({ analysis, report }) {
    for (const s of analysis.sections) {
      // Which metrics do not belong in which metrics section is data (kinds.yaml `wrongMetrics`).
      const wrong = s.kind?.wrongMetrics;
      if (!wrong) continue;
      const foreignHits = s.cues.hits.filter((h) => h.cue.kind === wrong.kind);
      const ownHits = s.cues.hits.filter((h) => h.cue.kind === s.kind!.id);
      if (!foreignHits.length || foreignHits.length <= ownHits.length) continue;
      report({
        range: s.section.headingRange,
        section: s,
        message: `Section ${sectionLabel(s.section)} lists another role's metrics. It is ${aKind(s.kind!.name.toLowerCase())} but lists ${wrong.says}: ${describeHits(foreignHits, undefined)}.`,
        data: { kind: s.kind!.id, foreign: wrong.kind },
      });
    }
  },
});
