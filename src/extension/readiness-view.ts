// The "Spec Roles" readiness view (Explorer): per spec, per role, the sections the role owns, which hold
// only placeholders, which carry findings, and what the role still owes; a click goes to the line. The
// rows and their wording come from the server (COMMANDS.readiness, the engine's ownershipSummary, as the
// CLI's `--format summary`); here they only become tree items, filtered by role when the user asks.
import * as vscode from 'vscode';
import type { DocumentReadiness, ReadinessRow, ReadinessState, RoleReadiness } from '../server/protocol';
import { logCaught } from './caught';

export const VIEW_ID = 'specroles.readiness';
/** The `source` of the server's diagnostics. */
const DIAGNOSTIC_SOURCE = 'specroles';
/** Context key: whether the view shows one role only, for its title buttons (filter, or show all again). */
const FILTERED_CONTEXT = 'specroles.readiness.filtered';
/** Lints come in bursts (typing, a workspace lint): the tree is fetched once they settle… */
const REFRESH_DEBOUNCE_MS = 300;
/** …or, while they keep coming, this long after the first. */
const REFRESH_MAX_WAIT_MS = 1000;

type Node =
  | { kind: 'document'; doc: DocumentReadiness }
  | { kind: 'role'; doc: DocumentReadiness; role: RoleReadiness }
  | { kind: 'row'; doc: DocumentReadiness; role: RoleReadiness; row: ReadinessRow; index: number };

const STATE_ICONS: Record<ReadinessState, vscode.ThemeIcon> = {
  written: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  findings: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  placeholder: new vscode.ThemeIcon('circle-large-outline'),
  owed: new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('list.errorForeground')),
};

/** A row of the tree as shown: what the host tests and the e2e run read. */
export interface ReadinessSnapshot {
  label: string;
  description?: string;
  icon?: string;
  /** The 0-based line a click reveals. */
  line?: number;
  /** What a click runs. */
  command?: vscode.Command;
  children?: ReadinessSnapshot[];
}

export class ReadinessView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly view: vscode.TreeView<Node>;
  private readonly visibility: vscode.Disposable;
  private docs: DocumentReadiness[] = [];
  /** The documents changed since they were last fetched (the view was hidden, or has not shown yet). */
  private stale = true;
  private fetches = 0;
  private loading: Promise<void> | undefined;
  /** What the tree last got for its top level: what it shows. */
  private shown: Node[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the first change not yet refreshed came. */
  private pendingSince: number | undefined;
  private role: string | undefined;

  constructor(
    private readonly fetch: () => Promise<DocumentReadiness[]>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, showCollapseAll: true });
    this.visibility = this.view.onDidChangeVisibility(({ visible }) => {
      if (visible && this.stale) void this.refresh();
    });
    void vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, false);
  }

  /**
   * Something was linted (or closed): the tree is fetched again once things settle, or at the latest
   * REFRESH_MAX_WAIT_MS after the first change (a steady stream of changes must not hold it back for ever).
   */
  schedule(): void {
    const now = Date.now();
    this.pendingSince ??= now;
    clearTimeout(this.timer);
    const wait = Math.min(REFRESH_DEBOUNCE_MS, Math.max(0, this.pendingSince + REFRESH_MAX_WAIT_MS - now));
    this.timer = setTimeout(() => void this.refresh(), wait);
  }

  /** Fetches the documents and redraws the tree; a hidden view only notes it is out of date, for when it shows. */
  async refresh(): Promise<void> {
    clearTimeout(this.timer);
    this.pendingSince = undefined;
    this.stale = true;
    if (!this.view.visible) return;
    try {
      // Redrawn only when the documents changed: a redraw sends every expanded row to the workbench again,
      // and most lints while typing (one each pause) change nothing here.
      if (await this.load()) this.changed.fire(undefined);
    } catch (error) {
      logCaught(this.log, 'readiness view', error);
    }
  }

  /** Shows only `role`'s rows ("PM", "PMM", "shared", "others"), or every role's (undefined). */
  async filter(role: string | undefined): Promise<void> {
    this.role = role || undefined;
    const label = this.roles().find((r) => r.role === this.role)?.label ?? this.role;
    this.view.description = label ? `${label} only` : undefined;
    await vscode.commands.executeCommand('setContext', FILTERED_CONTEXT, this.role !== undefined);
    this.changed.fire(undefined);
  }

  /** The roles a filter can pick, with their labels, as the server words them. */
  roles(): { role: string; label: string }[] {
    const seen = new Map<string, string>();
    for (const doc of this.docs) for (const r of doc.roles) seen.set(r.role, r.label);
    return [...seen].map(([role, label]) => ({ role, label }));
  }

  async getChildren(node?: Node): Promise<Node[]> {
    try {
      if (node) return this.childrenOf(node);
      // The tree asked while a fetch is under way: the answer waits for it (not the documents before it).
      if (this.stale) await this.load();
      else await this.loading;
      this.shown = this.roots();
      return this.shown;
    } catch (error) {
      logCaught(this.log, 'readiness view', error);
      return [];
    }
  }

  /** The documents as last fetched, those with something for the role filtered to. */
  private roots(): Node[] {
    const shown = this.docs.filter((doc) => !this.role || doc.roles.some((r) => r.role === this.role));
    const role = this.roles().find((r) => r.role === this.role)?.label ?? this.role;
    const message = role && this.docs.length && !shown.length ? `No spec has a section or an owed one for ${role}.` : undefined;
    // Set only when it changes: each setting is a message to the workbench.
    if (message !== this.view.message) this.view.message = message;
    return shown.map((doc) => ({ kind: 'document', doc }));
  }

  private childrenOf(node: Node): Node[] {
    if (node.kind === 'document') return node.doc.roles.filter((r) => !this.role || r.role === this.role).map((role) => ({ kind: 'role', doc: node.doc, role }));
    if (node.kind === 'role') return node.role.rows.map((row, index) => ({ kind: 'row', doc: node.doc, role: node.role, row, index }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.doc.uri);
    if (node.kind === 'document') {
      const item = new vscode.TreeItem(node.doc.label, vscode.TreeItemCollapsibleState.Expanded);
      // Ids keep what the user collapsed collapsed across refreshes.
      item.id = node.doc.uri;
      item.resourceUri = uri;
      item.description = node.doc.description;
      item.tooltip = uri.scheme === 'file' ? uri.fsPath : node.doc.uri;
      item.contextValue = 'document';
      return item;
    }
    if (node.kind === 'role') {
      const item = new vscode.TreeItem(node.role.label, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `${node.doc.uri}#${node.role.role}`;
      item.description = node.role.description;
      item.iconPath = new vscode.ThemeIcon(node.role.role === 'shared' ? 'organization' : 'person');
      item.contextValue = 'role';
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(row.label, vscode.TreeItemCollapsibleState.None);
    item.id = `${node.doc.uri}#${node.role.role}#${node.index}`;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = STATE_ICONS[row.state];
    item.contextValue = row.state;
    const at = new vscode.Range(row.line, 0, row.line, 0);
    item.command = { title: 'Go to section', command: 'vscode.open', arguments: [uri, { selection: at, preserveFocus: false } satisfies vscode.TextDocumentShowOptions] };
    return item;
  }

  /** Fetches the documents; of fetches that overlap, the last one started wins. Whether they changed. */
  private async load(): Promise<boolean> {
    this.stale = false;
    const fetch = ++this.fetches;
    let changed = false;
    const loading = this.fetch().then((docs) => {
      if (fetch !== this.fetches) return;
      changed = JSON.stringify(docs) !== JSON.stringify(this.docs);
      this.docs = docs;
    });
    this.loading = loading;
    try {
      await loading;
    } finally {
      if (this.loading === loading) this.loading = undefined;
    }
    return changed;
  }

  /**
   * The tree: fetched afresh (`refetch`), or as the view last asked for it, which is what it shows (for a
   * test that the view redraws by itself when specs are linted or closed).
   */
  async snapshot(refetch = true): Promise<ReadinessSnapshot[]> {
    if (refetch) await this.load();
    const walk = (nodes: Node[]): ReadinessSnapshot[] =>
      nodes.map((node) => {
        const item = this.getTreeItem(node);
        const children = this.childrenOf(node);
        const shot: ReadinessSnapshot = { label: String(item.label) };
        if (item.description) shot.description = String(item.description);
        if (item.iconPath instanceof vscode.ThemeIcon) shot.icon = item.iconPath.id;
        if (node.kind === 'row') shot.line = node.row.line;
        if (item.command) shot.command = item.command;
        if (children.length) shot.children = walk(children);
        return shot;
      });
    const tree = walk(refetch ? this.roots() : this.shown);
    if (refetch) this.changed.fire(undefined);
    return tree;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.visibility.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}

/** The view, its title buttons' commands (filter by role, show all roles, refresh), and what refreshes it. */
export function registerReadinessView(context: vscode.ExtensionContext, fetch: () => Promise<DocumentReadiness[]>, log: vscode.LogOutputChannel): ReadinessView {
  const view = new ReadinessView(fetch, log);
  /** The files that carry specroles' diagnostics. */
  const withOurs = new Set<string>();
  const command = (id: string, run: (...args: unknown[]) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        return await run(...args);
      } catch (error) {
        logCaught(log, id, error);
        return undefined;
      }
    });
  context.subscriptions.push(
    view,
    command('specroles.readiness.filterByRole', async (role?: unknown) => {
      if (typeof role === 'string') return view.filter(role);
      const roles = view.roles();
      if (!roles.length) return void vscode.window.showInformationMessage('Spec Roles: no spec is open to filter by role.');
      const all = { label: 'All roles', role: '' };
      const picked = await vscode.window.showQuickPick([all, ...roles.map((r) => ({ label: r.label, role: r.role }))], { title: 'Show the sections of one role' });
      if (picked) await view.filter(picked.role);
    }),
    command('specroles.readiness.showAllRoles', () => view.filter(undefined)),
    command('specroles.readiness.refresh', async () => view.refresh()),
    // specroles' diagnostics change for specs that are not open too (a workspace lint, a file changed on
    // disk). Only ours: other extensions' diagnostics (Markdown link checks…) can change many times a second.
    vscode.languages.onDidChangeDiagnostics((e) => {
      let changed = false;
      for (const uri of e.uris) {
        const key = uri.toString();
        const ours = vscode.languages.getDiagnostics(uri).some((d) => d.source === DIAGNOSTIC_SOURCE);
        if (ours || withOurs.has(key)) changed = true;
        if (ours) withOurs.add(key);
        else withOurs.delete(key);
      }
      if (changed) view.schedule();
    }),
    vscode.workspace.onDidCloseTextDocument(() => view.schedule()),
  );
  return view;
}
