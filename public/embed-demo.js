/* Demo host script: when a step scrolls into view, send its state to the embed. */
(function () {
  'use strict';
  var frame = document.getElementById('map');
  function send(state) {
    frame.contentWindow.postMessage({ type: 'chronomap:set', state: state }, '*');
  }
  var steps = Array.prototype.slice.call(document.querySelectorAll('.step'));
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      steps.forEach(function (s) { s.classList.toggle('active', s === entry.target); });
      send(JSON.parse(entry.target.getAttribute('data-state')));
    });
  }, { rootMargin: '-45% 0px -45% 0px' });
  steps.forEach(function (s) { observer.observe(s); });
})();
