// Loaded only by `duiding serve` (the preview), never part of a built site: waits for the
// next build of the source and then reloads the page. The server answers
// /_duiding/wacht?build=N when a build other than N is ready (or after 25 s with N).
(function () {
  'use strict';
  var script = document.currentScript;
  var build = script ? script.getAttribute('data-build') : null;
  if (build === null) return;
  function wait() {
    fetch('/_duiding/wacht?build=' + encodeURIComponent(build), { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (next) {
        if (next.trim() !== build) window.location.reload();
        else wait();
      })
      .catch(function () { setTimeout(wait, 1000); });  // the preview stopped or restarts
  }
  wait();
})();
