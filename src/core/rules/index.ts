// Every built-in rule, in the order their findings are documented.
import contentOwnerDrift from './content-owner-drift';
import duplicateSection from './duplicate-section';
import emptySection from './empty-section';
import foreignSection from './foreign-section';
import invalidDirective from './invalid-directive';
import invalidOwner from './invalid-owner';
import invalidSpec from './invalid-spec';
import metricOwner from './metric-owner';
import missingSection from './missing-section';
import type { Rule } from './rule';
import sectionOwnerMismatch from './section-owner-mismatch';
import sharedSectionOwners from './shared-section-owners';
import unownedSection from './unowned-section';

export const rules: readonly Rule<any>[] = [
  sectionOwnerMismatch,
  contentOwnerDrift,
  foreignSection,
  missingSection,
  emptySection,
  unownedSection,
  sharedSectionOwners,
  metricOwner,
  duplicateSection,
  invalidOwner,
  invalidSpec,
  invalidDirective,
];

export const rulesById: ReadonlyMap<string, Rule<any>> = new Map(rules.map((r) => [r.meta.id, r]));
