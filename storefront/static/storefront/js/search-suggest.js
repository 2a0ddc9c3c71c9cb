// Suggestions for the header search box: fills its <datalist> from /search/suggest/ as the shopper
// types. Without JavaScript the box is a plain search form.
(function () {
  "use strict";
  var input = document.getElementById("site-search-q");
  var list = document.getElementById("site-search-suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  var latest = "";

  function show(names) {
    list.replaceChildren.apply(list, names.map(function (name) {
      var option = document.createElement("option");
      option.value = name;
      return option;
    }));
  }

  input.addEventListener("input", function () {
    clearTimeout(timer);
    var prefix = input.value.trim();
    if (prefix.length < 2) { show([]); return; }
    timer = setTimeout(function () {
      latest = prefix;
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(prefix), { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) {
          if (prefix !== latest) return;  // an older answer arriving late
          show(data.suggestions.map(function (s) { return s.name; }));
        })
        .catch(function () { show([]); });
    }, 150);
  });
})();
