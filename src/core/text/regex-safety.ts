// Config is data from the workspace, and an untrusted workspace's config must not be able to hang the
// linter. Two things in it become regular expressions: kind `patterns` (tried on every heading) and
// globs (`files`, `overrides`, compiled by picomatch). JavaScript's regex engine backtracks, so a
// pattern such as `(a+)+$` takes seconds on a 30-character heading and `.*a.*a.*a.*b` minutes on 300.
// These checks reject the shapes that backtrack badly, so what a config can express stays linear in
// practice: headings are matched on at most 300 characters, and each pattern costs a small polynomial.
import { lastItem } from './indexing';

/** Repeats that can match any number of times: `*`, `+`, `{n,}`, and `{n,m}` with a large m. */
const MAX_UNBOUNDED = 2;
const LARGE_BOUND = 10;

/** Why a heading pattern could take far longer than its input is long, or undefined when it cannot. */
export function regexRisk(source: string): string | undefined {
  // Each open group: whether it holds a repeat or an alternation so far.
  const groups: { repeats: boolean; alternates: boolean }[] = [{ repeats: false, alternates: false }];
  let unbounded = 0;
  // What the last atom was: a group just closed (with what it held), or a single character or class.
  let last: { repeats: boolean; alternates: boolean } | 'atom' | undefined;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'it uses a backreference, which can take exponential time';
      // \p{…} and \u{…} are one atom.
      if ((next === 'p' || next === 'P' || next === 'u') && source[i + 2] === '{') i = Math.max(i + 1, source.indexOf('}', i));
      else i++;
      last = 'atom';
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      i = j;
      last = 'atom';
    } else if (c === '(') {
      groups.push({ repeats: false, alternates: false });
      // Skip the group's syntax: (?: (?= (?! (?<= (?<! (?<name>
      if (source[i + 1] === '?') {
        if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') i = Math.max(i + 2, source.indexOf('>', i));
        else i += source[i + 2] === '<' ? 3 : 2;
      }
      last = undefined;
    } else if (c === ')') {
      const closed = groups.length > 1 ? groups.pop()! : { repeats: false, alternates: false };
      // A group that repeats inside makes its parent hold a repeat too.
      if (closed.repeats) lastItem(groups).repeats = true;
      last = closed;
    } else if (c === '|') {
      lastItem(groups).alternates = true;
      last = undefined;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d+(?:,\d*)?\}/.test(source.slice(i)))) {
      let many = c === '*' || c === '+';
      if (c === '{') {
        const [, min, comma, max] = /^\{(\d+)(,?)(\d*)\}/.exec(source.slice(i))!;
        many = comma === ',' && (max === '' || Number(max) - Number(min) > LARGE_BOUND);
        i = source.indexOf('}', i);
      }
      if (source[i + 1] === '?') i++; // lazy
      if (typeof last === 'object' && many && (last.repeats || last.alternates)) {
        return last.repeats
          ? 'it repeats a group that itself repeats (as in `(a+)+`), which can take exponential time'
          : 'it repeats a group of alternatives (as in `(a|ab)*`), which can take exponential time';
      }
      if (many) unbounded++;
      lastItem(groups).repeats = true;
      last = undefined;
    } else {
      last = 'atom';
    }
  }
  if (unbounded > MAX_UNBOUNDED) {
    return `it has ${unbounded} unbounded repeats (\`*\`, \`+\`, \`{n,}\`); at most ${MAX_UNBOUNDED} keep matching a heading fast`;
  }
  return undefined;
}

const MAX_STARS_PER_SEGMENT = 3;
const MAX_GLOBSTARS = 3;

/** Why a glob could take far longer to match than a path is long, or undefined when it cannot. */
export function globRisk(glob: string): string | undefined {
  if (/[*+]\(/.test(glob)) return 'repeating extglobs `*(…)` and `+(…)` can take exponential time; list the alternatives as `{a,b}` instead';
  const segments = glob.split('/');
  const globstars = segments.filter((s) => s === '**').length;
  if (globstars > MAX_GLOBSTARS) return `it has ${globstars} \`**\` parts; at most ${MAX_GLOBSTARS} keep matching a deep path fast`;
  for (const segment of segments) {
    if (segment === '**') continue;
    const stars = segment.match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) return `its part "${segment}" has ${stars} \`*\` wildcards; at most ${MAX_STARS_PER_SEGMENT} in one folder or file name keep matching a long name fast`;
  }
  return undefined;
}
