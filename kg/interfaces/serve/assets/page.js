// kg serve's query page: Yasgui (vendored, inlined) over this server's read-only endpoint.
// Everything it shows comes from the page's JSON payload or from query results; Yasgui's
// table writes result values as text. No request leaves this origin (the page's CSP).
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var fromUrl = new URLSearchParams(window.location.search).get("query");

  // Only completers that work offline: the class and property ones ask lov.linkeddata.es (the
  // page's CSP would refuse it anyway). Set on the defaults, as Yasgui merges lists item by item.
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];

  var yasgui = new Yasgui(document.getElementById("kg-yasgui"), {
    requestConfig: { endpoint: data.endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    populateFromUrl: false, // ?query= is read below: opened ready to run, not run
    persistenceId: null, // no state kept in the browser between visits
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: data.endpoint }]; } },
    yasqe: { value: fromUrl || data.start },
    yasr: { prefixes: data.prefixes, defaultPlugin: "table" },
  });

  function openQuery(text) {
    var tab = yasgui.getTab();
    tab.setQuery(text);
    tab.getYasqe().focus();
  }

  var list = document.getElementById("kg-named");
  data.queries.forEach(function (q) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "kg-named-query";
    button.textContent = q.name;
    button.title = q.description + (q.params.length ? " Parameters: " + q.params.join(", ") + "." : "");
    button.addEventListener("click", function () { openQuery(q.sparql); });
    list.appendChild(button);
  });
  window.kgYasgui = yasgui; // for the browser tests and the curious
})();
