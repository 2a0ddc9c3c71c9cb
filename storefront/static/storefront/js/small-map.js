// A small map for each [data-map] element (a producer's place). Leaflet is served from our static
// files; tiles come from MAP_TILE_URL. Without JavaScript the element's link to the map remains.
(function () {
  "use strict";
  if (!window.L) return;
  document.querySelectorAll("[data-map]").forEach(function (element) {
    var point = [parseFloat(element.dataset.lat), parseFloat(element.dataset.lon)];
    if (isNaN(point[0]) || isNaN(point[1])) return;
    // Leaflet guesses its images' folder from its stylesheet, which fails on fingerprinted files.
    L.Icon.Default.imagePath = element.dataset.leafletImages;
    var map = L.map(element, { scrollWheelZoom: false }).setView(point, 13);
    L.tileLayer(element.dataset.tiles, { maxZoom: 18, attribution: element.dataset.attribution }).addTo(map);
    L.marker(point, { title: element.dataset.label, alt: element.dataset.label }).addTo(map);
  });
})();
