// The genres of Markdown file that are not specs but can sound like one (data/other-genres.yaml): a
// README, a decision record, a changelog, meeting minutes, a postmortem, a license, GitHub's community
// files. Each is known by its customary headings, which the spec decision weighs, and some by their file
// names (CONTRIBUTING.md), which the selection of specs takes at their word (select.ts).
import genresData from '../data/other-genres.yaml';
import type { OtherGenre } from '../catalogue/schema';
import { normaliseHeading } from '../classify/normalise';
import { itemAt } from '../text/indexing';

export interface CompiledGenre {
  id: string;
  name: string;
  /** The genre's headings joined into one pattern of whole headings. */
  heading: RegExp;
  /** File names (lower case, no extension) that are this genre, whatever the file holds. */
  fileNames: readonly string[];
}

/** The built-in genres, compiled on first use (the data is validated when the bundle is built). */
let compiled: CompiledGenre[] | undefined;

export function otherGenres(): readonly CompiledGenre[] {
  return (compiled ??= (genresData as { genres: OtherGenre[] }).genres.map((g) => ({
    id: g.id,
    name: g.name,
    heading: new RegExp(`^(?:${g.headings.map((h) => `(?:${h})`).join('|')})$`, 'u'),
    fileNames: g.fileNames ?? [],
  })));
}

/** The genre a Markdown file's name gives it ("CONTRIBUTING.md" is a contributing guide), where one does. */
export function genreOfFileName(path: string): CompiledGenre | undefined {
  const file = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const extension = /\.(?:md|markdown)$/i.exec(file);
  if (!extension) return undefined;
  const name = file.slice(0, extension.index).toLowerCase();
  return otherGenres().find((g) => g.fileNames.includes(name));
}

export interface GenreReading {
  genre: CompiledGenre;
  /** The headings that are the genre's, as written. */
  headings: string[];
}

/**
 * The genre with the most headings among `titles`, where any has a heading there. A heading is matched
 * normalised (numbering and status suffixes off, as section kinds are), or as written in lower case where
 * normalising leaves nothing: it takes all of a changelog's "8.11.3 (2023-12-29)" or "[Unreleased]" off
 * (but "1.1 Product vision" is a numbered section, read normalised).
 */
export function leadingGenre(titles: readonly string[]): GenreReading | undefined {
  let best: GenreReading | undefined;
  const normalised = titles.map((t) => normaliseHeading(t) || t.slice(0, 300).toLowerCase().replace(/[*_`]/g, '').trim());
  for (const genre of otherGenres()) {
    const headings = titles.filter((_, i) => genre.heading.test(itemAt(normalised, i)));
    if (headings.length && (!best || headings.length > best.headings.length)) best = { genre, headings };
  }
  return best;
}
