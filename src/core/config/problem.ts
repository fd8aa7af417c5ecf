// What the engine finds wrong with a config only when it uses it (a rule's bad options, an unknown rule
// id, a kind owned by an unknown role), as data: the message, the key it is about, and where one can be
// guessed, the value meant. locate.ts finds that key in the config files; every front end (CLI, Node API,
// remark, editors) shows the same objects.

/**
 * The key a problem is about: a rule's key under `rules` (or an override's `rules`), or an item of
 * `kinds`/`docTypes` by id, and inside that item the value at fault (a role in `owner`, a kind in
 * `requires`, a pattern), where there is one.
 */
export type ConfigKeyRef = { list: 'rules'; id: string } | { list: 'kinds' | 'docTypes'; id: string; value?: string };

export interface ConfigProblem {
  message: string;
  at: ConfigKeyRef;
  /** "Did you mean": what the key at `at` was probably meant to be. */
  suggestion?: string;
}
