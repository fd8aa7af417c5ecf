// zod compiles a fast parser (`new Function`) for an object schema the first time it parses with it. Our
// inputs are small (front matter, a config, a rule's options) and each schema parses a few of them per
// process, so compiling costs more than it saves: 10 ms or so of every CLI run's start (zod's share of a
// one-spec run's profile fell from 15.6 to 2–5 ms).
export const WITHOUT_JIT = { jitless: true } as const;
