// Lints one file (and with --fix, fixes it): the unit of work, the same in the main thread and in a worker.
import { chmodSync, chownSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeUtf8, fixAll, ownershipSummary, lint, maxFileSizeFor, tooLargeNotice, type Config, type Finding } from '../core';
import type { FileResult, FixOutcome, Message } from './report';

export interface FileTask {
  index: number;
  /** Absolute path; also what the engine sees (format, type by file name, overrides). Empty for unnamed standard input. */
  abs: string;
  filePath: string;
  configIndex: number;
  fix: boolean;
  /** The text, when it does not come from the file (standard input). */
  text?: string;
  /** The file's text, already read (and within maxFileSize) to look it up in the cache: linted as the file. */
  preread?: string;
  /** `text` or `preread` was decoded from bytes that are valid UTF-8 (decodeUtf8): its U+FFFD characters are its own. */
  validUtf8?: boolean;
  /** Collect the document's sections too (FileResult.document), for formats that report ownership. */
  sections?: boolean;
}

export function processFile(task: FileTask, config: Config): FileResult {
  const base = { index: task.index, filePath: task.filePath };
  let text: string;
  // Read from a file whose bytes are valid UTF-8: its U+FFFD characters are its own (decodeUtf8).
  let validUtf8 = task.validUtf8 ?? false;
  if (task.text !== undefined) text = task.text;
  else if (task.preread !== undefined) text = task.preread;
  else {
    try {
      // Past maxFileSize a file is not even read: a stray multi-gigabyte log named .md costs nothing.
      const size = statSync(task.abs).size;
      const limit = maxFileSizeFor(config);
      if (size > limit) return { ...base, messages: [], configProblems: [], skipped: `${task.filePath}: ${tooLargeNotice(size, limit)}` };
      ({ text, validUtf8 } = decodeUtf8(readFileSync(task.abs)));
    } catch (e) {
      return { ...base, messages: [], configProblems: [], error: `${task.filePath}: cannot read file (${errorCode(e)})` };
    }
  }
  const path = task.abs ? task.abs.replace(/\\/g, '/') : undefined;
  const lintText = (t: string) => lint(t, { ...(path ? { path } : {}), config, ...(validUtf8 ? { validUtf8 } : {}) });
  let result = lintText(text);
  if (result.skipped) {
    const skipped: FileResult = { ...base, messages: [], configProblems: result.configProblems, skipped: `${task.filePath}: ${result.skipped}` };
    if (task.fix && task.text !== undefined) skipped.fixedText = text;
    return skipped;
  }
  let fix: FixOutcome | undefined;
  let error: string | undefined;
  let fixedText: string | undefined;
  if (task.fix) {
    const fixed = fixAll(text, result, lintText);
    const applied = fixed.applied.map(({ finding: f, fix: x }) => ({ ruleId: f.ruleId, title: x.title, line: f.range.start.line, column: f.range.start.column }));
    fix = { applied, passes: fixed.passes, written: false };
    if (fixed.refused) fix.refused = fixed.refused;
    if (task.text !== undefined) {
      // Standard input: nothing to write back; the fixed text is the caller's to print.
      fixedText = fixed.text;
      if (fixed.text !== text) {
        fix.written = true;
        result = fixed.result;
      }
    } else if (fixed.text !== text) {
      try {
        writeAtomically(task.abs, fixed.text);
        fix.written = true;
        result = fixed.result;
      } catch (e) {
        error = `${task.filePath}: cannot write the fixed file (${errorCode(e)})`;
      }
    }
  }
  const out: FileResult = { ...base, messages: result.findings.map(toMessage), configProblems: result.configProblems };
  if (fix) out.fix = fix;
  if (fixedText !== undefined) out.fixedText = fixedText;
  if (error) out.error = error;
  if (task.sections) out.document = ownershipSummary(result);
  return out;
}

/** A finding as reports show it; the Node API's messages are these too, with the fixes themselves. */
export function toMessage(f: Finding): Message {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    line: f.range.start.line,
    column: f.range.start.column,
    endLine: f.range.end.line,
    endColumn: f.range.end.column,
    guidelines: f.guidelines,
    fixable: f.fixes.some((x) => x.safe),
    ...(f.section !== undefined ? { section: f.section } : {}),
  };
}

/**
 * Writes through a temporary file and renames it over the original, keeping its mode (and its owner and
 * group, where this process may set them). A symbolic link is written through: the file it points to
 * (followed to the end) is replaced, with the temporary file in that file's folder so that the rename
 * stays on one file system, and the link stays a link.
 */
export function writeAtomically(path: string, text: string): void {
  const target = realpathSync(path);
  const temp = join(dirname(target), `.${basename(target)}.specroles-${process.pid}-${Math.random().toString(36).slice(2, 8)}.tmp`);
  const stat = statSync(target);
  try {
    writeFileSync(temp, text, { encoding: 'utf8', flag: 'wx', mode: stat.mode });
    if (process.getuid && (stat.uid !== process.getuid() || (process.getgid && stat.gid !== process.getgid()))) {
      try {
        chownSync(temp, stat.uid, stat.gid);
      } catch {
        // Not allowed (only root may give a file away): the fixed file belongs to whoever fixed it.
      }
    }
    // After chown, which may clear set-user-ID and set-group-ID bits.
    chmodSync(temp, stat.mode & 0o7777);
    renameSync(temp, target);
  } catch (e) {
    try {
      unlinkSync(temp);
    } catch {
      // Already gone.
    }
    throw e;
  }
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}
