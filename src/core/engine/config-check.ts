// Everything wrong with the config that applies to a file, each problem with its file and range: first
// what the config files themselves get wrong (syntax, schema, extends); when they read, what the engine
// finds when it uses the merged config. The CLI prints these; editors show them at their keys.
import type { ConfigHost, LoadedConfig } from '../config/load';
import { locateConfigProblem, type LocatedConfigProblem } from '../config/locate';
import { engineConfigProblems } from './lint';

export function checkConfig(loaded: LoadedConfig, host: ConfigHost, path?: string): LocatedConfigProblem[] {
  if (loaded.problems.length) return loaded.problems;
  return engineConfigProblems(loaded.config, path).map((p) => locateConfigProblem(p, loaded.files, host));
}
