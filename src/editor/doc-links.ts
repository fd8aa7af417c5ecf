// Where the links of hovers and the "Show documentation" action go. Any LSP client gets the web pages; a
// client that bundles the docs (the VS Code extension: docs/rules/*.md and docs/guidelines.md are in the
// VSIX) names a command in initializationOptions.docsCommand, and the links run it with the doc's path and
// anchor, so the page opens offline, in the editor. The client must trust command links in hovers.
import { GUIDELINES_DOC, guidelineDocUrl, ruleDocPath, ruleDocUrl } from '../core';
import type { Command } from './types';

export interface DocLinks {
  /** A Markdown link target: the rule's page. */
  rule(ruleId: string): string;
  /** A Markdown link target: the guideline's heading on the guidelines page. */
  guideline(guidelineId: string): string;
  /** What "Show documentation for RULE" runs. */
  ruleCommand(ruleId: string, title: string): Command;
}

/** The server's command that opens a rule's documentation page (window/showDocument). */
export const SHOW_RULE_DOCS = 'specroles.server.showRuleDocs';

export const WEB_DOC_LINKS: DocLinks = {
  rule: ruleDocUrl,
  guideline: guidelineDocUrl,
  ruleCommand: (ruleId, title) => ({ title, command: SHOW_RULE_DOCS, arguments: [ruleId] }),
};

/** Links that run the client's `command` with [path, anchor?]: "docs/guidelines.md", "aha-pm-why-what-when". */
export function commandDocLinks(command: string): DocLinks {
  const link = (...args: string[]) => `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
  return {
    rule: (ruleId) => link(ruleDocPath(ruleId)),
    guideline: (guidelineId) => link(GUIDELINES_DOC, guidelineId),
    ruleCommand: (ruleId, title) => ({ title, command, arguments: [ruleDocPath(ruleId)] }),
  };
}
