// Compares the fast scanner with remark on one chunk: the scanner must either decline (undefined) or
// yield what remark yields, as far as the linter can tell.
import { parseChunk, type RawSection } from '../../src/core/parse/markdown-chunk';
import { scanChunk } from '../../src/core/parse/markdown-scan';
import { isPlaceholderOnly } from '../../src/core/text/placeholders';
import { words } from '../../src/core/text/words';

export interface Comparison {
  accepted: boolean;
  differences: string[];
}

function summary(raws: RawSection[]) {
  return raws.map((r) => ({
    heading: r.heading,
    contentStart: r.contentStart,
    contentEnd: r.contentEnd,
    comments: r.comments.map((c) => `${c.start}-${c.end}:${c.inHeading}:${c.leading}:${c.text}`),
    labels: r.labels.map((l) => `${l.start}:${l.style}:${l.title}:${l.prose.flatMap((p) => words(p.text, p.offset)).map((w) => w.text).join(' ')}`),
    templates: r.templates,
    placeholderOnly: isPlaceholderOnly(r.visible),
    // Offsets of words are not compared: remark's own drift on multi-line paragraphs (it drops the
    // indentation of continuation lines from text values); the scanner's are exact.
    words: r.prose.flatMap((p) => words(p.text, p.offset)).map((w) => w.text),
  }));
}

export function compareChunk(text: string): Comparison {
  const fast = scanChunk(text);
  if (!fast) return { accepted: false, differences: [] };
  const slow = summary(parseChunk(text));
  const quick = summary(fast);
  const differences: string[] = [];
  const a = JSON.stringify(slow);
  const b = JSON.stringify(quick);
  if (a !== b) {
    for (const key of Object.keys(slow[0] ?? {}) as (keyof ReturnType<typeof summary>[number])[]) {
      const x = JSON.stringify(slow.map((s) => s[key]));
      const y = JSON.stringify(quick.map((s) => s[key]));
      if (x !== y) differences.push(`${key}: remark ${x.slice(0, 300)} | scan ${y.slice(0, 300)}`);
    }
    if (!differences.length) differences.push(`sections: remark ${slow.length}, scan ${quick.length}`);
  }
  return { accepted: true, differences };
}
