// Where each rule's documentation page is published: SARIF's helpUri, the job summary, the Node API's
// `rules[].docs` and the editor's links all use this one address.
export const RULE_DOCS_BASE = 'https://github.com/specroles/specroles/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_BASE}${encodeURIComponent(ruleId)}.md`;
}
