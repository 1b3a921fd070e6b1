/* Quick exit. The button and the skip link leave for a neutral site, and so does pressing Shift
   on its own three times within five seconds. The page is hidden at once, before the other site
   has loaded. Without scripts both are plain links to the same place.

   The shortcut counts a Shift press only when no other key went down while Shift was held, so
   capital letters never count; any other key starts the count again. Screen readers hear how
   many presses are left and when the count ran out. Coming back with the Back button shows the
   page as it was before, not a blank "loading" page (pageshow also fires for pages restored
   from the back-forward cache).

   It fails safe: on incomplete markup it does nothing, so the links still leave (see below). */
(function () {
  "use strict";
  var PRESSES_TO_LEAVE = 3;
  var WINDOW_MS = 5000;

  // Start only on complete markup, and only once (the script may be included twice). Otherwise do
  // nothing at all: the button and the skip link then stay what they are without scripts, plain
  // links that leave, and no half-started handler can cancel their navigation.
  var root = document.querySelector("[data-tg-exit]");
  if (!(root instanceof HTMLElement) || root.hasAttribute("data-tg-exit-started")) { return; }
  var button = root.querySelector("[data-tg-exit-button]");
  var status = root.querySelector("[data-tg-exit-status]");
  if (!(button instanceof HTMLAnchorElement) || !button.href || !(status instanceof HTMLElement)) { return; }
  root.setAttribute("data-tg-exit-started", "");
  var dots = root.querySelectorAll("[data-tg-exit-dot]");
  var text = root.dataset;

  var presses = 0;
  var shiftAlone = false;
  var countTimer = null;
  var messageTimer = null;
  var overlay = null;
  var title = document.title;

  var say = function (message) { status.textContent = message || ""; };

  var stopTimers = function () {
    window.clearTimeout(countTimer);
    window.clearTimeout(messageTimer);
    countTimer = null;
    messageTimer = null;
  };

  var showPresses = function () {
    Array.prototype.forEach.call(dots, function (dot, index) {
      dot.classList.toggle("tg-exit__dot--on", index < presses);
    });
  };

  var expire = function () {
    var hadPresses = presses > 0;
    stopTimers();
    presses = 0;
    showPresses();
    if (hadPresses) {
      say(text.expired);
      // The message is cleared later so it does not linger for the next screen-reader user.
      messageTimer = window.setTimeout(function () { say(""); }, WINDOW_MS);
    }
  };

  var leave = function (url) {
    // Whatever goes wrong while the page is hidden, the reader still leaves.
    try {
      stopTimers();
      presses = 0;
      say("");
      document.body.classList.add("tg-leaving");
      if (!overlay) {
        overlay = document.createElement("div");
        overlay.className = "tg-exit-overlay";
        overlay.setAttribute("role", "alert");
        overlay.textContent = text.leaving || "";
      }
      document.body.appendChild(overlay);
      document.title = text.leaving || "";
    } finally {
      window.location.href = url;
    }
  };

  var countPress = function () {
    presses += 1;
    showPresses();
    stopTimers();
    if (presses >= PRESSES_TO_LEAVE) {
      leave(button.href);
      return;
    }
    say(presses === 1 ? text.pressTwo : text.pressOne);
    countTimer = window.setTimeout(expire, WINDOW_MS);
  };

  var restore = function () {
    stopTimers();
    presses = 0;
    shiftAlone = false;
    showPresses();
    say("");
    document.body.classList.remove("tg-leaving");
    if (overlay && overlay.parentNode) { overlay.parentNode.removeChild(overlay); }
    document.title = title;
  };

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("[data-tg-exit-link]") : null;
    if (!(link instanceof HTMLAnchorElement) || !link.href) { return; }
    // Modifier clicks leave too: opening the other site in a new tab would leave this one showing.
    event.preventDefault();
    leave(link.href);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Shift") {
      if (!event.repeat) { shiftAlone = true; }
      return;
    }
    shiftAlone = false;
    if (presses > 0) { expire(); }
  }, true);

  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift" || !shiftAlone) { return; }
    shiftAlone = false;
    countPress();
  }, true);

  window.addEventListener("pageshow", restore);
}());
