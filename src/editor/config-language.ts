// Editing `.specroles.yaml` / `.specroles.json` without any YAML or JSON extension: completion of keys,
// rule ids, severities, presets, roles and kinds where each belongs; hovers that say what a key, rule,
// role or kind is; and a "did you mean" fix on a problem that names the value meant.
import { catalogueFor, configSchemas, group, PRESETS, ruleDocUrl, rulesById, spellRoles, type Config } from '../core';
import type { ConfigDiagnosticData } from './diagnostics';
import { offsetAt } from './positions';
import type { CodeAction, CompletionItem, Diagnostic, Hover, Position, Range } from './types';
import { LineIndex } from '../core';

/** Where the cursor is: the keys above it (list items skipped), and whether it is on a key or a value (of `key`). */
export interface ConfigContext {
  path: string[];
  on: 'key' | 'value';
  key?: string;
  /** The token under the cursor up to it, and where it starts (for the completion's edit). */
  prefix: string;
  start: Position;
  /** In JSON, whether the token is inside quotes already. */
  quoted: boolean;
}

const SEVERITIES = ['off', 'info', 'warning', 'error'];

/** The protocol's CompletionItemKind values used here. */
const KIND = { property: 10, value: 12, enumMember: 20, reference: 18 } as const;

export function configContext(text: string, position: Position, json: boolean): ConfigContext {
  return json ? jsonContext(text, position) : yamlContext(text, position);
}

function yamlContext(text: string, position: Position): ConfigContext {
  const lines = text.split(/\r?\n|\r/);
  const current = (lines[position.line] ?? '').slice(0, position.character);
  const token = /[\w.:@/-]*$/.exec(current)?.[0] ?? '';
  const start = { line: position.line, character: position.character - token.length };
  // The current line: "  - key: va", "  key", "  - va", "key: [a, b".
  const item = /^(\s*)((?:-\s+)*)(.*)$/.exec(current)!;
  const indent = group(item, 1).length + group(item, 2).length;
  const rest = group(item, 3);
  const colon = /^([^:#\s][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s+|$)(.*)$/.exec(rest);
  let on: 'key' | 'value' = 'key';
  let key: string | undefined;
  if (colon) {
    on = 'value';
    key = unquote(group(colon, 1).trim());
  } else if (item[2]) {
    // A list item's value ("- specroles:strict"): it belongs to the key above the list.
    on = 'value';
  }
  // Up the lines: a key left of `limit` is an ancestor; a list item's dash left of it ends the map the
  // cursor is in (the list it is an item of belongs to the next key further left).
  const path: string[] = [];
  let limit = item[2] ? group(item, 1).length : indent;
  for (let l = position.line - 1; l >= 0 && limit > 0; l--) {
    const m = /^(\s*)((?:-\s+)*)(?:([^:#\s][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$))?/.exec(lines[l] ?? '')!;
    const dashAt = group(m, 1).length;
    const keyAt = dashAt + group(m, 2).length;
    if (m[3] !== undefined && keyAt < limit) {
      path.unshift(unquote(m[3].trim()));
      limit = m[2] ? dashAt : keyAt;
    } else if (m[2] && dashAt < limit) {
      limit = dashAt;
    }
  }
  // A list item's value belongs to the key above it: `extends:` then `- specroles:strict`.
  if (on === 'value' && key === undefined) key = path.pop();
  return { path, on, ...(key !== undefined ? { key } : {}), prefix: token, start, quoted: false };
}

function jsonContext(text: string, position: Position): ConfigContext {
  const offset = offsetAt(new LineIndex(text), position);
  const stack: { array: boolean; key?: string }[] = [];
  let lastString: string | undefined;
  let pendingKey: string | undefined;
  let inValue = false;
  let stringStart = -1;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (j < offset && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (j >= offset) {
        stringStart = i + 1;
        break;
      }
      lastString = text.slice(i + 1, j);
      i = j;
    } else if (c === '{' || c === '[') {
      stack.push({ array: c === '[', ...(pendingKey !== undefined ? { key: pendingKey } : {}) });
      pendingKey = undefined;
      inValue = false;
    } else if (c === '}' || c === ']') {
      stack.pop();
      inValue = true;
    } else if (c === ':') {
      pendingKey = lastString;
      inValue = true;
    } else if (c === ',') {
      if (!stack.at(-1)?.array) pendingKey = undefined;
      inValue = false;
    }
  }
  const quoted = stringStart >= 0;
  const tokenStart = quoted ? stringStart : offset;
  const prefix = text.slice(tokenStart, offset);
  const lines = new LineIndex(text);
  const p = lines.position(tokenStart);
  const frame = stack.at(-1);
  const path = stack.map((f) => f.key).filter((k): k is string => k !== undefined);
  const start = { line: p.line - 1, character: p.column - 1 };
  if (frame?.array) {
    const key = path.pop();
    return { path, on: 'value', ...(key !== undefined ? { key } : {}), prefix, start, quoted };
  }
  if (inValue && pendingKey !== undefined) return { path, on: 'value', key: pendingKey, prefix, start, quoted };
  return { path, on: 'key', prefix, start, quoted };
}

function unquote(s: string): string {
  return /^(["']).*\1$/.test(s) ? s.slice(1, -1) : s;
}

interface Choice {
  label: string;
  detail?: string;
  documentation?: string;
  kind: number;
}

function choicesAt(ctx: ConfigContext, config: Config): Choice[] {
  const catalogue = catalogueFor(config);
  const parent = ctx.path.at(-1);
  const roles = () => [...catalogue.roles.values()].map((r) => ({ label: r.id, detail: r.name, documentation: r.owns, kind: KIND.enumMember }));
  const kinds = () => [...catalogue.kinds.values()].map((k) => ({ label: k.id, detail: `${k.name} (${spellRoles(catalogue, k.owner)})`, documentation: k.hint, kind: KIND.reference }));
  if (ctx.on === 'key') {
    if (ctx.path.length === 0) return topLevelKeys();
    if (parent === 'rules') return [...rulesById.values()].map((r) => ({ label: r.meta.id, detail: `default: ${r.meta.defaultSeverity}`, documentation: r.meta.description, kind: KIND.property }));
    return [];
  }
  if (parent === 'rules') return SEVERITIES.map((s) => ({ label: s, kind: KIND.value }));
  if (ctx.key === 'extends') return PRESETS.map((p) => ({ label: p, detail: 'built-in preset', kind: KIND.value }));
  if (ctx.key === 'owner' || ctx.key === 'roles') return roles();
  if ((parent === 'kinds' && ctx.key === 'id') || ctx.key === 'anyOf' || ctx.key === 'kind') return kinds();
  if (parent === 'docTypes' && ctx.key === 'id') return [...catalogue.docTypes.values()].map((t) => ({ label: t.id, detail: t.name, kind: KIND.reference }));
  if (ctx.key === 'root' || ctx.key === 'requireDisableReason') return ['true', 'false'].map((b) => ({ label: b, kind: KIND.value }));
  return [];
}

function topLevelKeys(): Choice[] {
  return Object.entries(configSchemas().configSchema.shape)
    .filter(([key]) => key !== '$schema')
    .map(([key, schema]) => ({ label: key, ...((schema as { description?: string }).description ? { documentation: (schema as { description?: string }).description } : {}), kind: KIND.property }));
}

export function configCompletion(text: string, position: Position, json: boolean, config: Config): CompletionItem[] {
  const ctx = configContext(text, position, json);
  const range: Range = { start: ctx.start, end: position };
  return choicesAt(ctx, config).map((c) => {
    const newText = json && !ctx.quoted ? JSON.stringify(c.label) : c.label;
    const item: CompletionItem = { label: c.label, kind: c.kind as CompletionItem['kind'], textEdit: { range, newText }, filterText: json && !ctx.quoted ? `"${c.label}` : c.label };
    if (c.detail) item.detail = c.detail;
    if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
    return item;
  });
}

/** The word under the cursor in a config file: a rule, a role, a kind, a document type or a top-level key. */
export function configHover(text: string, position: Position, json: boolean, config: Config): Hover | null {
  const line = text.split(/\r?\n|\r/)[position.line] ?? '';
  const left = /[\w:-]*$/.exec(line.slice(0, position.character))?.[0] ?? '';
  const right = /^[\w:-]*/.exec(line.slice(position.character))?.[0] ?? '';
  const word = (left + right).replace(/:$/, '');
  if (!word) return null;
  const range: Range = { start: { line: position.line, character: position.character - left.length }, end: { line: position.line, character: position.character + right.length } };
  const catalogue = catalogueFor(config);
  const ctx = configContext(text, position, json);
  let value: string | undefined;
  const rule = rulesById.get(word);
  const role = catalogue.roles.get(word);
  const kind = catalogue.kinds.get(word);
  const type = catalogue.docTypes.get(word);
  if (rule) value = `**${rule.meta.id}** (default: ${rule.meta.defaultSeverity}): ${rule.meta.description}\n\n[Documentation](${ruleDocUrl(rule.meta.id)})`;
  else if (role && (ctx.key === 'owner' || ctx.path.includes('roles'))) value = `**${role.short}** — ${role.name}: ${role.owns}`;
  else if (kind) value = `**${kind.name}** (\`${kind.id}\`) — owned by the ${spellRoles(catalogue, kind.owner)}: ${kind.hint}`;
  else if (type) value = `**${type.name}** (\`${type.id}\`) — owned by the ${spellRoles(catalogue, type.owner)}`;
  else if (ctx.path.length === 0 && ctx.on === 'key') {
    const description = (configSchemas().configSchema.shape as Record<string, { description?: string }>)[word]?.description;
    if (description) value = `**${word}**: ${description}`;
  } else if ((PRESETS as readonly string[]).includes(word)) value = word === 'specroles:strict' ? '**specroles:strict**: every info is a warning, and disable directives need a reason' : '**specroles:recommended**: the default severities';
  return value ? { contents: { kind: 'markdown', value }, range } : null;
}

/** "Change to …" for a config problem's diagnostic that names the value meant (its quotes kept). */
export function configQuickFixes(uri: string, text: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const lines = new LineIndex(text);
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const suggestion = (d.data as Partial<ConfigDiagnosticData> | undefined)?.suggestion;
    if (typeof suggestion !== 'string') continue;
    const was = text.slice(offsetAt(lines, d.range.start), offsetAt(lines, d.range.end));
    const quote = /^["']/.exec(was)?.[0] ?? '';
    out.push({ title: `Change to "${suggestion}"`, kind: 'quickfix', isPreferred: true, diagnostics: [d], edit: { changes: { [uri]: [{ range: d.range, newText: `${quote}${suggestion}${quote}` }] } } });
  }
  return out;
}
