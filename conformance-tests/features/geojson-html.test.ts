/**
 * Conformance classes GeoJSON and HTML — `…/ogcapi-features-1/1.0/conf/geojson` and `…/conf/html`:
 * application/geo+json for features, application/json for other resources, and every JSON resource also
 * available as HTML, linked as `alternate` with type text/html.
 */
import { get, itemsUrls, linksOf, openTarget, type Target } from './harness';

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

async function resources(): Promise<Array<[string, string]>> {
  const urls: Array<[string, string]> = [
    [target.landing, 'application/json'],
    [`${target.landing}/conformance`, 'application/json'],
    [`${target.landing}/collections`, 'application/json'],
  ];
  for (const { id, items } of await itemsUrls(target.landing)) {
    urls.push([`${target.landing}/collections/${id}`, 'application/json'], [items, 'application/geo+json']);
    const first = (await get(items, 'application/geo+json')).json().features[0];
    if (first) urls.push([`${items.split('?')[0]}/${first.id}`, 'application/geo+json']);
  }
  return urls;
}

test('/req/geojson/content: media types of JSON resources and features', async () => {
  for (const [url, type] of await resources()) {
    const res = await get(url, `${type}, application/json;q=0.9`);
    expect([url, res.status, res.headers.get('content-type')?.split(';')[0]]).toEqual([url, 200, type]);
  }
});

test('/req/html/content: each resource has an HTML alternate that is served as an HTML5 page', async () => {
  for (const [url, type] of await resources()) {
    const doc = (await get(url, type)).json();
    const alternate = linksOf(doc, 'alternate', 'text/html')[0];
    expect([url, alternate?.type]).toEqual([url, 'text/html']);
    const page = await get(alternate!.href, 'text/html');
    expect([url, page.status, page.headers.get('content-type')?.split(';')[0]]).toEqual([url, 200, 'text/html']);
    expect(page.text.toLowerCase().startsWith('<!doctype html>')).toBe(true);
    expect(page.text).toMatch(/<a href="https?:\/\//);
  }
});
