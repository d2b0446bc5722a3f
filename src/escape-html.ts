// Text for HTML written as a string (the build's pages, the embed code, the static map's SVG).
// The app's own DOM never needs it: text goes in as text nodes.
export const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
