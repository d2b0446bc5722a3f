// Imported first by the entry module, so that the worker starts fetching the big data files
// before the rest of the entry bundle is evaluated (about 100 ms earlier at 100,000 events).
import { prefetchOffMain } from './fetch-off-main';
import { BIG_DATA_FILES, DATA_BASE } from './data-files';

prefetchOffMain(BIG_DATA_FILES.map((name) => `${DATA_BASE}${name}`));
