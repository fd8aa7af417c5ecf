// Command-line parsing. Hand-written rather than util.parseArgs so that every mistake gets one plain line
// naming the option, and so that this module stays tiny: it is loaded on every run, `--version` included.
import { FORMATS, isFormatName, type FormatName } from './formatters/registry';
import { closest } from './util';

export { FORMATS, type FormatName } from './formatters/registry';
export type Command = 'lint' | 'stub' | 'template' | 'init' | 'explain' | 'help' | 'version';
export const SEVERITY_SETTINGS = ['off', 'info', 'warning', 'error'] as const;

export interface ParsedArgs {
  command: Command;
  /** Paths and globs (lint), kinds (stub), the topic (explain). */
  positionals: string[];
  format?: string;
  /** The report in --format goes here (--output PATH / --output-file PATH) instead of standard output. */
  output?: string;
  /** Extra reports, markdownlint-cli2 style: --output FORMAT=PATH (repeatable), each rendered once. */
  outputs: { format: FormatName; path: string }[];
  /** --ignore-pattern GLOB and negated paths (`'!specs/drafts/**'`), relative to the working folder. */
  ignorePatterns: string[];
  /** A path or glob that matches no file exits with 2 (ESLint's convention); --no-error-on-unmatched-pattern. */
  errorOnUnmatchedPattern: boolean;
  /** --print-config FILE: print the config that applies to FILE instead of linting. */
  printConfig?: string;
  /** --suppress-all: write every warning and error of this run to the suppressions file. */
  suppressAll: boolean;
  /** --suppress-rule RULE (repeatable): the same for these rules only. */
  suppressRules: string[];
  /** --prune-suppressions: lower the file's counts to this run's (never raise them). */
  pruneSuppressions: boolean;
  /** --cache: reuse each unchanged file's result from the last run (cache.ts). */
  cache: boolean;
  /** --cache-location PATH (a file, or a folder for .specrolescache); .specrolescache by default. */
  cacheLocation?: string;
  /** --suppressions-location PATH; specroles-suppressions.json in the working folder by default. */
  suppressionsLocation?: string;
  config?: string;
  maxWarnings?: number;
  quiet: boolean;
  rules: { id: string; severity: (typeof SEVERITY_SETTINGS)[number] }[];
  fix: boolean;
  stdin: boolean;
  onlySpecs: boolean;
  /** Exit with 2 when the folders and globs named hold no spec (ESLint's convention); --no-error-on-no-specs. */
  errorOnNoSpecs: boolean;
  stdinFilename?: string;
  /** true / false from --color / --no-color; undefined: decided by the terminal and NO_COLOR/FORCE_COLOR. */
  color?: boolean;
  /** Worker threads: undefined = automatic, 0 = lint in this thread. */
  concurrency?: number;
}

export class UsageError extends Error {}

interface OptionSpec {
  /** Takes a value (`--format json` or `--format=json`). */
  value: boolean;
  /** Commands the option belongs to. */
  commands: readonly Command[];
  apply(args: ParsedArgs, value: string, name: string): void;
}

const LINT: readonly Command[] = ['lint'];

const OPTIONS: Record<string, OptionSpec> = {
  '--format': { value: true, commands: ['lint', 'stub'], apply: (a, v) => (a.format = v) },
  '--output': {
    value: true,
    commands: LINT,
    apply: (a, v, name) => {
      // FORMAT=PATH (a known format before the "=") is an extra report; anything else is the main report's file.
      const [, format, path] = /^([a-z]+)=(.+)$/.exec(v) ?? [];
      if (format === undefined || path === undefined) setMainOutput(a, v);
      else if (isFormatName(format)) a.outputs.push({ format, path });
      else throw new UsageError(`${name}: unknown format "${format}" in "${v}"; use one of ${FORMATS.join(', ')} (for a file of that name, ./${v})`);
    },
  },
  '--output-file': { value: true, commands: LINT, apply: (a, v) => setMainOutput(a, v) },
  '--ignore-pattern': { value: true, commands: LINT, apply: (a, v) => a.ignorePatterns.push(v) },
  '--no-error-on-unmatched-pattern': { value: false, commands: LINT, apply: (a) => (a.errorOnUnmatchedPattern = false) },
  '--cache': { value: false, commands: LINT, apply: (a) => (a.cache = true) },
  '--cache-location': { value: true, commands: LINT, apply: (a, v) => (a.cacheLocation = v) },
  '--suppress-all': { value: false, commands: LINT, apply: (a) => (a.suppressAll = true) },
  '--suppress-rule': { value: true, commands: LINT, apply: (a, v) => a.suppressRules.push(v) },
  '--prune-suppressions': { value: false, commands: LINT, apply: (a) => (a.pruneSuppressions = true) },
  '--suppressions-location': { value: true, commands: LINT, apply: (a, v) => (a.suppressionsLocation = v) },
  '--print-config': { value: true, commands: LINT, apply: (a, v) => (a.printConfig = v) },
  '--config': { value: true, commands: ['lint', 'explain', 'stub', 'template'], apply: (a, v) => (a.config = v) },
  '--max-warnings': {
    value: true,
    commands: LINT,
    apply: (a, v, name) => {
      if (!/^-?\d+$/.test(v) || Number(v) < -1) throw new UsageError(`${name} expects a whole number (-1 for no limit), got "${v}"`);
      a.maxWarnings = Number(v);
    },
  },
  '--quiet': { value: false, commands: LINT, apply: (a) => (a.quiet = true) },
  '--rule': {
    value: true,
    commands: LINT,
    apply: (a, v, name) => {
      const [, id, severity] = /^([^:=\s]+)[:=](\w+)$/.exec(v.trim()) ?? [];
      const setting = SEVERITY_SETTINGS.find((s) => s === severity?.toLowerCase());
      if (id === undefined || setting === undefined) {
        throw new UsageError(`${name} expects RULE:SEVERITY with severity ${SEVERITY_SETTINGS.join(', ')}, got "${v}"`);
      }
      a.rules.push({ id, severity: setting });
    },
  },
  '--fix': { value: false, commands: LINT, apply: (a) => (a.fix = true) },
  '--stdin': { value: false, commands: LINT, apply: (a) => (a.stdin = true) },
  '--only-specs': { value: false, commands: LINT, apply: (a) => (a.onlySpecs = true) },
  '--no-error-on-no-specs': { value: false, commands: LINT, apply: (a) => (a.errorOnNoSpecs = false) },
  '--stdin-filename': { value: true, commands: LINT, apply: (a, v) => (a.stdinFilename = v) },
  '--color': { value: false, commands: LINT, apply: (a) => (a.color = true) },
  '--no-color': { value: false, commands: LINT, apply: (a) => (a.color = false) },
  '--concurrency': {
    value: true,
    commands: LINT,
    apply: (a, v, name) => {
      if (v === 'auto') delete a.concurrency;
      else if (v === 'off') a.concurrency = 0;
      else if (/^\d+$/.test(v) && Number(v) <= 64) a.concurrency = Number(v);
      else throw new UsageError(`${name} expects auto, off or a number of worker threads, got "${v}"`);
    },
  },
  '--help': { value: false, commands: ['lint', 'stub', 'template', 'init', 'explain', 'help'], apply: () => undefined },
  '--version': { value: false, commands: ['lint'], apply: () => undefined },
};

function setMainOutput(args: ParsedArgs, path: string): void {
  if (args.output !== undefined) throw new UsageError('--output FILE is given more than once (use --output FORMAT=FILE for more reports)');
  args.output = path;
}

const ALIASES: Record<string, string> = { '-f': '--format', '-o': '--output', '-c': '--config', '-q': '--quiet', '-h': '--help', '-v': '--version' };
const COMMANDS = new Set(['lint', 'stub', 'template', 'init', 'explain', 'help']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: ParsedArgs = {
    command: 'lint',
    positionals: [],
    outputs: [],
    ignorePatterns: [],
    errorOnUnmatchedPattern: true,
    cache: false,
    suppressAll: false,
    suppressRules: [],
    pruneSuppressions: false,
    quiet: false,
    rules: [],
    fix: false,
    stdin: false,
    onlySpecs: false,
    errorOnNoSpecs: true,
  };
  let rest = [...argv];
  // The command is the first argument when it is one of the command words; a file of that name is `./lint`.
  if (rest[0] !== undefined && COMMANDS.has(rest[0])) {
    args.command = rest[0] as Command;
    rest = rest.slice(1);
  }
  const seen: string[] = [];
  let help = false;
  let version = false;
  // An index loop, not for-of: combined short flags are spliced into `rest`, and a value takes the next item.
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!; // i < rest.length
    if (arg === '--') {
      args.positionals.push(...rest.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      // `'!specs/drafts/**'`: a negated glob among the paths excludes what it matches.
      if (arg.startsWith('!') && arg.length > 1 && args.command === 'lint') args.ignorePatterns.push(arg.slice(1));
      else args.positionals.push(arg);
      continue;
    }
    if (/^-[a-zA-Z]{2,}/.test(arg)) {
      // Combined short flags, getopt style: `-qf json` is `-q -f json`; a flag taking a value ends the
      // group, the rest of it being the value (`-fjson`, `-qojson.txt`).
      const expanded: string[] = [];
      for (let j = 1; j < arg.length; j++) {
        const short = `-${arg[j]}`;
        const long = ALIASES[short];
        if (!long) throw new UsageError(`unknown option ${short} in ${arg}`);
        expanded.push(short);
        if (OPTIONS[long]?.value && j + 1 < arg.length) {
          expanded.push(arg.slice(j + 1));
          break;
        }
      }
      rest.splice(i, 1, ...expanded);
      i--;
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const given = eq > 0 ? arg.slice(0, eq) : arg;
    const name = ALIASES[given] ?? given;
    const spec = OPTIONS[name];
    if (!spec) throw new UsageError(`unknown option ${given}${suggestOption(given)}`);
    if (!spec.commands.includes(args.command)) throw new UsageError(`${given} does not apply to \`specroles ${args.command}\``);
    let value = '';
    if (spec.value) {
      const next = rest[i + 1];
      if (eq > 0) value = arg.slice(eq + 1);
      else if (next !== undefined) {
        value = next;
        i++;
      } else throw new UsageError(`${given} needs a value`);
    } else if (eq > 0) {
      throw new UsageError(`${given} takes no value`);
    }
    if (name === '--help') help = true;
    else if (name === '--version') version = true;
    spec.apply(args, value, given);
    seen.push(name);
  }
  if (help || args.command === 'help') {
    // `specroles help lint` and `specroles lint --help` both show help for lint; `help` alone the overview.
    const topic = args.command === 'help' ? args.positionals[0] : args.command;
    return { ...args, command: 'help', positionals: topic && topic !== 'lint' ? [topic] : [] };
  }
  if (version) return { ...args, command: 'version' };
  validate(args, seen);
  return args;
}

function validate(args: ParsedArgs, seen: string[]): void {
  if (args.command === 'lint') {
    if (args.format !== undefined && !isFormatName(args.format)) {
      throw new UsageError(`unknown format "${args.format}"; use one of ${FORMATS.join(', ')}`);
    }
    if (args.stdinFilename !== undefined && !args.stdin) throw new UsageError('--stdin-filename needs --stdin');
    if (args.stdin && args.positionals.length) throw new UsageError('--stdin reads one document from standard input; give no paths with it');
    if (args.suppressAll && args.suppressRules.length) throw new UsageError('--suppress-all and --suppress-rule cannot be given together');
    if (args.pruneSuppressions && (args.suppressAll || args.suppressRules.length)) {
      throw new UsageError('--prune-suppressions cannot be given with --suppress-all or --suppress-rule');
    }
    if (args.printConfig !== undefined && (args.positionals.length || args.stdin || args.fix)) {
      throw new UsageError('--print-config FILE prints the config for one file; give no paths, --stdin or --fix with it');
    }
  }
  if (args.command === 'stub') {
    if (args.format !== undefined && !/^(md|markdown|ya?ml)$/.test(args.format)) throw new UsageError(`stub --format expects md or yaml, got "${args.format}"`);
    if (!args.positionals.length) throw new UsageError('stub needs at least one section kind (see `specroles explain kinds`)');
  }
  if (args.command === 'template' && !args.positionals.length) throw new UsageError('template needs a document type (see `specroles explain types`)');
  if (args.command === 'explain' && args.positionals.length !== 1) {
    throw new UsageError('explain needs one rule, guideline or kind id, a file, or "rules", "guidelines", "kinds"');
  }
  if (args.command === 'init' && args.positionals.length) throw new UsageError('init takes no arguments');
  for (const name of ['--format', '--config', '--max-warnings', '--stdin-filename', '--print-config', '--suppressions-location', '--cache-location']) {
    if (seen.filter((s) => s === name).length > 1) throw new UsageError(`${name} is given more than once`);
  }
}

function suggestOption(given: string): string {
  const bare = given.replace(/^-+/, '');
  const match = bare.length > 1 ? closest(bare, Object.keys(OPTIONS).map((o) => o.slice(2)), 2) : undefined;
  return match ? `; did you mean --${match}?` : '';
}
