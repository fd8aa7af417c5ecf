// Where the documentation lives: each rule's page (docs/rules/RULE.md) and the guidelines page
// (docs/guidelines.md, one heading per guideline, its id being the anchor). The paths are the same in the
// repository and in the VSIX, which bundles both so VS Code opens them offline; the web addresses are for
// everything else (SARIF's helpUri, the job summary, the Node API's `rules[].docs`, the remark plugin's
// message `url`, LSP clients other than VS Code).
export const DOCS_BASE_URL = 'https://github.com/specroles/specroles/blob/main/';
export const RULE_DOCS_URL = `${DOCS_BASE_URL}docs/rules/`;
export const GUIDELINES_DOC = 'docs/guidelines.md';

/** "docs/rules/content-owner-drift.md": the rule's page, relative to the repository or the extension. */
export function ruleDocPath(ruleId: string): string {
  return `docs/rules/${encodeURIComponent(ruleId)}.md`;
}

export function ruleDocUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleDocPath(ruleId)}`;
}

/** The guideline's heading on the guidelines page: its id, which is its own anchor (GitHub and VS Code slug it alike). */
export function guidelineDocUrl(guidelineId: string): string {
  return `${DOCS_BASE_URL}${GUIDELINES_DOC}#${encodeURIComponent(guidelineId)}`;
}
