// The evaluation runs `npm run eval` and the accuracy test share: every labelled document as linted.
// Nothing in the classifier is learned from the labels, so there is no leave-one-source-out run.
import { scoreAll, type DocumentScore, type LabelledDocument, type SourceOf } from './evaluate';

export interface Runs {
  fitted: DocumentScore[];
  loso?: DocumentScore[];
}

export function evaluateAll(labels: LabelledDocument[], corpusDir: string, split: Map<string, SourceOf>, _options: { loso: boolean }): Runs {
  return { fitted: scoreAll(labels, corpusDir, split) };
}
