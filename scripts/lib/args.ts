// The scripts' command-line flags: node:util's parseArgs, strict. A usage error (an unknown flag, a
// flag without its value, a missing or extra folder) prints one line and exits 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** `parseArgs(config)`, or one line of usage on stderr and exit 2 when the arguments do not fit it. */
export function parseFlags<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (err) {
    // parseArgs' messages go on with a hint about `--`; their first sentence says what is wrong.
    return usageExit(usage, (err instanceof Error ? err.message : String(err)).split('. ')[0]);
  }
}

/** Prints what is wrong and the usage on one line of stderr, and exits 2. */
export function usageExit(usage: string, problem: string): never {
  console.error(`${problem}. ${usage}`);
  process.exit(2);
}

/** `--help`: the usage on stdout, exit 0. */
export function helpExit(usage: string): never {
  console.log(usage);
  process.exit(0);
}
