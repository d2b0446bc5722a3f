// How command-line messages name a path: relative to the working directory when it is inside it.
import { relative, resolve } from 'node:path';

export function shownPath(path: string): string {
  const rel = relative(process.cwd(), resolve(path));
  return rel === '' ? '.' : rel.startsWith('..') ? resolve(path) : rel;
}

/** True when the module at `moduleUrl` is the script node was asked to run (not an import). */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(new URL(moduleUrl).pathname);
}
