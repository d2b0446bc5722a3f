// Where the story's data files are served, shared by the early prefetch (which must not import
// the loader: that would evaluate the whole loader before the prefetch starts) and the loader.
// The prefetched texts are picked up by URL, so both must name the files alike.
export const DATA_BASE = 'data/';

export const DATA_FILES = { config: 'config.json', stations: 'stations.geojson', events: 'events.json', sources: 'sources.json', overview: 'overview.json', story: 'story.json' } as const;

/** Fetched by the worker, read after the first map frame. */
export const BIG_DATA_FILES = [DATA_FILES.stations, DATA_FILES.events, DATA_FILES.sources] as const;

/** Where each data file of a story is, as problems name it. */
export interface FileNames {
  readonly stations: string;
  readonly events: string;
  readonly sources: string;
  readonly config: string;
}

export const defaultFileNames = (dir = 'data'): FileNames => ({
  stations: `${dir}/${DATA_FILES.stations}`,
  events: `${dir}/${DATA_FILES.events}`,
  sources: `${dir}/${DATA_FILES.sources}`,
  config: `${dir}/${DATA_FILES.config}`,
});
