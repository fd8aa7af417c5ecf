// The editor's own settings (`specRoles.*` in VS Code; the `specRoles` section of `workspace/configuration`
// for any client), read and checked: a bad value is a problem at its key, said once, and its default is used.
import { closest, DEFAULT_SPEC_FILES, parseFileSize, rulesById } from '../core';

export interface EditorSettings {
  enable: boolean;
  /** Lint as you type (debounced) or when the file is saved. */
  run: 'onType' | 'onSave';
  debounceMs: number;
  /** Include globs used when the config names none; exclude globs besides the config's. */
  files: { include: string[]; exclude: string[] };
  /** Rule id → severity, in this editor only. */
  severityOverrides: Record<string, 'off' | 'info' | 'warning' | 'error'>;
  codeLens: boolean;
  /**
   * Above this many lenses a document gets none (views.ts codeLenses): VS Code moves every lens of a
   * document on each keystroke, which on a long spec makes typing lag.
   */
  codeLensMaxSections: number;
  /** Findings that specroles-suppressions.json suppresses (as the CLI does): shown as hints, or not at all. */
  suppressedFindings: 'hint' | 'hide';
  /** Bytes, only when the user chose a size: otherwise the config's `maxFileSize` decides. */
  maxFileSize?: number;
}

/** A setting that could not be used: `key` is its name under `specRoles.` (`severityOverrides.missing-sectoin`). */
export interface SettingProblem {
  key: string;
  message: string;
  /** "Did you mean": the key or value meant. */
  suggestion?: string;
}

export const DEFAULT_SETTINGS: EditorSettings = {
  enable: true,
  run: 'onType',
  debounceMs: 150,
  files: { include: DEFAULT_SPEC_FILES, exclude: [] },
  severityOverrides: {},
  codeLens: true,
  codeLensMaxSections: 150,
  suppressedFindings: 'hint',
};

const SEVERITIES = ['off', 'info', 'warning', 'error'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** The settings from what a client sent (anything at all), with the problems of what it could not use. */
export function readSettings(raw: unknown): { settings: EditorSettings; problems: SettingProblem[] } {
  const problems: SettingProblem[] = [];
  const s = isRecord(raw) ? raw : {};
  const settings: EditorSettings = { ...DEFAULT_SETTINGS, files: { ...DEFAULT_SETTINGS.files }, severityOverrides: {} };
  const wrong = (key: string, expected: string, value: unknown) => problems.push({ key, message: `specRoles.${key}: expected ${expected}, found ${JSON.stringify(value)}; using the default` });

  if (s.enable !== undefined && s.enable !== null) {
    if (typeof s.enable === 'boolean') settings.enable = s.enable;
    else wrong('enable', 'true or false', s.enable);
  }
  if (s.run !== undefined && s.run !== null) {
    if (s.run === 'onType' || s.run === 'onSave') settings.run = s.run;
    else wrong('run', '"onType" or "onSave"', s.run);
  }
  if (s.debounceMs !== undefined && s.debounceMs !== null) {
    if (typeof s.debounceMs === 'number' && Number.isFinite(s.debounceMs) && s.debounceMs >= 0) settings.debounceMs = s.debounceMs;
    else wrong('debounceMs', 'a number of milliseconds, 0 or more', s.debounceMs);
  }
  if (s.codeLens !== undefined && s.codeLens !== null) {
    if (typeof s.codeLens === 'boolean') settings.codeLens = s.codeLens;
    else wrong('codeLens', 'true or false', s.codeLens);
  }
  if (s.codeLensMaxSections !== undefined && s.codeLensMaxSections !== null) {
    if (typeof s.codeLensMaxSections === 'number' && Number.isInteger(s.codeLensMaxSections) && s.codeLensMaxSections >= 0) settings.codeLensMaxSections = s.codeLensMaxSections;
    else wrong('codeLensMaxSections', 'a whole number of sections, 0 or more', s.codeLensMaxSections);
  }
  if (s.suppressedFindings !== undefined && s.suppressedFindings !== null) {
    if (s.suppressedFindings === 'hint' || s.suppressedFindings === 'hide') settings.suppressedFindings = s.suppressedFindings;
    else wrong('suppressedFindings', '"hint" or "hide"', s.suppressedFindings);
  }
  const files = isRecord(s.files) ? s.files : {};
  for (const key of ['include', 'exclude'] as const) {
    const value = files[key];
    if (value === undefined || value === null) continue;
    if (isStrings(value)) settings.files[key] = value;
    else wrong(`files.${key}`, 'a list of globs', value);
  }
  if (s.severityOverrides !== undefined && s.severityOverrides !== null) {
    if (!isRecord(s.severityOverrides)) wrong('severityOverrides', 'a map of rule ids to severities', s.severityOverrides);
    else {
      for (const [id, severity] of Object.entries(s.severityOverrides)) {
        const key = `severityOverrides.${id}`;
        if (!rulesById.has(id)) {
          const guess = closest(id, [...rulesById.keys()], 3);
          problems.push({ key, message: `specRoles.severityOverrides: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`, ...(guess ? { suggestion: guess } : {}) });
        } else if (typeof severity !== 'string' || !(SEVERITIES as readonly string[]).includes(severity)) {
          const guess = typeof severity === 'string' ? closest(severity, SEVERITIES, 3) : undefined;
          problems.push({
            key,
            message: `specRoles.severityOverrides.${id}: expected "off", "info", "warning" or "error", found ${JSON.stringify(severity)}${guess ? `; did you mean "${guess}"?` : ''}`,
            ...(guess ? { suggestion: guess } : {}),
          });
        } else {
          settings.severityOverrides[id] = severity as EditorSettings['severityOverrides'][string];
        }
      }
    }
  }
  if (s.maxFileSize !== undefined && s.maxFileSize !== null && s.maxFileSize !== '') {
    const bytes = typeof s.maxFileSize === 'string' || typeof s.maxFileSize === 'number' ? parseFileSize(s.maxFileSize) : undefined;
    if (bytes === undefined) problems.push({ key: 'maxFileSize', message: `specRoles.maxFileSize: ${JSON.stringify(s.maxFileSize)} is not a size such as "10 MB"; using maxFileSize from .specroles.yaml` });
    else settings.maxFileSize = bytes;
  }
  return { settings, problems };
}

/**
 * Where a setting problem's key is in a settings file (VS Code's `.vscode/settings.json`, JSON with
 * comments): `"specRoles.severityOverrides"` (or `"severityOverrides"` inside `"specRoles": {…}`), then the
 * entry's own key inside it. A text search, as settings files need not parse while being edited.
 */
export function locateSetting(text: string, key: string): { start: number; end: number } | undefined {
  const [first, ...rest] = key.split('.');
  if (first === undefined) return undefined;
  let at = findKey(text, `specRoles.${first}`, 0);
  if (at === undefined) {
    const section = findKey(text, 'specRoles', 0);
    if (section !== undefined) at = findKey(text, first, section.end);
  }
  if (at === undefined) return undefined;
  // `severityOverrides.rule-id`: the rule's key inside the object (ids may hold dots: take the rest whole).
  if (rest.length) return findKey(text, rest.join('.'), at.end) ?? at;
  return at;
}

function findKey(text: string, key: string, from: number): { start: number; end: number } | undefined {
  const quoted = JSON.stringify(key);
  const re = new RegExp(`${quoted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*:`, 'g');
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? { start: m.index, end: m.index + quoted.length } : undefined;
}
