// Runs before the first paint (inline in index.html, allowed by its hash in the page's CSP): the
// page's language, theme and embed layout come from the URL and are in place in the first frame,
// so nothing moves when the app's script arrives. The build writes every language's text into
// the page; CSS shows the one named here.
(function () {
  var root = document.documentElement;
  var query = new URLSearchParams(location.search);
  var meta = document.querySelector('meta[name="chronomap-languages"]');
  var languages = meta ? meta.getAttribute('content').split(' ') : ['en'];
  var lang = query.get('lang');
  if (languages.indexOf(lang) < 0) lang = languages[0];
  root.lang = lang;
  root.setAttribute('data-lang', lang);
  var theme = query.get('theme');
  var dark = theme === 'dark' || (theme !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  root.setAttribute('data-theme', dark ? 'dark' : 'light');
  if (query.get('embed') === '1') {
    root.classList.add('embed');
    if (query.get('title') === '0') root.classList.add('no-title');
  }
  if (query.get('view') === 'list') root.setAttribute('data-view', 'list');
})();
