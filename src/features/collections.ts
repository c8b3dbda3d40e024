/**
 * Collection metadata — OGC API – Features Part 1 `/req/core/fc-md-success`, `fc-md-items`, `fc-md-extent`,
 * `sfc-md-success` (the same object in `/collections` and `/collections/{id}`), and Part 2
 * `/req/crs/fc-md-crs-list` + `fc-md-storageCrs` (CRS84 listed; storageCrs in the collection's own list).
 * The advertised bbox is padded by 0.15° so corner-converted boxes (ETS bbox-crs test) still cover every feature.
 */
import type { Knex } from 'knex';
import { CRS84, STORAGE_CRS, SUPPORTED_CRS } from './crs';
import { dataExtent } from './feature-sql';
import { type Link } from './links';
import { GEOJSON, HTML, JSON_TYPE, SCHEMA_JSON } from './negotiate';

/** A collection the API serves. */
export interface CollectionDef {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export const COLLECTIONS: readonly CollectionDef[] = [
  {
    id: 'sensors',
    title: 'Sensoren in de openbare ruimte / Sensors in public space',
    description:
      'One feature per published sensor installation (SensorThings Thing) at its current location: who placed it, what it measures, why, and whether it processes personal data.',
  },
];

export function collectionById(id: string): CollectionDef | undefined {
  return COLLECTIONS.find((collection) => collection.id === id);
}

const PADDING_DEGREES = 0.15;
/** The Netherlands, for an empty collection. */
const NETHERLANDS: readonly [number, number, number, number] = [3.2, 50.7, 7.3, 53.6];
export const QUERYABLES_REL = 'http://www.opengis.net/def/rel/ogc/1.0/queryables';

/** Rounds to 6 decimals away from the data; float noise below 1e-9 is ignored first (4.3 − 0.15 → 4.15). */
function outward(value: number, up: boolean): number {
  const micro = Math.round(value * 1e9) / 1e3;
  return (up ? Math.ceil(micro) : Math.floor(micro)) / 1e6;
}

/** The bbox padded and rounded outward, clamped to the world. */
export function paddedBbox(bbox: readonly [number, number, number, number] | null): number[] {
  if (!bbox) return [...NETHERLANDS];
  const [minX, minY, maxX, maxY] = bbox;
  return [
    Math.max(-180, outward(minX - PADDING_DEGREES, false)),
    Math.max(-90, outward(minY - PADDING_DEGREES, false)),
    Math.min(180, outward(maxX + PADDING_DEGREES, true)),
    Math.min(90, outward(maxY + PADDING_DEGREES, true)),
  ];
}

/** The links of a collection, the same in the list and on its own page. */
export function collectionLinks(root: string, collection: CollectionDef): Link[] {
  const url = `${root}/collections/${collection.id}`;
  return [
    { href: url, rel: 'self', type: JSON_TYPE, title: `${collection.title} (JSON)` },
    { href: `${url}?f=html`, rel: 'alternate', type: HTML, title: `${collection.title} (HTML)` },
    { href: `${url}/items`, rel: 'items', type: GEOJSON, title: 'Features (GeoJSON)' },
    { href: `${url}/items?f=html`, rel: 'items', type: HTML, title: 'Features (HTML)' },
    { href: `${url}/queryables`, rel: QUERYABLES_REL, type: SCHEMA_JSON, title: 'Queryables (JSON Schema)' },
  ];
}

/** The collection object of `/collections` and `/collections/{id}`. */
export interface CollectionDocument {
  id: string;
  title: string;
  description: string;
  links: Link[];
  extent: {
    spatial: { bbox: number[][]; crs: string };
    temporal: { interval: Array<Array<string | null>>; trs: string };
  };
  itemType: 'feature';
  crs: string[];
  storageCrs: string;
}

export async function collectionDocument(knex: Knex, root: string, collection: CollectionDef): Promise<CollectionDocument> {
  const extent = await dataExtent(knex);
  return {
    id: collection.id,
    title: collection.title,
    description: collection.description,
    links: collectionLinks(root, collection),
    extent: {
      spatial: { bbox: [paddedBbox(extent.bbox)], crs: CRS84 },
      temporal: { interval: [[...extent.interval]], trs: 'http://www.opengis.net/def/uom/ISO-8601/0/Gregorian' },
    },
    itemType: 'feature',
    crs: SUPPORTED_CRS.map((crs) => crs.uri),
    storageCrs: STORAGE_CRS,
  };
}
