/* Material's page globals (__md_scope, __md_hash, __md_get, __md_set), loaded before its bundle.
   Material would remember palette, tab, banner and repository choices in localStorage and
   sessionStorage. On a shared device such entries show that someone visited this site, so these
   versions keep them in memory only: they are gone when the page is closed. */
(function () {
  "use strict";
  var script = document.currentScript;
  var scope = new URL((script && script.getAttribute("data-md-scope")) || ".", location.href);
  var memory = Object.create(null);

  var slot = function (key, where) {
    return (where || scope).pathname + "." + key;
  };

  window.__md_scope = scope;
  window.__md_hash = function (text) {
    var hash = 0;
    for (var i = 0; i < text.length; i += 1) {
      hash = ((hash << 5) - hash + text.charCodeAt(i)) | 0;
    }
    return hash;
  };
  // The storage argument Material passes is ignored on purpose: nothing is ever stored there.
  window.__md_get = function (key, storage, where) {
    var name = slot(key, where);
    return name in memory ? JSON.parse(memory[name]) : null;
  };
  window.__md_set = function (key, value, storage, where) {
    memory[slot(key, where)] = JSON.stringify(value);
  };
}());
