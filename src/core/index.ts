// The engine's public surface. Front ends (CLI, VS Code extension, tests) import from here only.
export { lint, formatOf, maxFileSizeFor, type LintOptions, type LintResult } from './engine/lint';
export { formatFileSize, parseFileSize, tooLargeNotice, DEFAULT_MAX_FILE_SIZE } from './text/file-size';
export type * from './model';
export { rules, rulesById } from './rules';
export type { Rule, RuleMeta } from './rules/rule';
export { catalogueFor, describeRoles, spellRoles, expandRoles, type Catalogue } from './catalogue/catalogue';
export type { Kind, Guideline, Role, DocType } from './catalogue/schema';
export type { Analysis, AnalysedSection } from './classify/analyse';
export { normaliseHeading } from './classify/normalise';
export { renderStub, renderStubs } from './stubs/stub';
export type { Config } from './config/schema';
export { loadConfigFor, parseConfig, mergeConfigs, CONFIG_NAMES, type ConfigHost, type LoadedConfig, type ConfigFileProblem } from './config/load';
export { configSchema } from './config/schema';
export { yamlSpecSchema, frontMatterSchema } from './schema/spec';
export { DEFAULT_SPEC_FILES, markedAsSpec } from './spec-files';
export { specDecision, markdownHeadings, yamlHeadings, NOT_SPEC_BECAUSE, MAX_DECISION_CHARS, type SpecDecision, type SpecDecisionOptions, type NotSpecBecause } from './detect/spec-decision';
export { applyFixes, type AppliedFixes, type SkippedFix } from './engine/apply-fixes';
export { fixAll, fixPass, passFixes, safeFixes, MAX_FIX_PASSES, type FixAllOutcome, type AppliedFinding } from './engine/fix-all';
