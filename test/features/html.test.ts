/**
 * The HTML encoding: every resource as text/html with links as `<a>`, the Leaflet map served from
 * node_modules (no CDN), and every register text escaped (a Thing named `<script>alert(1)</script>`).
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp, type FixtureIds } from './support';

let db: Database;
let app: ReturnType<typeof featuresApp>;
let ids: FixtureIds;
const ROOT = 'https://register.example.nl/ogc/v1';

beforeAll(async () => {
  db = await openTestDatabase();
  ids = await addSensorFixture(db.knex);
  app = featuresApp(db, 'https://register.example.nl');
});
afterAll(() => db.close());

/** Anything that could execute: script elements other than ours, event handler attributes, javascript: URLs. */
function assertNoInjectedMarkup(page: string): void {
  const scripts = [...page.matchAll(/<script\b[^>]*>/g)].map((match) => match[0]);
  for (const tag of scripts) {
    expect(tag).toMatch(/^<script (src="https:\/\/register\.example\.nl\/ogc\/v1\/assets\/[a-z/.-]+" defer|type="application\/json" id="features-data")>$/);
  }
  expect(page).not.toMatch(/<img\b/i);
  expect(page).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
  expect(page).not.toMatch(/javascript:/i);
  expect(page).not.toContain('<script>alert');
  expect(page).not.toContain('"><b>');
}

test('every resource is available as HTML through f=html and through Accept: text/html', async () => {
  for (const path of [
    '/ogc/v1',
    '/ogc/v1/conformance',
    '/ogc/v1/api',
    '/ogc/v1/collections',
    '/ogc/v1/collections/sensors',
    '/ogc/v1/collections/sensors/queryables',
    '/ogc/v1/collections/sensors/items',
    `/ogc/v1/collections/sensors/items/${ids.a}`,
  ]) {
    const byF = await request(app).get(`${path}?f=html`).expect(200);
    expect([path, byF.headers['content-type']]).toEqual([path, 'text/html; charset=utf-8']);
    expect(byF.text.startsWith('<!doctype html>\n<html lang="nl">')).toBe(true);
    const byAccept = await request(app).get(path).set('Accept', 'text/html').expect(200);
    expect(byAccept.text).toBe(byF.text);
    assertNoInjectedMarkup(byF.text);
  }
});

test('the items page escapes a Thing named <script>alert(1)</script> in the table and in the map data', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items?f=html').expect(200);
  expect(res.text).toContain('<td>&#60;script&#62;alert(1)&#60;/script&#62;</td>');
  expect(res.text).toContain('"name":"\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"');
  expect(res.text).toContain('"description":"\\u003cimg src=x onerror=alert(2)\\u003e"');
  assertNoInjectedMarkup(res.text);
  const item = await request(app).get(`/ogc/v1/collections/sensors/items/${ids.script}?f=html`).expect(200);
  expect(item.text).toContain('<h1>&#60;script&#62;alert(1)&#60;/script&#62;</h1>');
  expect(item.text).toContain('<td>&#60;img src=x onerror=alert(2)&#62;</td>');
  expect(item.text).toContain('<td>&#34;&#62;&#60;b&#62;</td>');
  assertNoInjectedMarkup(item.text);
  const searched = await request(app).get('/ogc/v1/collections/sensors/items?f=html&name=%3Cscript%3Ealert(1)%3C%2Fscript%3E').expect(200);
  expect(searched.text).toContain(`href="${ROOT}/collections/sensors/items?name=%3Cscript%3Ealert%281%29%3C/script%3E&#38;f=json"`);
  assertNoInjectedMarkup(searched.text);
});

test('the items page shows a map, a table with links to each feature, and paging links', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items?f=html&limit=2').expect(200);
  expect(res.text).toContain(`<link rel="stylesheet" href="${ROOT}/assets/leaflet/leaflet.css">`);
  expect(res.text).toContain(`<script src="${ROOT}/assets/leaflet/leaflet.js" defer></script>`);
  expect(res.text).toContain(`<div id="map" class="map" data-items="${ROOT}/collections/sensors/items"`);
  expect(res.text).toContain(`<a href="${ROOT}/collections/sensors/items/${ids.a}?f=html">${ids.a}</a>`);
  expect(res.text).toContain(`<a href="${ROOT}/collections/sensors/items?f=html&#38;limit=2&#38;offset=2" rel="next">`);
  expect(res.text).toContain('<p>1–2 van / of 4</p>');
  expect(res.text).not.toMatch(/https?:\/\/(unpkg|cdn|cdnjs)\./);
  const item = await request(app).get(`/ogc/v1/collections/sensors/items/${ids.a}?f=html&crs=EPSG:28992`).expect(200);
  expect(item.headers['content-crs']).toBe('<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
  expect(item.text).toContain('<tr><th scope="row">Locatie / Location (lon, lat)</th><td>4.3, 52.08</td></tr>');
  expect(item.text).toContain('<tr><th scope="row">Organisatie / Organisation</th><td>Gemeente &#39;s-Gravenhage</td></tr>');
});

test('the landing page and the API documentation link onwards', async () => {
  const landing = await request(app).get('/ogc/v1?f=html').expect(200);
  expect(landing.text).toContain('<title>Sensorregister — OGC API Features</title>');
  expect(landing.text).toContain(`<a href="${ROOT}/collections?f=html">Collecties / Collections</a>`);
  expect(landing.text).toContain(`<a href="${ROOT}/api" rel="service-desc" type="application/vnd.oai.openapi+json;version=3.0">`);
  const api = await request(app).get('/ogc/v1/api?f=html').expect(200);
  expect(api.text).toMatch(/<title>[^<]+ — Sensorregister<\/title>/);
  expect(api.text).toContain('<h2><code>GET /collections/{collectionId}/items</code></h2>');
  expect(api.text).toContain('<td><code>bbox-crs</code></td>');
});

test('Leaflet and the page assets are served from this API', async () => {
  const js = await request(app).get('/ogc/v1/assets/leaflet/leaflet.js').expect(200);
  expect(js.headers['content-type']).toMatch(/^application\/javascript/);
  expect(js.text).toContain('Leaflet');
  const css = await request(app).get('/ogc/v1/assets/leaflet/leaflet.css').expect(200);
  expect(css.headers['content-type']).toMatch(/^text\/css/);
  await request(app).get('/ogc/v1/assets/leaflet/images/marker-icon.png').expect(200);
  const map = await request(app).get('/ogc/v1/assets/features-map.js').expect(200);
  expect(map.text).toContain("document.getElementById('features-data')");
  expect(map.text).not.toContain('innerHTML');
  await request(app).get('/ogc/v1/assets/leaflet/../package.json').expect(404);
  await request(app).get('/ogc/v1/assets/nothing.js').expect(404);
});

test('HTML pages load nothing from third parties: own scripts, PDOK background map, a strict policy', async () => {
  const res = await request(app).get('/ogc/v1/collections/sensors/items?f=html').expect(200);
  expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  expect(res.headers['content-security-policy']).toContain('img-src \'self\' data: https://service.pdok.nl');
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  const script = await request(app).get('/ogc/v1/assets/features-map.js').expect(200);
  expect(script.text).toContain('https://service.pdok.nl/brt/achtergrondkaart/');
  expect(script.text).not.toContain('openstreetmap');
});
