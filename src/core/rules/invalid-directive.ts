// A disable directive naming an unknown rule, lacking a required reason, or suppressing nothing. The
// engine decides these after all other rules ran (see engine/directives.ts); this module is the rule's
// identity and documentation.
import { defineRule } from './rule';

export default defineRule({
  meta: {
    id: 'invalid-directive',
    description: 'A disable directive names an unknown rule, lacks a required reason, or is unused.',
    defaultSeverity: 'warning',
    guidelines: ['pragmatic-pm-is-not-pmm'],
    fixable: false,
  },
  check() {
    // Reported by the engine, which alone knows which findings each directive suppressed.
  },
});
