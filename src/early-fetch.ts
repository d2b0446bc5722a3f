// Imported first by the entry module, so that the worker for the big data files starts before
// the rest of the entry bundle is evaluated.
//
// The stations go first: the controls start working on the overview once the stations are
// checked against it. The events and sources (30 MB at 100,000 events) are asked for once the
// stations have arrived. Requests reach a new worker only once the page's main thread has heard
// that it started, which at 100,000 events is after the first map frame; that is wanted here. On
// this 2-core machine, fetching the stations during that frame (the worker had their URL in its
// name, to start at once) delayed it by about 150 ms at 100k events (medians of six loads: 1,410
// against 1,560 ms), and fetching all three during it by more (1.63 s against 1.28 s and 1.40 s,
// three loads).
import { prefetchOffMain } from './fetch-off-main';
import { BIG_DATA_FILES, DATA_BASE, DATA_FILES } from './data-files';

prefetchOffMain(
  [`${DATA_BASE}${DATA_FILES.stations}`],
  BIG_DATA_FILES.filter((name) => name !== DATA_FILES.stations).map((name) => `${DATA_BASE}${name}`),
);
