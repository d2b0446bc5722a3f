// Serves the story's data files and the basemap from our own origin (dev) and copies them
// into dist/ (build), so the app never asks another host for anything.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';

const DATA_FILES = ['config.json', 'stations.geojson', 'events.json', 'sources.json'] as const;

export function dataPlugin(dataDir: string): Plugin {
  const require = createRequire(import.meta.url);
  const files = (): Map<string, string> => {
    const map = new Map<string, string>();
    for (const name of DATA_FILES) {
      const path = resolve(dataDir, name);
      if (existsSync(path)) map.set(`data/${name}`, path);
    }
    map.set('basemap/countries-110m.json', require.resolve('world-atlas/countries-110m.json'));
    return map;
  };
  return {
    name: 'chronomap-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const url = (req.url ?? '').split('?')[0].replace(/^\/+/, '');
        const path = files().get(url);
        if (!path) return next();
        res.setHeader('Content-Type', url.endsWith('json') || url.endsWith('geojson') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Cache-Control', 'no-cache');
        res.end(readFileSync(path));
      });
    },
    generateBundle() {
      for (const [fileName, path] of files()) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(path) });
      }
    },
  };
}

