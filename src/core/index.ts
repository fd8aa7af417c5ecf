// The engine's public surface. Front ends (CLI, Node API, remark plugin, Action, tools, language server,
// editor service, extension) import the engine from here only; the lint of the project's own code
// (eslint.config.mjs) holds them to it, so everything else under src/core can be moved or split without
// touching them. Tests may reach inside.

// Linting one text (whole, or again after an edit), the file-size guard in front of it, and checking a
// config the way a lint would use it.
export { lint, formatOf, maxFileSizeFor, clearCaches, engineConfigProblems, type LintOptions, type LintResult } from './engine/lint';
export { lintIncremental, type TextChange, type TextPosition } from './engine/incremental';
export { checkConfig } from './engine/config-check';
export { formatFileSize, parseFileSize, tooLargeNotice, DEFAULT_MAX_FILE_SIZE } from './text/file-size';
export { decodeUtf8 } from './text/encoding';
export type * from './model';

// Fixes: applying a run's fixes, and fixing until nothing safe is left.
export { applyFixes, type AppliedFixes, type SkippedFix } from './engine/apply-fixes';
export { fixAll, fixPass, passFixes, safeFixes, MAX_FIX_PASSES, type FixAllOutcome, type AppliedFinding } from './engine/fix-all';

// Who owns what in a linted document, and what each role still owes.
export { ownershipSummary, roleBucket, ROLE_BUCKETS, type DocumentSummary, type SectionSummary, type OwedSection, type RoleBucket } from './engine/ownership';

// Baseline suppressions (specroles-suppressions.json): reading them, and what they suppress in a file.
export { parseSuppressions, suppressedIn, suppressible, SUPPRESSIONS_FILE, type Suppressions, type SuppressedInFile } from './engine/suppressions';

// Rules and their doc pages.
export { rules, rulesById } from './rules';
export { ruleDocUrl, ruleDocPath, guidelineDocUrl, RULE_DOCS_URL, DOCS_BASE_URL, GUIDELINES_DOC } from './rules/doc-url';
export { renderGuidelinesPage } from './docs/guidelines-page';
export type { Rule, RuleMeta } from './rules/rule';

// The catalogue (kinds, roles, guidelines, document types) as a config extends it, citing its sources,
// and reading headings.
export { catalogueFor, describeRoles, spellRoles, expandRoles, type Catalogue, type CompiledKind } from './catalogue/catalogue';
export type { Kind, Guideline, GuidelineSource, Role, DocType } from './catalogue/schema';
export { citeSource, type CiteOptions } from './catalogue/cite';
export type { Analysis, AnalysedSection } from './classify/analyse';
export { normaliseHeading } from './classify/normalise';

// Stubs of sections and templates of whole documents.
export { renderStub, renderStubs, STUB_BODY } from './stubs/stub';
export { renderTemplate, templateKinds, type TemplateOptions } from './stubs/template';

// Config: its schema and presets, finding and merging config files, what applies to one file in one run,
// and its problems as data, located in the file that set them.
export type { Config } from './config/schema';
export { loadConfigFor, parseConfig, mergeConfigs, CONFIG_NAMES, type ConfigHost, type LoadedConfig, type ConfigFileProblem } from './config/load';
export { configForPath, runSettings } from './config/resolve';
export { configSchemas, PRESETS } from './config/schema';
export type { ConfigProblem, ConfigKeyRef } from './config/problem';
export { locateConfigProblem, type LocatedConfigProblem } from './config/locate';

// Schemas of YAML specs and front matter, and their JSON Schema files (`npm run schemas`).
export { specSchemas } from './schema/spec';
export { jsonSchemaFiles } from './schema/json-schema';

// Which files are specs: by path, by their own marks, by what their text reads as.
export { DEFAULT_SPEC_FILES, markedAsSpec, namedAsYamlSpec, specMarkerInsertion } from './spec-files';
export { selectSpec, worthOfferingAsSpec, SPEC_CANDIDATE, type SpecSelection, type SpecCandidate, type SpecSelectionOptions, type SkipReason } from './detect/select';
export { specDecision, markdownHeadings, yamlHeadings, NOT_SPEC_BECAUSE, MAX_DECISION_CHARS, type SpecDecision, type SpecDecisionOptions, type NotSpecBecause } from './detect/spec-decision';

// Text helpers front ends share with the engine: line and column positions, "did you mean", and a
// regular expression's capture group that its pattern always fills (under noUncheckedIndexedAccess).
export { LineIndex, dominantEol } from './text/lines';
export { closest } from './text/closest';
export { group } from './text/indexing';
