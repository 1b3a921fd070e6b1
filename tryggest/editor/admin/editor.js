// Served only by `tryggest edit`: the built page of the municipality beside the form, and a panel
// that says after each save whether the project's check found problems.
(function () {
  "use strict";
  var script = document.currentScript;
  var preview = script.getAttribute("data-preview");
  var shown = -1;

  // The preview pane shows the page as built by the preview server: it changes after a save.
  window.CMS.registerPreviewTemplate("municipalities", window.createClass({
    render: function () {
      var id = this.props.entry.getIn(["data", "id"]) || "";
      return window.h("iframe", { className: "tg-preview-frame", src: preview + id + "/",
        title: "Forhåndsvisning av siden (oppdateres når du har lagret)" });
    }
  }));
  window.CMS.registerPreviewTemplate("portal", window.createClass({
    render: function () {
      return window.h("iframe", { className: "tg-preview-frame", src: preview, title: "Forhåndsvisning av nettstedet" });
    }
  }));
  window.CMS.registerPreviewStyle("editor.css");

  var panel = document.createElement("aside");
  panel.id = "tg-editor-status";
  panel.setAttribute("role", "status");
  panel.setAttribute("aria-live", "polite");

  function element(tag, text) {
    var el = document.createElement(tag);
    el.textContent = text;
    return el;
  }

  function list(lines) {
    var ul = document.createElement("ul");
    lines.forEach(function (line) { ul.appendChild(element("li", line)); });
    return ul;
  }

  function previewLink() {
    var a = element("a", "Åpne forhåndsvisningen");
    a.href = preview;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function show(status) {
    panel.replaceChildren();
    if (!status.version) {
      panel.appendChild(element("p", "Når du lagrer, skrives filen i prosjektmappen og sjekkes med en gang."));
    } else if (status.ok) {
      panel.appendChild(element("h2", "Lagret og sjekket: ingen feil"));
      panel.appendChild(element("p", "Forhåndsvisningen bygges på nytt nå."));
    } else {
      panel.appendChild(element("h2", "Lagret, men sjekken fant feil"));
      panel.appendChild(element("p", "Nettstedet bygges ikke før dette er rettet. Rett feltet og lagre igjen:"));
      panel.appendChild(list(status.problems));
    }
    if (status.warnings && status.warnings.length) {
      panel.appendChild(element("p", "Verdt å se på (stopper ikke byggingen):"));
      panel.appendChild(list(status.warnings));
    }
    panel.setAttribute("data-ok", String(status.ok));
    panel.setAttribute("data-version", String(status.version));
    panel.appendChild(previewLink());
  }

  function poll() {
    fetch("/__tryggest/status", { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.version !== shown) {
          shown = status.version;
          show(status);
        }
        window.setTimeout(poll, 1000);
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }

  document.body.appendChild(panel);
  poll();
})();
