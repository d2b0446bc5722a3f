// Where the story's data files are served, shared by the early prefetch (which must not import
// the loader: that would evaluate the whole loader before the prefetch starts) and the loader.
export const DATA_BASE = 'data/';

export const STATIONS_FILE = 'stations.geojson';

/** Fetched by the worker, read after the first map frame. */
export const BIG_DATA_FILES = [STATIONS_FILE, 'events.json', 'sources.json'] as const;
