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

/* The portal's "find your municipality" box: filters the list as you type, no server needed. */
(function () {
  "use strict";
  var finder = document.querySelector("[data-tg-finder]");
  if (!finder) { return; }
  var input = finder.querySelector("input");
  var status = finder.querySelector("[role=status]");
  var items = Array.prototype.slice.call(document.querySelectorAll(".tg-municipalities li[data-search]"));
  var fold = function (text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/æ/g, "ae").replace(/ø/g, "o").replace(/å/g, "a").replace(/đ/g, "d").replace(/ŋ/g, "n").replace(/ŧ/g, "t");
  };
  items.forEach(function (li) { li.setAttribute("data-folded", fold(li.getAttribute("data-search"))); });
  var apply = function () {
    var query = fold(input.value.trim());
    var shown = 0;
    items.forEach(function (li) {
      var match = !query || li.getAttribute("data-folded").indexOf(query) !== -1;
      li.hidden = !match;
      if (match) { shown += 1; }
    });
    document.querySelectorAll(".tg-municipalities").forEach(function (list) {
      var any = list.querySelector("li:not([hidden])") !== null;
      list.hidden = !any;
      var heading = list.previousElementSibling;
      if (heading && /^H[2-4]$/.test(heading.tagName)) { heading.hidden = !any; }
    });
    status.textContent = !query ? "" : (shown ? status.getAttribute("data-count-text").replace("{count}", shown)
      : status.getAttribute("data-none-text"));
  };
  finder.hidden = false;
  input.addEventListener("input", apply);
}());
