// The genres of Markdown file that are not specs but can sound like one (data/other-genres.yaml): a
// README, a decision record, a changelog, meeting minutes, a postmortem. Each is known by its customary
// headings; the spec decision asks which genre, if any, a file's headings mostly belong to.
import genresData from '../data/other-genres.yaml';
import type { OtherGenre } from '../catalogue/schema';
import { normaliseHeading } from '../classify/normalise';
import { itemAt } from '../text/indexing';

export interface CompiledGenre {
  id: string;
  name: string;
  /** The genre's headings joined into one pattern of whole headings. */
  heading: RegExp;
}

/** The built-in genres, compiled on first use (the data is validated when the bundle is built). */
let compiled: CompiledGenre[] | undefined;

export function otherGenres(): readonly CompiledGenre[] {
  return (compiled ??= (genresData as { genres: OtherGenre[] }).genres.map((g) => ({
    id: g.id,
    name: g.name,
    heading: new RegExp(`^(?:${g.headings.map((h) => `(?:${h})`).join('|')})$`, 'u'),
  })));
}

export interface GenreReading {
  genre: CompiledGenre;
  /** The headings that are the genre's, as written. */
  headings: string[];
}

/** The genre with the most headings among `titles`, where any has a heading there. */
export function leadingGenre(titles: readonly string[]): GenreReading | undefined {
  let best: GenreReading | undefined;
  const normalised = titles.map(normaliseHeading);
  for (const genre of otherGenres()) {
    const headings = titles.filter((_, i) => genre.heading.test(itemAt(normalised, i)));
    if (headings.length && (!best || headings.length > best.headings.length)) best = { genre, headings };
  }
  return best;
}
