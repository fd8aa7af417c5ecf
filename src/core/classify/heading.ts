// Heading → kind: an exact synonym first, then the kinds' patterns in priority order.
import type { Catalogue, CompiledKind } from '../catalogue/catalogue';
import { normaliseHeading } from './normalise';

export interface HeadingMatch {
  kind: CompiledKind;
  via: 'synonym' | 'pattern';
  /** The synonym or the pattern that matched. */
  detail: string;
}

export function matchHeading(catalogue: Catalogue, title: string): HeadingMatch | undefined {
  const normalised = normaliseHeading(title);
  if (!normalised) return undefined;
  const exact = catalogue.synonyms.get(normalised);
  if (exact) return { kind: exact, via: 'synonym', detail: normalised };
  for (const kind of catalogue.kindOrder) {
    for (const regex of kind.regexes) {
      const m = regex.exec(normalised);
      if (m) return { kind, via: 'pattern', detail: m[0].trim() || regex.source };
    }
  }
  return undefined;
}
