// The editor service's public surface: what the language server (src/server) and tests use. No `vscode`,
// nothing Node-only: it runs in a browser worker as well.
export { EditorService, SHOW_RULE_DOCS, type DocumentStatus, type ServiceOptions, type WorkspaceLint } from './service';
export { ConfigStore } from './configs';
export { FIX_ALL, QUICK_FIX, type SnippetData } from './code-actions';
export { SHOW_SUMMARY, MARK_AS_SPEC, DISMISS_SPEC_OFFER, type OwnershipSummary, type SummaryItem } from './views';
export type { DocumentReadiness, ReadinessRow, ReadinessState, RoleReadiness } from './readiness';
export { readSettings, locateSetting, DEFAULT_SETTINGS, type EditorSettings, type SettingProblem } from './settings';
export type { KindChoice, DocTypeChoice, OwnerGroup } from './stubs';
export { splitUri, joinUri, pathOf, globMatcher } from './uri';
export type * from './types';
