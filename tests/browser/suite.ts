// One set-up for the browser test files: the built app served on loopback and a Chromium,
// started before the file's tests and stopped after them.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { ensureBuilt, launch, serveDist } from './harness';
import type { StaticServer } from '../../scripts/lib/static-server';

export interface AppSuite {
  readonly server: StaticServer;
  readonly browser: Browser;
}

export function useBuiltApp(chromiumArgs: readonly string[] = []): AppSuite {
  const suite = {} as { server: StaticServer; browser: Browser };
  beforeAll(async () => {
    ensureBuilt();
    suite.server = await serveDist();
    suite.browser = await launch(chromiumArgs);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}
