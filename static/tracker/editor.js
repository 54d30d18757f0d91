// Editor pages: j/k through the review queue, and sources suggested as you type.
// Progressive enhancement only: every action is a real form that works without this.
(function () {
  "use strict";

  // --- Review queue keys -------------------------------------------------------------
  var items = Array.prototype.slice.call(document.querySelectorAll("[data-queue-item]"));
  var current = -1;

  function focusItem(index) {
    if (!items.length) return;
    current = Math.max(0, Math.min(items.length - 1, index));
    items.forEach(function (item, i) { item.classList.toggle("current", i === current); });
    items[current].focus();
    items[current].scrollIntoView({ block: "nearest" });
  }

  function typing(target) {
    var tag = target && target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }

  if (items.length) {
    document.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      var item = items[current];
      switch (event.key) {
        case "j": focusItem(current + 1); break;
        case "k": focusItem(current - 1); break;
        case "x":
          if (item) { var box = item.querySelector("[data-select]"); box.checked = !box.checked; }
          break;
        case "c":
          if (item) { item.querySelector("[data-confirm]").click(); }
          break;
        case "e":
          if (item) { item.querySelector("[data-edit]").click(); }
          break;
        case "r":
          if (item) { item.querySelector("[data-reason]").focus(); }
          break;
        default: return;
      }
      event.preventDefault();
    });
  }

  // --- Sources as you type -------------------------------------------------------------
  var list = document.getElementById("source-options");
  var inputs = document.querySelectorAll("[data-source-search]");
  if (!list || !inputs.length) return;
  var timer = null;
  var endpoint = "/editor/sources/search";

  function suggest(query) {
    fetch(endpoint + "?q=" + encodeURIComponent(query), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) {
        list.replaceChildren();
        data.results.forEach(function (source) {
          var option = document.createElement("option");
          option.value = source.name;  // textContent/value: never parsed as HTML
          option.textContent = source.kind + (source.country ? ", " + source.country : "");
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are a convenience; typing the name still works */ });
  }

  Array.prototype.forEach.call(inputs, function (input) {
    input.addEventListener("input", function () {
      var query = input.value.trim();
      clearTimeout(timer);
      if (query.length < 2) return;
      timer = setTimeout(function () { suggest(query); }, 200);
    });
  });
})();
