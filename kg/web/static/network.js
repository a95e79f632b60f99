// The mediation network: draws the nodes and edges of #network-data with Cytoscape.js.
// Served by kg serve, a click on an actor opens its entity page; in kg viz's file, it shows the actor's rows.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("network-data").textContent);
  var maxDocs = data.edges.reduce(function (m, e) { return Math.max(m, e.documents); }, 1);
  var elements = data.nodes.map(function (n) { return { group: "nodes", data: n }; })
    .concat(data.edges.map(function (e) { return { group: "edges", data: e }; }));
  var cy = cytoscape({
    container: document.getElementById("network"),
    elements: elements,
    wheelSensitivity: 0.3,
    maxZoom: 1.6,
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "wrap",
        "text-max-width": 120, "background-color": "#5a6375", "width": 22, "height": 22 } },
      { selector: "node[role = 'mediator']", style: { "background-color": "#232b3b", "shape": "diamond",
        "width": 28, "height": 28 } },
      { selector: "edge", style: { "curve-style": "bezier", "target-arrow-shape": "triangle",
        "width": function (e) { return 1.5 + 6 * e.data("documents") / maxDocs; },
        "line-color": "#d0791b", "target-arrow-color": "#d0791b" } },
      { selector: "edge[?stated]", style: { "line-color": "#1f6fb2", "target-arrow-color": "#1f6fb2" } },
      { selector: ":selected", style: { "overlay-color": "#f1c40f", "overlay-opacity": 0.35 } }
    ],
    layout: { name: data.nodes.length > 60 ? "concentric" : "cose", animate: false, padding: 20,
              concentric: function (n) { return n.degree(); } }
  });
  window.kgNetwork = cy;
  var details = document.getElementById("details");

  function rowsOf(iri) {
    return Array.prototype.filter.call(document.querySelectorAll("#mediation-rows tbody tr"), function (tr) {
      return tr.textContent.indexOf(iri.split("/").pop()) >= 0;
    });
  }

  cy.on("tap", "node", function (event) {
    var node = event.target;
    if (data.served) {
      window.location.href = "/entity?iri=" + encodeURIComponent(node.id());
      return;
    }
    var rows = rowsOf(node.id());
    document.querySelectorAll("#mediation-rows tr.selected").forEach(function (tr) { tr.classList.remove("selected"); });
    rows.forEach(function (tr) { tr.classList.add("selected"); });
    details.textContent = "";
    var heading = document.createElement("h2");
    heading.textContent = node.data("label");
    var text = document.createElement("p");
    text.textContent = node.data("role") + " in " + node.data("mediations") + " mediation edges; " +
      rows.length + " rows highlighted in the table.";
    details.appendChild(heading);
    details.appendChild(text);
  });
  cy.on("tap", "edge", function (event) {
    var e = event.target.data();
    details.textContent = "";
    var p = document.createElement("p");
    p.textContent = cy.getElementById(e.source).data("label") + " → " + cy.getElementById(e.target).data("label") +
      ": " + (e.stated ? "stated" : "inferred") + ", " + e.kind + ", " + e.status + "; documents: " + e.documentIds.join(", ");
    details.appendChild(p);
  });
}());
