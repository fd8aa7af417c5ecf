// Where each rule's documentation page is published (docs/rules/RULE.md in the repository): SARIF's
// helpUri, the job summary, the Node API's `rules[].docs`, the remark plugin's message `url` and the
// editor's links all use this one address.
export const RULE_DOCS_URL = 'https://github.com/specroles/specroles/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}${encodeURIComponent(ruleId)}.md`;
}
