/**
 * SQL for the `sensors` collection (OGC API – Features Part 1 `/req/core/fc-response`, `/req/core/f-success`;
 * Part 2 `/req/crs/fc-crs-action`): one row per visible Thing with its current Location and the flat
 * properties of `sensor-properties.ts`, filtered by bbox, datetime and property equality, ordered by id.
 * GeoJSON is built by PostgreSQL (json_build_object / ST_AsGeoJSON) and passed through as text — measured
 * faster than assembling objects in Node (see test/features/bench-geojson.ts). Values are always bound;
 * identifiers come only from the declarations.
 */
import type { Knex } from 'knex';
import { entity } from '../model/entities';
import { ANONYMOUS, visibleCondition } from '../register/publication';
import { splitAtAntimeridian, type BoundingBox } from './bbox';
import type { CrsDef } from './crs';
import type { TimeFilter } from './datetime';
import { SENSOR_PROPERTIES, type FeatureProperty } from './sensor-properties';
import { orderBySql, type SortKey } from './sortby';

/** A property equality from the query string, value already typed. */
export interface PropertyEquals {
  readonly property: FeatureProperty;
  readonly value: string | boolean;
}

/**
 * A condition on the derived table `f` (columns: the queryable names, `geom` in SRID 4326 and `id`) — the seam
 * for CQL2 (`filter`). `reads` names the columns it uses ('geometry' for `geom`), so only those are computed
 * for rows that are filtered but not returned.
 */
export interface FeatureCondition {
  readonly apply: (query: Knex.QueryBuilder) => void;
  readonly reads: ReadonlySet<string>;
}

/** Narrows the feature rows. */
export interface FeatureFilter {
  readonly bbox?: BoundingBox;
  readonly time?: TimeFilter;
  readonly equals?: readonly PropertyEquals[];
  readonly where?: FeatureCondition;
}

const LOCATION_JOIN = `LEFT JOIN LATERAL (
    SELECT l.geom FROM things_locations tl JOIN locations l ON l.id = tl.location_id
    WHERE tl.thing_id = t.id ORDER BY l.updated_at DESC, l.id DESC LIMIT 1
  ) loc ON true`;

const THEMES = `(SELECT string_agg(DISTINCT theme, ',' ORDER BY theme)
      FROM datastreams d2 CROSS JOIN LATERAL jsonb_array_elements_text(
        CASE WHEN jsonb_typeof(d2.properties->'themes') = 'array' THEN d2.properties->'themes' ELSE '[]'::jsonb END) AS theme
      WHERE d2.thing_id = t.id)`;

const DATASTREAMS_JOIN = `LEFT JOIN LATERAL (
    SELECT
      string_agg(DISTINCT sen.properties->>'sensorType', ',' ORDER BY sen.properties->>'sensorType') AS sensor_type,
      string_agg(DISTINCT st.label_nl, ', ' ORDER BY st.label_nl) AS sensor_type_label,
      string_agg(DISTINCT op.name, ', ' ORDER BY op.name) AS observed_properties,
      string_agg(DISTINCT d.properties->>'purpose', '; ' ORDER BY d.properties->>'purpose') AS purpose,
      bool_or(CASE d.properties->>'personalData' WHEN 'true' THEN true WHEN 'false' THEN false END) AS personal_data,
      string_agg(DISTINCT d.properties->>'legalGround', ',' ORDER BY d.properties->>'legalGround') AS legal_ground,
      ${THEMES} AS themes
    FROM datastreams d
    JOIN sensors sen ON sen.id = d.sensor_id
    JOIN observed_properties op ON op.id = d.observed_property_id
    LEFT JOIN sensor_types st ON st.code = sen.properties->>'sensorType'
    WHERE d.thing_id = t.id
  ) ds ON true`;

/** Everything needed to evaluate all columns (for output and for an opaque `where` callback). */
const ALL = { geometry: true, properties: SENSOR_PROPERTIES } as const;

interface Needs {
  geometry: boolean;
  properties: readonly FeatureProperty[];
}

/**
 * The derived table `f`: id, geom and the requested property columns of every visible Thing — or, given `ids`
 * (a SELECT of Thing ids), of those only: the Things are then looked up by id, so the per-Thing joins run for
 * the chosen rows alone instead of on a scan of every Thing joined to the set.
 */
function featureRows(knex: Knex, needs: Needs, ids?: Knex.QueryBuilder): Knex.QueryBuilder {
  const columns = [
    't.id',
    ...(needs.geometry ? ['loc.geom'] : []),
    ...needs.properties.map((property) => knex.raw(`${property.sql} AS ??`, [property.name])),
  ];
  const query = knex('things as t').select(columns);
  // An array of the chosen ids (computed once) lets the planner look each Thing up by primary key.
  if (ids) query.whereRaw('t.id = ANY(ARRAY(?))', [ids]);
  const from = new Set(needs.properties.map((property) => property.source));
  if (from.has('organisation')) query.join('organisations as o', 'o.id', 't.organisation_id');
  if (needs.geometry) query.joinRaw(LOCATION_JOIN);
  if (from.has('datastreams')) query.joinRaw(DATASTREAMS_JOIN);
  return visibleCondition(knex, query, entity('Thing'), 't', ANONYMOUS);
}

/** The box as a SRID 4326 polygon expression with its bindings (projected boxes densified before transforming). */
function envelope(knex: Knex, box: BoundingBox): Knex.Raw {
  const { srid, geographic } = box.crs;
  const corners = [box.minX, box.minY, box.maxX, box.maxY];
  // ST_Envelope turns a degenerate box (a point or a line) into a geometry ST_Intersects handles.
  if (srid === 4326) return knex.raw('ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, 4326))', corners);
  if (geographic) return knex.raw('ST_Transform(ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, ?::int)), 4326)', [...corners, srid]);
  return knex.raw('ST_Transform(ST_Segmentize(ST_Envelope(ST_MakeEnvelope(?, ?, ?, ?, ?::int)), 1000), 4326)', [...corners, srid]);
}

/**
 * Things with any Location intersecting one of `boxes`, found through the GIST index on locations.geom: a
 * superset of the Things whose current Location does, so it narrows the rows before that exact test.
 */
function bboxCandidates(knex: Knex, boxes: readonly Knex.Raw[]): Knex.QueryBuilder {
  return knex('things_locations as tl')
    .select('tl.thing_id')
    .join('locations as l', 'l.id', 'tl.location_id')
    .where((any) => {
      for (const box of boxes) any.orWhereRaw('ST_Intersects(l.geom, ?)', [box]);
    });
}

function applyFilter(knex: Knex, query: Knex.QueryBuilder, filter: FeatureFilter): Knex.QueryBuilder {
  if (filter.bbox) {
    const boxes = splitAtAntimeridian(filter.bbox).map((box) => envelope(knex, box));
    query.whereIn('f.id', bboxCandidates(knex, boxes));
    query.where((any) => {
      for (const box of boxes) any.orWhereRaw('ST_Intersects(f.geom, ?)', [box]);
    });
  }
  if (filter.time?.start) query.whereRaw('f.updated >= ?::timestamptz', [filter.time.start.instant]);
  if (filter.time?.end) query.whereRaw('f.updated < ?::timestamptz + ?::interval', [filter.time.end.instant, filter.time.end.resolution]);
  for (const { property, value } of filter.equals ?? []) query.where(`f.${property.name}`, value);
  if (filter.where) query.where(filter.where.apply);
  return query;
}

/** The columns the filter reads. */
function needsOf(filter: FeatureFilter): Needs {
  const names = new Set([...(filter.equals ?? []).map((equals) => equals.property.name), ...(filter.where?.reads ?? [])]);
  if (filter.time) names.add('updated');
  const geometry = filter.bbox !== undefined || names.has('geometry');
  return { geometry, properties: SENSOR_PROPERTIES.filter((property) => names.has(property.name)) };
}

/** `ST_AsGeoJSON` of `f.geom` in `crs`, axis order and precision included. */
function geometryJson(knex: Knex, crs: CrsDef): Knex.Raw {
  const transformed = crs.srid === 4326 ? 'f.geom' : 'ST_Transform(f.geom, ?::int)';
  const ordered = crs.latLon ? `ST_FlipCoordinates(${transformed})` : transformed;
  const bindings = crs.srid === 4326 ? [crs.decimals] : [crs.srid, crs.decimals];
  return knex.raw(`ST_AsGeoJSON(${ordered}, ?::int, 0)::json`, bindings);
}

/** The derived table with every column (`id`, `geom`, each queryable): for callers that build their own SELECT. */
export function allFeatureRows(knex: Knex): Knex.QueryBuilder {
  return featureRows(knex, ALL);
}

/** SELECT of GeoJSON Feature texts (`feature`) for the visible Things with the ids `ids` selects, in `crs`. */
function featureSelect(knex: Knex, ids: Knex.QueryBuilder | number, crs: CrsDef): Knex.QueryBuilder {
  const properties = SENSOR_PROPERTIES.map((property) => `'${property.name}', ${property.output ?? `f.${property.name}`}`).join(', ');
  const feature = knex.raw(
    `json_build_object('type', 'Feature', 'id', f.id, 'geometry', ?, 'properties', json_build_object(${properties}))::text AS feature`,
    [geometryJson(knex, crs)],
  );
  if (typeof ids === 'number') return knex.from(featureRows(knex, ALL).as('f')).select(feature).where('f.id', ids);
  return knex.from(featureRows(knex, ALL, ids).as('f')).select(feature);
}

/** A page: its size, its start and the order (`sortby`; always ending with the id, so paging is stable). */
export interface FeaturePageRequest {
  readonly limit: number;
  readonly offset: number;
  readonly sort?: readonly SortKey[];
}

/** The ids of one page (with `matched__`, the count of all matching rows, when `counted`), computing only the columns the filter and the order read. */
function pageIds(knex: Knex, filter: FeatureFilter, page: FeaturePageRequest, counted: boolean): Knex.QueryBuilder {
  const sort = page.sort ?? [];
  const needs = needsOf(filter);
  const sorted = new Set(sort.flatMap((key) => (key.property ? [key.property.name] : [])));
  const pageNeeds = { ...needs, properties: SENSOR_PROPERTIES.filter((property) => sorted.has(property.name) || needs.properties.includes(property)) };
  const ids = applyFilter(knex, knex.from(featureRows(knex, pageNeeds).as('f')).select('f.id'), filter);
  if (counted) ids.select(knex.raw('count(*) OVER () AS matched__'));
  return ids.orderByRaw(orderBySql(sort)).limit(page.limit).offset(page.offset);
}

/**
 * One page of features as GeoJSON texts. The page's ids are chosen first, computing only the columns the
 * filter and the order read; the full features are built for those ids alone.
 */
export async function featurePage(knex: Knex, filter: FeatureFilter, page: FeaturePageRequest, crs: CrsDef): Promise<string[]> {
  const rows: Array<{ feature: string }> = await featureSelect(knex, pageIds(knex, filter, page, false), crs).orderByRaw(orderBySql(page.sort ?? []));
  return rows.map((row) => row.feature);
}

/** Whether the filter narrows the features (so counting them costs as much as finding them). */
const narrows = (filter: FeatureFilter): boolean =>
  filter.bbox !== undefined || filter.time !== undefined || filter.where !== undefined || (filter.equals ?? []).length > 0;

/**
 * A page and `numberMatched`. With a narrowing filter both come from one statement — the matching rows are
 * found once and counted by a window over them — else (every feature) the page stops at its limit and an
 * index-only count runs beside it. A page beyond the last feature has no row to carry the count: then it is
 * counted on its own.
 */
export async function featuresAndCount(
  knex: Knex,
  filter: FeatureFilter,
  page: FeaturePageRequest,
  crs: CrsDef,
): Promise<{ features: string[]; matched: number }> {
  if (!narrows(filter)) {
    const [features, matched] = await Promise.all([featurePage(knex, filter, page, crs), countFeatures(knex, filter)]);
    return { features, matched };
  }
  const rows: Array<{ feature: string; matched: number }> = await featureSelect(knex, knex('chosen').select('id'), crs)
    .with('chosen', pageIds(knex, filter, page, true))
    .select(knex.raw('(SELECT matched__ FROM chosen LIMIT 1) AS matched'))
    .orderByRaw(orderBySql(page.sort ?? []));
  const features = rows.map((row) => row.feature);
  return { features, matched: rows.length > 0 ? Number(rows[0]!.matched) : await countFeatures(knex, filter) };
}

/** How many features match (`numberMatched`). */
export async function countFeatures(knex: Knex, filter: FeatureFilter): Promise<number> {
  const query = applyFilter(knex, knex.from(featureRows(knex, needsOf(filter)).as('f')), filter);
  const row = await query.count<{ count: string | number }>({ count: '*' }).first();
  return Number(row?.count ?? 0);
}

/** One visible feature by id as GeoJSON text, or undefined. */
export async function featureById(knex: Knex, id: number, crs: CrsDef): Promise<string | undefined> {
  const row: { feature: string } | undefined = await featureSelect(knex, id, crs).first();
  return row?.feature;
}

/** Spatial (SRID 4326) and temporal extent of the visible features. */
export interface DataExtent {
  readonly bbox: readonly [number, number, number, number] | null;
  readonly interval: readonly [string | null, string | null];
}

export async function dataExtent(knex: Knex): Promise<DataExtent> {
  const rows = featureRows(knex, { geometry: true, properties: SENSOR_PROPERTIES.filter((property) => property.name === 'updated') });
  const row = await knex
    .from(rows.as('f'))
    .select(
      knex.raw('ST_XMin(ST_Extent(f.geom)) AS min_x, ST_YMin(ST_Extent(f.geom)) AS min_y'),
      knex.raw('ST_XMax(ST_Extent(f.geom)) AS max_x, ST_YMax(ST_Extent(f.geom)) AS max_y'),
      knex.raw(`to_char(min(f.updated) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS first_update`),
    )
    .first();
  const bbox = row && row.min_x !== null ? ([row.min_x, row.min_y, row.max_x, row.max_y].map(Number) as [number, number, number, number]) : null;
  return { bbox, interval: [row?.first_update ?? null, null] };
}
