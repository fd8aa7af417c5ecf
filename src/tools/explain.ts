// A developer's view of how specroles reads one document: the document's owner and type, then for each
// section its kind, the evidence that decided it, what the heading alone said, what the body reads as,
// the owners expected and the strongest kind cues. For tuning on the development set
// (`node dist/tools/explain.js FILE [FROM_LINE [TO_LINE]]`); never run it on the locked test set's documents.
import { readFileSync } from 'node:fs';
import { lint } from '../core/index';

const [file, from, to] = process.argv.slice(2);
if (!file) {
  console.error('usage: node dist/tools/explain.js FILE [FROM_LINE [TO_LINE]]');
  process.exit(2);
}
const { analysis } = lint(readFileSync(file, 'utf8'), { path: file });
console.log(`document owner ${analysis.docOwner.roles.join('+') || '-'} (${analysis.docOwner.via}), type ${analysis.docType?.type.id ?? '-'} (${analysis.docType?.via ?? '-'})`);
for (const s of analysis.sections) {
  const line = s.section.headingRange.start.line;
  if (from && (line < Number(from) || line > Number(to ?? from))) continue;
  const cues = [...s.cues.byKind].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
  console.log([
    `${line} ${JSON.stringify(s.section.title.slice(0, 60))}${s.section.pseudo ? ' (label)' : ''}`,
    `  kind ${s.kind?.id ?? '-'} via ${s.evidence?.via ?? '-'} ${JSON.stringify(s.evidence?.detail?.slice(0, 60) ?? '')}`
      + `${s.headingKind ? `; heading said ${s.headingKind.id}` : ''}; reads as ${s.readsAs ? `${s.readsAs.role}/${s.readsAs.kind?.id ?? '-'}` : '-'}`
      + `; expects ${s.expected.join('+') || '-'}; cues ${cues || '-'}`,
  ].join('\n'));
}
