/**
 * HTML encodings of features — OGC API – Features Part 1 `/req/html/content` for `/items` and
 * `/items/{featureId}`: a Leaflet map of the page's features (served locally; usable without tiles), a table
 * of the flat properties, and the paging links.
 */
import type { Link } from '../links';
import { SENSOR_PROPERTIES } from '../sensor-properties';
import { html, scriptJson } from './escape';
import { definitionTable, page } from './layout';

export interface Feature {
  type: 'Feature';
  id: number;
  geometry: { type: string; coordinates: number[] } | null;
  properties: Record<string, string | boolean | null>;
}

interface CollectionRef {
  id: string;
  title: string;
}

const SUMMARY_COLUMNS = ['name', 'organisation', 'sensor_type_label', 'observed_properties', 'personal_data', 'status'] as const;

function titleOf(name: string): string {
  return SENSOR_PROPERTIES.find((property) => property.name === name)?.title ?? name;
}

function display(value: string | boolean | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'ja / yes' : 'nee / no';
  return value;
}

function mapBlock(itemsUrl: string, data: unknown): ReturnType<typeof html> {
  return html`<div id="map" class="map" data-items="${itemsUrl}" role="region" aria-label="Kaart / Map"></div>
<script type="application/json" id="features-data">${scriptJson(data)}</script>`;
}

export function itemsHtml(
  root: string,
  collection: CollectionRef,
  doc: { features: Feature[]; links: Link[]; numberMatched: number; numberReturned: number },
  offset: number,
): string {
  const itemsUrl = `${root}/collections/${collection.id}/items`;
  const next = doc.links.find((link) => link.rel === 'next' && link.type === 'text/html');
  const prev = doc.links.find((link) => link.rel === 'prev' && link.type === 'text/html');
  const first = doc.numberReturned === 0 ? 0 : offset + 1;
  const body = html`<p>${first}–${offset + doc.numberReturned} van / of ${doc.numberMatched}</p>
${mapBlock(itemsUrl, { type: 'FeatureCollection', features: doc.features })}
<table><thead><tr><th scope="col">Id</th>${SUMMARY_COLUMNS.map((name) => html`<th scope="col">${titleOf(name)}</th>`)}</tr></thead>
<tbody>${doc.features.map(
    (feature) => html`<tr><td><a href="${itemsUrl}/${feature.id}?f=html">${feature.id}</a></td>${SUMMARY_COLUMNS.map(
      (name) => html`<td>${display(feature.properties[name])}</td>`,
    )}</tr>`,
  )}</tbody></table>
<p class="paging">${prev ? html`<a href="${prev.href}" rel="prev">‹ Vorige / Previous</a>` : ''}${next ? html`<a href="${next.href}" rel="next">Volgende / Next ›</a>` : ''}</p>`;
  return page({
    root,
    title: collection.title,
    trail: [['Collections', `${root}/collections?f=html`], [collection.title, `${root}/collections/${collection.id}?f=html`], ['Items', '']],
    links: doc.links,
    body,
    map: true,
  });
}

export function itemHtml(root: string, collection: CollectionRef, feature: Feature, links: Link[]): string {
  const itemsUrl = `${root}/collections/${collection.id}/items`;
  const coordinates = feature.geometry ? feature.geometry.coordinates.join(', ') : null;
  const body = html`${mapBlock(itemsUrl, feature)}
${definitionTable([
    ['Id', feature.id],
    ['Locatie / Location (lon, lat)', coordinates],
    ...SENSOR_PROPERTIES.map((property) => [property.title, display(feature.properties[property.name])] as const),
  ])}`;
  return page({
    root,
    title: display(feature.properties.name),
    trail: [
      ['Collections', `${root}/collections?f=html`],
      [collection.title, `${root}/collections/${collection.id}?f=html`],
      ['Items', `${itemsUrl}?f=html`],
      [String(feature.id), ''],
    ],
    links,
    body,
    map: true,
  });
}
