// Applies fixes to a text: every edit of a fix or none of them, never two edits that overlap. Front ends
// (the CLI's --fix, the extension's fix-all) use this so they agree on which fixes a pass applies.
import type { Fix, TextEdit } from '../model';

export interface SkippedFix {
  fix: Fix;
  /** Why it was left out: it touches an edit already taken, its own edits overlap, or it points outside the text. */
  reason: 'overlap' | 'self-overlap' | 'out-of-range';
}

export interface AppliedFixes {
  text: string;
  /** Fixes applied, in the order given. */
  applied: Fix[];
  /** Fixes left for a later pass (re-lint and apply again) or dropped as broken. */
  skipped: SkippedFix[];
}

/**
 * Applies `fixes` to `text`, earlier fixes first: a fix any of whose edits overlaps or touches an edit
 * already taken is skipped whole (two insertions at one offset, or an insertion at the edge of a
 * replacement, have no one right order; the next lint pass offers it again). Offsets are those of the
 * linted text, byte-order mark included; no edit ever removes the mark or lands before it.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): AppliedFixes {
  const { applied, skipped, edits } = selectFixes(text, fixes);
  // Disjoint edits, applied in order of position: one pass over the text.
  let out = '';
  let at = 0;
  for (const e of edits) {
    out += text.slice(at, e.start) + e.newText;
    at = e.end;
  }
  out += text.slice(at);
  return { text: out, applied, skipped };
}

/** Which of `fixes` applyFixes would apply, and their edits in order of position, without building the text. */
export function selectFixes(text: string, fixes: readonly Fix[]): { applied: Fix[]; skipped: SkippedFix[]; edits: TextEdit[] } {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const taken: TextEdit[] = [];
  const applied: Fix[] = [];
  const skipped: SkippedFix[] = [];

  for (const fix of fixes) {
    const edits = fix.edits.map((e) => ({ start: Math.max(e.start, bom), end: Math.max(e.end, bom), newText: e.newText }));
    if (fix.edits.some((e) => !Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.start > e.end || e.end > text.length)) {
      skipped.push({ fix, reason: 'out-of-range' });
    } else if (edits.some((e, i) => edits.some((o, j) => i !== j && touches(e, o)))) {
      skipped.push({ fix, reason: 'self-overlap' });
    } else if (edits.some((e) => taken.some((t) => touches(e, t)))) {
      skipped.push({ fix, reason: 'overlap' });
    } else {
      taken.push(...edits);
      applied.push(fix);
    }
  }
  return { applied, skipped, edits: taken.sort((a, b) => a.start - b.start) };
}

/** Overlapping or touching ranges (an insertion is the empty range at its offset). */
function touches(a: TextEdit, b: TextEdit): boolean {
  return a.start <= b.end && b.start <= a.end;
}
