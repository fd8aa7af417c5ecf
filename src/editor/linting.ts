// One lint of one document version: the engine's result with what the editor needs around it.
import { describeRoles, lint, lintIncremental, type Config, type LintOptions, type LintResult, type TextChange } from '../core';
import type { EditorSettings } from './settings';

export interface Linted {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  config: Config;
  /** Rules whose findings specroles-suppressions.json suppresses in this file, and how to show them. */
  suppressed?: { rules: ReadonlySet<string>; as: 'hint' | 'hide' };
}

const overridden = new WeakMap<Config, { key: string; config: Config }>();

/** The config with the editor's severity overrides on top (the same object while they are unchanged). */
export function withOverrides(config: Config, overrides: EditorSettings['severityOverrides']): Config {
  const key = JSON.stringify(overrides);
  if (key === '{}') return config;
  const hit = overridden.get(config);
  if (hit && hit.key === key) return hit.config;
  const rules: Record<string, unknown> = { ...config.rules };
  for (const [id, severity] of Object.entries(overrides)) {
    const existing = rules[id];
    rules[id] = Array.isArray(existing) && existing.length > 1 ? [severity, existing[1]] : severity;
  }
  const merged = { ...config, rules } as Config;
  overridden.set(config, { key, config: merged });
  return merged;
}

/** The engine's options for a document: `validUtf8` where its file on disk is valid UTF-8 (see EditorHost.readBytes). */
function lintOptions(path: string, languageId: string, config: Config, settings: EditorSettings, validUtf8: boolean): LintOptions {
  return { path, languageId, config, ...(settings.maxFileSize ? { maxFileSize: settings.maxFileSize } : {}), ...(validUtf8 ? { validUtf8 } : {}) };
}

export function lintDocument(uri: string, path: string, languageId: string, version: number, text: string, config: Config, settings: EditorSettings, validUtf8 = false): Linted {
  const result = lint(text, lintOptions(path, languageId, config, settings, validUtf8));
  return { uri, version, text, result, config };
}

/**
 * `previous` again with `changes` applied (its text, now `text`), by lintIncremental: `previous` is taken
 * over by the engine and must never be read again.
 */
export function relintDocument(previous: Linted, path: string, languageId: string, version: number, text: string, changes: readonly TextChange[], config: Config, settings: EditorSettings, validUtf8 = false): Linted {
  const result = lintIncremental(previous.result, changes, lintOptions(path, languageId, config, settings, validUtf8));
  return { uri: previous.uri, version, text, result, config };
}

/** Counts of sections by expected owner: "PM 5 · PMM 2 · Shared 1" (empty when no section has a known kind). */
export function ownerCounts(result: LintResult): string {
  const catalogue = result.analysis.catalogue;
  const counts = new Map<string, number>();
  for (const s of result.analysis.sections) {
    if (!s.kind || !s.expected.length) continue;
    const label = s.expected.length > 1 ? 'Shared' : describeRoles(catalogue, s.expected);
    counts.set(label, (counts.get(label) ?? 0) + 1);
  }
  const order = ['PM', 'PMM', 'Shared'];
  return [...counts]
    .sort(([a], [b]) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b))
    .map(([label, n]) => `${label} ${n}`)
    .join(' · ');
}

