/**
 * Static assets of the HTML encoding, served by the API itself so pages work without any CDN: Leaflet from
 * `node_modules/leaflet/dist`, the stylesheet and the map script. The map draws the page's features from an
 * inert JSON block, builds popups with textContent (never innerHTML), and works without the OSM tiles.
 */
import path from 'node:path';
import express, { Router } from 'express';

const STYLESHEET = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1b1b1b; line-height: 1.5; }
header, main, footer { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.crumbs { list-style: none; padding: 0.5rem 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.25rem; }
.crumbs li + li::before { content: "›"; margin-right: 0.25rem; color: #555; }
a { color: #154273; }
a:focus { outline: 3px solid #ffb612; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; }
.properties th { width: 16rem; background: #f5f5f5; }
.map { height: 420px; border: 1px solid #ccc; margin: 1rem 0; }
.paging a { margin-right: 1rem; }
small { color: #555; }
footer { margin-top: 2rem; border-top: 1px solid #ccc; color: #555; }
`;

const MAP_SCRIPT = `'use strict';
(function () {
  var data = document.getElementById('features-data');
  var target = document.getElementById('map');
  if (!data || !target || !window.L) return;
  var geojson = JSON.parse(data.textContent);
  var map = L.map(target);
  L.tileLayer('https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png', {
    maxZoom: 19,
    attribution: 'Kaartgegevens &copy; Kadaster (BRT-Achtergrondkaart, PDOK)'
  }).addTo(map);
  var layer = L.geoJSON(geojson, {
    pointToLayer: function (feature, latlng) {
      return L.circleMarker(latlng, { radius: 7, color: '#154273', weight: 2, fillColor: '#ffb612', fillOpacity: 0.9 });
    },
    onEachFeature: function (feature, marker) {
      var box = document.createElement('div');
      var link = document.createElement('a');
      link.href = target.getAttribute('data-items') + '/' + encodeURIComponent(feature.id) + '?f=html';
      link.textContent = (feature.properties && feature.properties.name) || String(feature.id);
      box.appendChild(link);
      if (feature.properties && feature.properties.organisation) {
        var org = document.createElement('div');
        org.textContent = feature.properties.organisation;
        box.appendChild(org);
      }
      marker.bindPopup(box);
    }
  }).addTo(map);
  var bounds = layer.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds, { maxZoom: 16, padding: [20, 20] });
  else map.setView([52.1, 5.3], 7);
})();
`;

/** Routes under `/assets`: `features.css`, `features-map.js`, `leaflet/…`. */
export function assetsRouter(): Router {
  const router = Router();
  const leaflet = path.dirname(require.resolve('leaflet/dist/leaflet.js'));
  router.get('/features.css', (_req, res) => {
    res.type('text/css').set('Cache-Control', 'public, max-age=3600').send(STYLESHEET);
  });
  router.get('/features-map.js', (_req, res) => {
    res.type('application/javascript').set('Cache-Control', 'public, max-age=3600').send(MAP_SCRIPT);
  });
  router.use('/leaflet', express.static(leaflet, { index: false, maxAge: '1d', fallthrough: true }));
  return router;
}
