// Served only by `tryggest serve`, never part of the built site: reloads the page when the site
// has been rebuilt (or a build has failed, so the page can show why).
(function () {
  "use strict";
  var script = document.currentScript;
  var shown = script ? script.getAttribute("data-version") : null;
  function check() {
    fetch("/__tryggest/status", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (String(status.version) !== shown) {
          window.location.reload();
        } else {
          window.setTimeout(check, 1000);
        }
      })
      .catch(function () { window.setTimeout(check, 3000); });
  }
  window.setTimeout(check, 1000);
})();
