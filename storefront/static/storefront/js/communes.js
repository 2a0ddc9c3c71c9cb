// The address form's commune list follows the chosen province (without JavaScript it fills after
// one submit). Reads /checkout/communes/?province=<code>.
(function () {
  "use strict";
  var commune = document.querySelector("select[data-communes-url]");
  var province = commune && commune.form.querySelector("select[name$='province']");
  if (!province || !window.fetch) return;
  province.addEventListener("change", function () {
    var placeholder = commune.options[0];
    commune.replaceChildren(placeholder);
    if (!province.value) return;
    fetch(commune.dataset.communesUrl + "?province=" + encodeURIComponent(province.value))
      .then(function (response) { return response.json(); })
      .then(function (data) {
        data.communes.forEach(function (item) {
          commune.append(new Option(item.name, item.code));
        });
      });
  });
})();
