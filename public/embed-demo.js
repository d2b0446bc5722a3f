/* Demo host script (embed-demo*.html, generated from story.json): when a step's section scrolls
   into view, move the embed to that step with the chronomap:set message API. */
(function () {
  'use strict';
  var frame = document.getElementById('map');
  var current = null;
  function send(step) {
    current = step;
    frame.contentWindow.postMessage({ type: 'chronomap:set', state: { step: step } }, '*');
  }
  var steps = Array.prototype.slice.call(document.querySelectorAll('.step[data-step]'));
  var observer = new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      steps.forEach(function (s) { s.classList.toggle('active', s === entry.target); });
      send(entry.target.getAttribute('data-step'));
    });
  }, { rootMargin: '-45% 0px -45% 0px' });
  steps.forEach(function (s) { observer.observe(s); });
  // The embed may start after the first step was sent: it says when it is ready, and gets the
  // current step again.
  window.addEventListener('message', function (event) {
    if (event.source !== frame.contentWindow || !event.data || event.data.type !== 'chronomap:ready') return;
    if (current) send(current);
  });
})();
