// Sales-point map and "near me": progressive enhancement over the server-rendered list.
(function () {
  "use strict";
  var nearButton = document.getElementById("near-me");
  var form = document.getElementById("sales-point-filters");
  if (nearButton && form && "geolocation" in navigator) {
    nearButton.hidden = false;
    nearButton.addEventListener("click", function () {
      navigator.geolocation.getCurrentPosition(function (position) {
        form.elements.near.value =
          position.coords.latitude.toFixed(5) + "," + position.coords.longitude.toFixed(5);
        form.submit();
      });
    });
  }
  var element = document.getElementById("sales-point-map");
  var data = document.getElementById("sales-point-map-data");
  if (!element || !data || typeof L === "undefined") {
    return;
  }
  var points = JSON.parse(data.textContent);
  // Leaflet guesses its images' folder from its stylesheet, which fails on fingerprinted files.
  L.Icon.Default.imagePath = element.dataset.leafletImages;
  var map = L.map(element);
  L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
  var markers = points.map(function (point) {
    var popup = document.createElement("div");
    var link = document.createElement("a");
    link.href = point.url;
    link.textContent = point.name;
    popup.appendChild(link);
    if (point.products.length) {
      var list = document.createElement("ul");
      point.products.forEach(function (title) {
        var item = document.createElement("li");
        item.textContent = title;
        list.appendChild(item);
      });
      popup.appendChild(list);
    }
    return L.marker([point.lat, point.lon]).bindPopup(popup).addTo(map);
  });
  if (markers.length) {
    map.fitBounds(L.featureGroup(markers).getBounds().pad(0.2));
  } else {
    map.setView([16.0, 106.5], 5);
  }
  element.setAttribute("data-ready", String(markers.length));
})();
