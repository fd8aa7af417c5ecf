// Finds the regular expressions in TypeScript source: regex literals (told apart from division by what
// comes before the slash) and `new RegExp(` calls, skipping strings, template literals and comments.
// Good enough for this code base's style; the linear-time test checks that it finds every literal it
// should by compiling each one.

export interface FoundRegex {
  source: string;
  flags: string;
  line: number;
}

/** Tokens after which a `/` starts a regex rather than dividing. */
const BEFORE_REGEX = new Set(['(', ',', '=', ':', '[', '!', '&', '|', '?', '{', '}', ';', '+', '-', '*', '%', '<', '>', '~', '^']);
const KEYWORDS_BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'of', 'in', 'do', 'else', 'void', 'yield', 'await']);

export function findRegexes(code: string): { literals: FoundRegex[]; constructed: number[] } {
  const literals: FoundRegex[] = [];
  const constructed: number[] = [];
  let i = 0;
  let line = 1;
  let last = ''; // last significant token: a punctuation character or a word
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (code[k] === '\n') line++;
    i = to;
  };
  while (i < code.length) {
    const c = code.charAt(i);
    const next = code[i + 1];
    if (c === '/' && next === '/') {
      const end = code.indexOf('\n', i);
      advance(end < 0 ? code.length : end);
    } else if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      advance(end < 0 ? code.length : end + 2);
    } else if (c === '"' || c === "'") {
      let k = i + 1;
      while (k < code.length && code[k] !== c && code[k] !== '\n') k += code[k] === '\\' ? 2 : 1;
      advance(k + 1);
      last = 'string';
    } else if (c === '`') {
      // Template literal: skip its text; the code inside each ${ … } is scanned on its own.
      let k = i + 1;
      while (k < code.length && code[k] !== '`') {
        if (code[k] === '\\') k += 2;
        else if (code[k] === '$' && code[k + 1] === '{') {
          let depth = 1;
          let e = k + 2;
          while (e < code.length && depth > 0) {
            if (code[e] === '{') depth++;
            else if (code[e] === '}') depth--;
            if (depth > 0) e++;
          }
          const inner = findRegexes(code.slice(k + 2, e));
          const lineAt = line + (code.slice(i, k + 2).match(/\n/g)?.length ?? 0);
          literals.push(...inner.literals.map((l) => ({ ...l, line: l.line + lineAt - 1 })));
          constructed.push(...inner.constructed.map((l) => l + lineAt - 1));
          k = e + 1;
        } else k++;
      }
      advance(k + 1);
      last = 'string';
    } else if (c === '/' && (BEFORE_REGEX.has(last) || KEYWORDS_BEFORE_REGEX.has(last) || last === '')) {
      let k = i + 1;
      let inClass = false;
      while (k < code.length && code[k] !== '\n') {
        if (code[k] === '\\') k += 2;
        else if (code[k] === '[') (inClass = true), k++;
        else if (code[k] === ']') (inClass = false), k++;
        else if (code[k] === '/' && !inClass) break;
        else k++;
      }
      const source = code.slice(i + 1, k);
      let f = k + 1;
      while (f < code.length && /[a-z]/.test(code.charAt(f))) f++;
      literals.push({ source, flags: code.slice(k + 1, f), line });
      advance(f);
      last = 'regex';
    } else if (/[A-Za-z_$]/.test(c)) {
      const m = /^[A-Za-z_$][\w$]*/.exec(code.slice(i, i + 64))!;
      if (m[0] === 'new' && /^new\s+RegExp\s*\(/.test(code.slice(i, i + 32))) constructed.push(line);
      last = m[0];
      advance(i + m[0].length);
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][\w.]*/.exec(code.slice(i, i + 64))!;
      last = 'number';
      advance(i + m[0].length);
    } else if (/\s/.test(c)) {
      advance(i + 1);
    } else {
      last = c;
      advance(i + 1);
    }
  }
  return { literals, constructed };
}
