// From a merged config to what one lint run uses: the overrides that match the file applied, presets
// expanded into severities, and each rule's options validated.
import picomatch from 'picomatch';
import type { Severity, SeveritySetting } from '../model';
import { rules } from '../rules';
import { closest } from '../text/closest';
import type { ConfigProblem } from './problem';
import type { Config, RuleSetting } from './schema';
import { itemAt } from '../text/indexing';
import { WITHOUT_JIT } from '../schema/jitless';

export interface RuleRun {
  severity: Severity;
  options: unknown;
}

export interface RunSettings {
  /** Rules to run, with their severity and validated options. */
  rules: Map<string, RuleRun>;
  requireDisableReason: boolean;
  problems: ConfigProblem[];
}

const overrideCache = new WeakMap<Config, Map<string, Config>>();

/** The config with every `overrides` block whose globs match `path` merged in (same object for the same set). */
export function configForPath(config: Config, path: string | undefined): Config {
  if (!config.overrides?.length || !path) return config;
  const normalised = path.replace(/\\/g, '/');
  const matched = config.overrides.flatMap((o, i) => (matches(o.files, normalised) ? [i] : []));
  if (!matched.length) return config;
  const key = matched.join(',');
  const cached = overrideCache.get(config)?.get(key);
  if (cached) return cached;
  let merged: Config = { ...config };
  for (const i of matched) {
    const o = itemAt(config.overrides, i);
    merged = {
      ...merged,
      rules: { ...merged.rules, ...o.rules },
      glossary: [...(merged.glossary ?? []), ...(o.glossary ?? [])],
    };
  }
  const perConfig = overrideCache.get(config) ?? new Map<string, Config>();
  perConfig.set(key, merged);
  overrideCache.set(config, perConfig);
  return merged;
}

function matches(globs: string | string[], path: string): boolean {
  const list = Array.isArray(globs) ? globs : [globs];
  return list.some((g) => picomatch(g, { dot: true, matchBase: !g.includes('/') })(path) || picomatch(`**/${g}`, { dot: true })(path));
}

export function runSettings(config: Config): RunSettings {
  const presets = Array.isArray(config.extends) ? config.extends : config.extends ? [config.extends] : [];
  const strict = presets.includes('specroles:strict');
  const problems: ConfigProblem[] = [];
  const result = new Map<string, RuleRun>();
  for (const rule of rules) {
    let severity: SeveritySetting = rule.meta.defaultSeverity;
    if (strict && severity === 'info') severity = 'warning';
    let options: unknown = rule.meta.defaultOptions ?? {};
    const setting: RuleSetting | undefined = config.rules?.[rule.meta.id];
    if (setting !== undefined) {
      const [level, given] = Array.isArray(setting) ? setting : [setting];
      severity = level;
      if (given !== undefined) {
        const at = { list: 'rules', id: rule.meta.id } as const;
        if (!rule.meta.options) problems.push({ message: `rules.${rule.meta.id}: this rule takes no options`, at });
        else {
          const parsed = rule.meta.options().safeParse({ ...(rule.meta.defaultOptions ?? {}), ...given }, WITHOUT_JIT);
          if (parsed.success) options = parsed.data;
          else problems.push({ message: `rules.${rule.meta.id}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`, at });
        }
      }
    }
    if (severity !== 'off') result.set(rule.meta.id, { severity, options });
  }
  const ids = rules.map((r) => r.meta.id);
  for (const id of Object.keys(config.rules ?? {})) {
    if (ids.includes(id)) continue;
    const guess = closest(id, ids, 3);
    problems.push({ message: `rules: unknown rule "${id}"${guess ? `; did you mean "${guess}"?` : ''}`, at: { list: 'rules', id }, ...(guess ? { suggestion: guess } : {}) });
  }
  return { rules: result, requireDisableReason: config.requireDisableReason ?? strict, problems };
}
