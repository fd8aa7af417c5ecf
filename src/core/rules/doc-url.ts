// Where each rule's documentation page lives (docs/rules/RULE.md in the repository): the link the editor
// puts on a diagnostic's code and the remark plugin puts on a message's `url`.
export const RULE_DOCS_URL = 'https://github.com/specroles/specroles/blob/main/docs/rules/';

export function ruleDocUrl(ruleId: string): string {
  return `${RULE_DOCS_URL}${ruleId}.md`;
}
