// Hover, code actions, CodeLens and the status bar: views onto the last lint of a document.
import * as vscode from 'vscode';
import { logCaught } from './caught';
import { citeSource, type AnalysedSection, type Catalogue, type Finding, type Fix } from '../core';
import { engine } from './engine';
import { Linter, ruleDocUri, toRange, type Linted } from './linter';

export const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'yaml' }];

function guard<T>(log: vscode.LogOutputChannel, what: string, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    logCaught(log, what, error);
    return undefined;
  }
}

/** "— Brian de Haaff, The Product Manager vs. the Product Marketing Manager, Aha!" */
export function guidelineLine(catalogue: Catalogue, id: string): string | undefined {
  const g = catalogue.guidelines.get(id);
  if (!g) return undefined;
  return `${g.statement} — ${citeSource(g.source)}`;
}

const lineOf = (s: AnalysedSection) => s.section.headingRange.start.line - 1;

/** Counts of sections by expected owner: "PM 5 · PMM 2 · Shared 1". */
export function ownerCounts(linted: Linted): string {
  const catalogue = linted.result.analysis.catalogue;
  const counts = new Map<string, number>();
  for (const s of linted.result.analysis.sections) {
    if (!s.kind || !s.expected.length) continue;
    const label = s.expected.length > 1 ? 'Shared' : engine().describeRoles(catalogue, s.expected);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const order = ['PM', 'PMM', 'Shared'];
  return [...counts]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');
}

export class HoverProvider implements vscode.HoverProvider {
  constructor(private readonly linter: Linter) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    try {
      const linted = await this.linter.current(doc);
      if (!linted) return undefined;
      return this.hover(linted, position);
    } catch (error) {
      logCaught(this.linter.log, 'hover', error);
      return undefined;
    }
  }

  private hover(linted: Linted, position: vscode.Position): vscode.Hover | undefined {
    const { analysis, findings, document } = linted.result;
    const catalogue = analysis.catalogue;
    const parts: string[] = [];

    const owners = [...analysis.sections.map((s) => s.section.owner), document.meta.owner].filter((o) => o && toRange(o.range).contains(position));
    for (const owner of owners) {
      const lines = owner!.roles.map((r) => {
        const role = catalogue.roles.get(r);
        return role ? `- **${role.short}** (${engine().spellRoles(catalogue, [r])}): ${role.owns}` : `- **${r}**: not a known role`;
      });
      parts.push(['**Owner annotation**', '', ...lines].join('\n'));
    }

    const section = analysis.sections.find((s) => lineOf(s) === position.line);
    if (section && !owners.length) {
      const lines: string[] = [];
      if (section.kind) {
        lines.push(`**${section.kind.name}** — owned by the ${engine().spellRoles(catalogue, section.kind.owner)} (${engine().describeRoles(catalogue, section.kind.owner)} · ${section.kind.aspect})`);
        const declared = section.declared?.roles ?? [];
        const same = declared.length === section.expected.length && declared.every((r) => section.expected.includes(r));
        if (declared.length && !same) lines.push('', `Declared owner: ${engine().spellRoles(catalogue, declared)} (${section.declared!.via})`);
        const first = section.kind.guidelines[0];
        const line = first && guidelineLine(catalogue, first);
        if (line) lines.push('', line);
        if (section.evidence) lines.push('', `_Classified by ${section.evidence.via}: ${section.evidence.detail}_`);
      } else {
        lines.push(`**${section.section.title}** — no known section kind`);
      }
      parts.push(lines.join('\n'));
    }

    const hits = findings.filter((f) => toRange(f.range).contains(position));
    for (const f of hits) {
      // The hover shares its small box with the problem itself: the first guideline in full, the rest by
      // name (`specroles explain ID` and the rule's doc give them all).
      const [first, ...rest] = f.guidelines;
      const g = first ? catalogue.guidelines.get(first) : undefined;
      if (!g) continue;
      const more = rest.length ? ` (and ${rest.length} more guideline${rest.length > 1 ? 's' : ''}: \`specroles explain ${f.ruleId}\`)` : '';
      parts.push(`**${f.ruleId}** cites: ${g.statement} — ${citeSource(g.source, { markdown: true })}${more}`);
    }
    if (!parts.length) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(parts.join('\n\n---\n\n')));
  }
}

export class CodeActionProvider implements vscode.CodeActionProvider {
  static readonly fixAllKind = vscode.CodeActionKind.SourceFixAll.append('specroles');
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, CodeActionProvider.fixAllKind],
  };

  constructor(private readonly linter: Linter) {}

  async provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    try {
      const linted = await this.linter.current(doc);
      if (!linted) return [];
      const wants = (kind: vscode.CodeActionKind) => !context.only || context.only.contains(kind) || kind.contains(context.only);
      const actions: vscode.CodeAction[] = [];
      if (wants(CodeActionProvider.fixAllKind)) {
        const all = this.fixAll(doc, linted);
        if (all) actions.push(all);
      }
      if (wants(vscode.CodeActionKind.QuickFix)) {
        for (const f of linted.result.findings) {
          const r = toRange(f.range);
          if (!r.intersection(range) && !r.contains(range.start)) continue;
          actions.push(...this.quickFixes(doc, linted, f));
        }
      }
      return actions;
    } catch (error) {
      logCaught(this.linter.log, 'code actions', error);
      return [];
    }
  }

  private diagnosticFor(doc: vscode.TextDocument, f: Finding): vscode.Diagnostic | undefined {
    const r = toRange(f.range);
    return this.linter.diagnostics.get(doc.uri)?.find((d) => d.range.isEqual(r) && typeof d.code === 'object' && d.code.value === f.ruleId);
  }

  private edit(doc: vscode.TextDocument, fixes: Fix[]): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    for (const fix of fixes) {
      for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.start), doc.positionAt(e.end)), e.newText);
    }
    return edit;
  }

  private quickFixes(doc: vscode.TextDocument, linted: Linted, f: Finding): vscode.CodeAction[] {
    const diagnostic = this.diagnosticFor(doc, f);
    const out: vscode.CodeAction[] = [];
    for (const fix of f.fixes) {
      const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
      action.edit = this.edit(doc, [fix]);
      action.isPreferred = fix.safe;
      if (diagnostic) action.diagnostics = [diagnostic];
      out.push(action);
    }
    const section = this.sectionOf(linted, f);
    if (section && f.ruleId !== 'invalid-spec' && f.ruleId !== 'invalid-directive') {
      const line = doc.lineAt(lineOf(section));
      const indent = line.text.slice(0, line.firstNonWhitespaceCharacterIndex);
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const text =
        linted.result.document.format === 'yaml'
          ? `${indent}# specroles-disable-next-section ${f.ruleId} -- reason${eol}`
          : `<!-- specroles-disable-next-section ${f.ruleId} -- reason -->${eol}`;
      const action = new vscode.CodeAction(`Disable ${f.ruleId} for this section`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(doc.uri, new vscode.Position(line.lineNumber, 0), text);
      if (diagnostic) action.diagnostics = [diagnostic];
      out.push(action);
    }
    const docs = new vscode.CodeAction(`Show documentation for ${f.ruleId}`, vscode.CodeActionKind.QuickFix);
    docs.command = { command: 'vscode.open', title: docs.title, arguments: [ruleDocUri(f.ruleId)] };
    out.push(docs);
    return out;
  }

  private sectionOf(linted: Linted, f: Finding): AnalysedSection | undefined {
    const offset = f.range.start.offset;
    const containing = linted.result.analysis.sections.filter((s) => s.section.fullRange.start.offset <= offset && offset < Math.max(s.section.fullRange.end.offset, s.section.fullRange.start.offset + 1));
    const byTitle = f.section ? containing.filter((s) => s.section.title === f.section) : [];
    return (byTitle.length ? byTitle : containing).at(-1);
  }

  /**
   * One pass of the engine's fix-all (the CLI's --fix repeats it): every safe fix that overlaps none taken
   * before it. Asked for on every light-bulb request, so it only chooses, on the text that was linted.
   */
  private fixAll(doc: vscode.TextDocument, linted: Linted): vscode.CodeAction | undefined {
    const applied = engine().passFixes(linted.result.document.text, linted.result.findings);
    if (!applied.length) return undefined;
    const action = new vscode.CodeAction('Fix all safe specroles problems', CodeActionProvider.fixAllKind);
    action.edit = this.edit(doc, applied.map((a) => a.fix));
    return action;
  }
}

export class CodeLensProvider implements vscode.CodeLensProvider {
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.emitter.event;

  constructor(private readonly linter: Linter) {
    linter.onDidLint(() => this.emitter.fire());
  }

  refresh(): void {
    this.emitter.fire();
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    return (
      guard(this.linter.log, 'code lens', () => {
        if (!vscode.workspace.getConfiguration('specroles', doc.uri).get<boolean>('codeLens', true)) return [];
        const linted = this.linter.results.get(doc.uri.toString());
        if (!linted) return [];
        const catalogue = linted.result.analysis.catalogue;
        return linted.result.analysis.sections
          .filter((s) => s.kind && s.expected.length)
          .map((s) => new vscode.CodeLens(new vscode.Range(lineOf(s), 0, lineOf(s), 0), {
            title: `${engine().describeRoles(catalogue, s.kind!.owner)} · ${s.kind!.aspect}`,
            tooltip: `${s.kind!.name}: ${engine().spellRoles(catalogue, s.kind!.owner)}`,
            command: 'specroles.showSummary',
          }));
      }) ?? []
    );
  }
}

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('specroles.status', vscode.StatusBarAlignment.Right, 100);

  constructor(private readonly linter: Linter) {
    this.item.name = 'Spec Roles';
    this.item.command = 'specroles.showSummary';
    linter.onDidLint((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) this.update();
    });
  }

  update(): void {
    guard(this.linter.log, 'status bar', () => {
      const doc = vscode.window.activeTextEditor?.document;
      const linted = doc && this.linter.results.get(doc.uri.toString());
      const text = linted ? ownerCounts(linted) : '';
      if (!linted) return this.item.hide();
      this.item.text = `$(organization) ${linted.result.skipped ? 'not linted: over maxFileSize' : text || 'no known sections'}`;
      this.item.tooltip = 'Spec Roles: sections by expected owner — click for the summary';
      this.item.show();
    });
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.item.dispose();
  }
}
