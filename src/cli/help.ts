// `specroles --help` and `specroles help COMMAND`. Plain text, no engine needed; the formats come from
// the formatter table (formatters/registry.ts), which loads no formatter.
import { FORMATS, FORMATTERS } from './formatters/registry';

const FORMAT_LINES = FORMATS.map((name) => `  ${name.padEnd(10)}  ${FORMATTERS[name].description}`).join('\n');

const OVERVIEW = `Usage: specroles [lint] [options] [paths or globs...]
       specroles stub KIND... [--format md|yaml]
       specroles template TYPE [TITLE...]
       specroles init
       specroles explain RULE|GUIDELINE|KIND|FILE|rules|guidelines|kinds

Lints product specs (Markdown and YAML) for who should own each section, the
product manager (PM) or the product marketing manager (PMM), citing a guideline
for every finding.

Commands:
  lint        Lint files, folders and globs (the default; "." when none given)
  stub        Print section stubs for the given kinds, with owner annotations
  template    Print a new spec of a document type, every section stubbed
  init        Write a commented .specroles.yaml in the current folder
  explain     Describe a rule, guideline or section kind, or say whether a file is a spec
  help        Show help for a command

Lint options:
  -f, --format NAME          Report format (below); stylish by default
  -o, --output FILE          Write the report to FILE instead of standard output
      --output FORMAT=FILE   Also write a report in FORMAT to FILE; repeatable
                             (--output sarif=specroles.sarif --output junit=junit.xml)
  -c, --config FILE          Use this config file instead of looking for .specroles.yaml
      --rule RULE:SEVERITY   Set a rule's severity (off, info, warning, error); repeatable
      --max-warnings N       Exit with 1 when there are more than N warnings
  -q, --quiet                Report errors only (warnings still count for --max-warnings)
      --fix                  Apply safe fixes to the files, then report what is left
                             (with --stdin: print the fixed text, report on stderr)
      --ignore-pattern GLOB  Skip files and folders matching GLOB; repeatable (a path
                             '!GLOB' does the same)
      --only-specs           Skip files named explicitly that are not specs (for hooks)
      --no-error-on-no-specs Exit with 0, not 2, when the folders and globs hold no spec
      --no-error-on-unmatched-pattern
                             A path or glob matching no file is a notice, not exit 2
      --print-config FILE    Print the config that applies to FILE (JSON) and exit
      --cache                Reuse the results of unchanged files from the last run
      --cache-location PATH  The cache file, or a folder for it (.specrolescache)
      --suppress-all         Record every warning and error in the suppressions file
                             (counts per file and rule); later runs do not report them
      --suppress-rule RULE   The same for this rule only; repeatable
      --prune-suppressions   Lower the suppressions file's counts to this run's
      --suppressions-location PATH
                             The suppressions file (specroles-suppressions.json)
      --stdin                Lint standard input
      --stdin-filename NAME  The path standard input stands for (format, config, type)
      --color, --no-color    Force colours on or off (NO_COLOR, FORCE_COLOR honoured)
      --concurrency N        Worker threads: auto (default), off, or a number
  -h, --help                 Show this help
  -v, --version              Print the version

Short flags combine: -qf json is -q -f json.

Formats:
${FORMAT_LINES}

Folders and globs are searched for specs: files matching the config's
\`files.include\` globs (by default *.prd.md, *.spec.md, *.spec.yaml, *.prd.yaml,
and Markdown under prd/, prds/, specs/, product-specs/, briefs/), Markdown whose
front matter has \`specroles:\` or a known \`type:\`, YAML with a top-level
\`specroles:\`, and Markdown or YAML that reads as a spec: headings (YAML section
titles, form labels, top-level keys) naming three or more known section kinds, or
broad and dense PM/PMM vocabulary. \`files.exclude\` wins over all of these.
.gitignore'd files, node_modules and .git are skipped. Files named explicitly are
always linted (unless --only-specs). When the folders and globs named hold no
spec, the notice says how many files were skipped and why.

Exit codes: 0 no errors (and warnings within --max-warnings), 1 errors or too
many warnings, 2 usage, config or I/O error, or no spec in the folders and globs
named (unless --no-error-on-no-specs).`;

const TOPICS: Record<string, string> = {
  stub: `Usage: specroles stub KIND... [--format md|yaml] [--config FILE]

Prints a section stub for each kind (an id such as "positioning", or a heading
such as "Value proposition"): the heading with its owner annotation and a hint
of what to write. --format yaml prints items to paste under \`sections:\`.
\`specroles explain kinds\` lists the kinds.`,
  template: `Usage: specroles template TYPE [TITLE...] [--config FILE]

Prints a new document of the type (an id such as "prd" or "launch-brief"):
front matter marking it as a spec with its type and owner, the title, and a
stub for every required and customary section, with owner annotations and
hints. \`specroles explain types\` lists the types.
  specroles template prd "Checkout v2" > docs/checkout.prd.md`,
  init: `Usage: specroles init

Writes a commented .specroles.yaml in the current folder. Refuses to overwrite
an existing config.`,
  explain: `Usage: specroles explain RULE|GUIDELINE|KIND [--config FILE]
       specroles explain FILE [--config FILE]
       specroles explain rules|guidelines|kinds

Describes a rule (what it finds, its default severity, the guidelines it cites),
a guideline (its statement and source) or a section kind (its owner, synonyms and
guidelines). The lists include what the config in the current folder adds.

Given a file, says whether \`specroles\` on its folder lints it as a spec, and why:
the spec globs, a marker, or what its headings and words say (a README's or a
changelog's headings, too few headings of known section kinds).`,
};

export function helpText(topic?: string): string {
  return (topic && TOPICS[topic]) || OVERVIEW;
}
