// The document page: a click (or Enter) on a highlighted span opens the things it supports and their triples.
(function () {
  "use strict";
  function show(mark) {
    document.querySelectorAll("mark.active, details.active").forEach(function (el) { el.classList.remove("active"); });
    mark.classList.add("active");
    var first = null;
    mark.dataset.facts.trim().split(/\s+/).forEach(function (id) {
      var fact = document.getElementById(id);
      if (!fact) { return; }
      fact.open = true;
      fact.classList.add("active");
      first = first || fact;
    });
    if (first) { first.scrollIntoView({ block: "nearest" }); }
  }
  document.querySelectorAll("#text mark").forEach(function (mark) {
    mark.addEventListener("click", function () { show(mark); });
    mark.addEventListener("keydown", function (event) { if (event.key === "Enter") { show(mark); } });
  });
}());
