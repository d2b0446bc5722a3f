// Runs before the first paint (inline in index.html, allowed by its hash in the page's CSP): the
// page's language, theme and embed layout come from the URL and are in place in the first frame,
// so nothing moves when the app's script arrives. The build writes every language's text into
// the page; CSS shows the one named here.
//
// It also owns the static fallback (#fallback: the preview image, a link to the full view, a
// reason): without JavaScript CSS shows it (the page is not marked `js`); when the app's scripts
// fail to load, this shows it; when the data fails, the app asks for it (a `chronomap:fail`
// event).
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var query = new URLSearchParams(location.search);
  var meta = document.querySelector('meta[name="chronomap-languages"]');
  var languages = meta ? meta.getAttribute('content').split(' ') : ['en'];
  var lang = query.get('lang');
  // Without a language in the URL the page speaks the reader's, when the story has it; an embed
  // speaks its article's (the embed code names it, else the story's first language).
  if (languages.indexOf(lang) < 0) lang = query.get('embed') === '1' ? languages[0] : readerLanguage(languages);
  root.lang = lang;
  root.setAttribute('data-lang', lang);
  var theme = query.get('theme');
  var dark = theme === 'dark' || (theme !== 'light' && window.matchMedia('(prefers-color-scheme: dark)').matches);
  root.setAttribute('data-theme', dark ? 'dark' : 'light');
  if (query.get('embed') === '1') {
    root.classList.add('embed');
    if (query.get('title') === '0') root.classList.add('no-title');
    if (query.get('storycard') === '0') root.classList.add('no-story-card');
  }
  if (query.get('view') === 'list') root.setAttribute('data-view', 'list');

  /** The first of the browser's languages that the story has (zh-TW, zh-HK, zh-MO: traditional). */
  function readerLanguage(languages) {
    var prefs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ''];
    for (var i = 0; i < prefs.length; i++) {
      var tag = String(prefs[i]).toLowerCase();
      var want = /^zh-(hant|tw|hk|mo)\b/.test(tag) ? 'zh-hant' : /^zh\b/.test(tag) ? 'zh-hans' : tag.split('-')[0];
      for (var j = 0; j < languages.length; j++) if (languages[j].toLowerCase() === want) return languages[j];
    }
    return languages[0];
  }

  function fail(reason) {
    if (root.hasAttribute('data-failed')) return;
    root.setAttribute('data-failed', reason);
    var box = document.getElementById('fallback');
    if (!box) return;
    // The attributes, not only CSS, so that a page whose stylesheet failed too still shows it.
    var reasons = box.querySelectorAll('[data-reason]');
    for (var i = 0; i < reasons.length; i++) reasons[i].hidden = reasons[i].getAttribute('data-reason') !== reason;
    var chrome = document.querySelectorAll('[data-app-only]');
    for (var j = 0; j < chrome.length; j++) chrome[j].hidden = true;
    var texts = document.querySelectorAll('.l');
    for (var t = 0; t < texts.length; t++) texts[t].hidden = texts[t].lang !== lang;
    // Lazy until now, so that a normal load does not fetch it.
    var image = box.querySelector('img');
    if (image) image.loading = 'eager';
    box.hidden = false;
  }
  // The links to the full view (the fallback's, the embed's footer): this view, absolute, without
  // the embedding's parameters (src/embed/embed-mode.ts, EMBED_PARAMS).
  function linkFullView() {
    var params = new URLSearchParams(location.search);
    ['embed', 'title', 'storycard', 'childId', 'embedId', 'parentUrl', 'parentTitle', 'initialWidth'].forEach(function (key) {
      params.delete(key);
    });
    var rest = params.toString();
    var href = new URL(location.pathname + (rest ? '?' + rest : ''), location.href).href;
    var links = document.querySelectorAll('a[data-full-view]');
    for (var k = 0; k < links.length; k++) links[k].href = href;
  }
  function whenParsed(then) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', then);
    else then();
  }
  function failWhenParsed(reason) {
    whenParsed(function () {
      fail(reason);
    });
  }
  whenParsed(linkFullView);
  // A script element's load error does not bubble: it is caught on the way down. The entry module
  // fails this way when it, or any module it imports, cannot be fetched (a 404, a blocked
  // request, a host without Access-Control-Allow-Origin framing it in an opaque origin).
  window.addEventListener('error', function (event) {
    if (event.target && event.target.tagName === 'SCRIPT') failWhenParsed('scripts');
  }, true);
  document.addEventListener('chronomap:fail', function (event) {
    failWhenParsed(event.detail === 'data' ? 'data' : 'scripts');
  });
})();
