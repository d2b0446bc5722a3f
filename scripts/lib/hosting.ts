// Header files for static hosts, written into the build from the one set of headers the app needs
// (vite.config.ts, HOST_HEADERS: its CSP carries the boot script's hash), so that they never
// disagree with it: Netlify's and Cloudflare Pages' `_headers`, Apache's `.htaccess`, and an nginx
// snippet (`hosting/nginx.conf`, to include in the server's configuration).
import type { Plugin } from 'vite';

export type HeaderSet = Readonly<Record<string, string>>;

export const HOSTING_FILES = { netlify: '_headers', apache: '.htaccess', nginx: 'hosting/nginx.conf' } as const;

/** Netlify and Cloudflare Pages read the same format, from the published folder's root. */
export function netlifyHeaders(headers: HeaderSet): string {
  return [
    '# Headers for every file of chronomap (Netlify, Cloudflare Pages). Written by the build.',
    '/*',
    ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
    '',
  ].join('\n');
}

export function apacheHtaccess(headers: HeaderSet): string {
  return [
    '# Headers for every file of chronomap (Apache, with AllowOverride FileInfo). Written by the build.',
    '<IfModule mod_headers.c>',
    ...Object.entries(headers).map(([name, value]) => `  Header always set ${name} "${value}"`),
    '</IfModule>',
    "# MapLibre's worker is an ES module (.mjs); older MIME tables do not know the extension.",
    'AddType text/javascript .mjs',
    'AddType application/json .geojson',
    '',
  ].join('\n');
}

export function nginxSnippet(headers: HeaderSet): string {
  return [
    '# Headers for every file of chronomap (nginx). Written by the build. Include it in the',
    '# location that serves the build (with root, not alias: the nested locations inherit it), e.g.',
    '#   location /chronomap/ { root /srv/www; include /srv/www/chronomap/hosting/nginx.conf; }',
    '# An add_header in a block drops those inherited from outer blocks: keep them all here.',
    ...Object.entries(headers).map(([name, value]) => `add_header ${name} "${value}" always;`),
    "# MapLibre's worker is an ES module (.mjs); older mime.types do not know the extension.",
    'location ~* \\.mjs$ {',
    '  types { }',
    '  default_type text/javascript;',
    '}',
    'location ~* \\.geojson$ {',
    '  types { }',
    '  default_type application/json;',
    '}',
    '',
  ].join('\n');
}

export function hostingPlugin(headers: HeaderSet): Plugin {
  return {
    name: 'chronomap-hosting',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: HOSTING_FILES.netlify, source: netlifyHeaders(headers) });
      this.emitFile({ type: 'asset', fileName: HOSTING_FILES.apache, source: apacheHtaccess(headers) });
      this.emitFile({ type: 'asset', fileName: HOSTING_FILES.nginx, source: nginxSnippet(headers) });
    },
  };
}
