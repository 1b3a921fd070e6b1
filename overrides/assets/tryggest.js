/* "Open now / closed now" in Europe/Oslo time, computed in the reader's browser.
   The plain hours above it are the fallback when scripts do not run. */
(function () {
  "use strict";
  var osloParts = function (now) {
    var fmt = new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Oslo", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", weekday: "short", hourCycle: "h23"
    });
    var parts = {};
    fmt.formatToParts(now).forEach(function (p) { parts[p.type] = p.value; });
    var days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    return {
      date: parts.year + "-" + parts.month + "-" + parts.day,
      day: days.indexOf(parts.weekday),
      minute: parseInt(parts.hour, 10) * 60 + parseInt(parts.minute, 10)
    };
  };
  var isOpen = function (data, now) {
    var t = osloParts(now);
    if (data.holidays.indexOf(t.date) !== -1) { return false; }
    return data.hours.some(function (h) {
      return h.days.indexOf(t.day) !== -1 && t.minute >= h.open && t.minute < h.close;
    });
  };
  var show = function () {
    var el = document.querySelector("[data-tg-open]");
    if (!el) { return; }
    var data = JSON.parse(el.getAttribute("data-tg-open"));
    var open = isOpen(data, new Date());
    el.textContent = open ? el.getAttribute("data-open-text") : el.getAttribute("data-closed-text");
    el.className = "tg-contact__open " + (open ? "tg-open" : "tg-closed");
    el.hidden = false;
  };
  window.tryggestIsOpen = isOpen;
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", show);
  } else {
    show();
  }
}());
