/* chronomap embed resizer: sizes every chronomap iframe on the page from its height messages.
   No dependencies; include once per page: <script src=".../embed.js" async></script> */
(function () {
  'use strict';
  if (window.__chronomapEmbed) return;
  window.__chronomapEmbed = true;
  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll('iframe[data-chronomap], iframe[src*="embed=1"]'));
  }
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'chronomap:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    frames().forEach(function (frame) {
      if (frame.contentWindow === event.source) {
        frame.style.height = Math.ceil(height) + 'px';
        frame.setAttribute('height', String(Math.ceil(height)));
        frame.setAttribute('scrolling', 'no');
      }
    });
  });
})();
