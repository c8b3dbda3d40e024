/**
 * The OpenAPI 3.0 definition, generated from the same declarations the handlers use — OGC API – Features
 * Part 1 `/req/oas30/oas-definition-1`…`completeness` (every path, parameter and status code served),
 * ETS expectations (absolute `servers[].url`; `limit` form/explode=false with minimum, maximum, default;
 * `bbox` 4–6 items), QGIS (`components.parameters.limit`; the literal `/collections/sensors/items` path lists
 * the simple queryables), and NL ADR (`API-Version` header on 2xx, problem+json, `info.contact`, semver).
 */
import { COLLECTIONS } from './collections';
import { CRS84, SUPPORTED_CRS } from './crs';
import { ITEMS_PARAMETERS, LIMIT_DEFAULT, LIMIT_MAX } from './items-query';
import { GEOJSON, HTML, JSON_TYPE, OPENAPI, SCHEMA_JSON } from './negotiate';
import { QUERY_PARAMETER_PROPERTIES, type FeatureProperty } from './sensor-properties';

/** Semver of this API; sent in `API-Version` and `info.version`. */
export const API_VERSION = '1.0.0';

const ref = (kind: string, name: string): { $ref: string } => ({ $ref: `#/components/${kind}/${name}` });
const CRS_URIS = SUPPORTED_CRS.map((crs) => crs.uri);
const PROBLEM = 'application/problem+json';

function crsParameter(name: 'crs' | 'bbox-crs' | 'filter-crs', description: string): Record<string, unknown> {
  return {
    name,
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description,
    schema: { type: 'string', format: 'uri', enum: CRS_URIS, default: CRS84 },
  };
}

const PARAMETERS: Record<string, unknown> = {
  f: {
    name: 'f',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description: 'Format of the response, overriding the Accept header.',
    schema: { type: 'string', enum: ['json', 'html'] },
  },
  limit: {
    name: 'limit',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description: `Number of features per page (default ${LIMIT_DEFAULT}; larger values than ${LIMIT_MAX} are reduced to ${LIMIT_MAX}).`,
    schema: { type: 'integer', minimum: 1, maximum: LIMIT_MAX, default: LIMIT_DEFAULT },
  },
  offset: {
    name: 'offset',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description: 'Number of features to skip (use the `next`/`prev` links).',
    schema: { type: 'integer', minimum: 0, default: 0 },
  },
  bbox: {
    name: 'bbox',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description:
      'Only features intersecting this box: minx,miny,maxx,maxy (or 6 numbers with heights) in `bbox-crs` (default CRS84, lon/lat); minx > maxx crosses the antimeridian.',
    schema: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } },
  },
  'bbox-crs': crsParameter('bbox-crs', 'CRS of `bbox`. EPSG:4326 and EPSG:4258 take latitude first.'),
  crs: crsParameter('crs', 'CRS of the returned geometries. EPSG:4326 and EPSG:4258 are given latitude first.'),
  filter: {
    name: 'filter',
    in: 'query',
    required: false,
    description:
      "A CQL2 filter (OGC API – Features Part 3) over the queryables, e.g. `organisation_slug = 'den-haag' AND personal_data = true`, `S_INTERSECTS(geometry, BBOX(4.2,52,4.4,52.1))`, `CASEI(name) LIKE '%camera%'`.",
    schema: { type: 'string' },
  },
  'filter-lang': {
    name: 'filter-lang',
    in: 'query',
    required: false,
    description: 'Language of `filter`: CQL2 text or CQL2 JSON.',
    schema: { type: 'string', enum: ['cql2-text', 'cql2-json'], default: 'cql2-text' },
  },
  sortby: {
    name: 'sortby',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description:
      'Order of the features: queryables (or `id`), comma-separated, each prefixed with `+` (ascending, default) or `-` (descending), e.g. `organisation,-updated`. Missing values sort last; ties by id.',
    schema: { type: 'array', items: { type: 'string', pattern: '^[+-]?[a-z_]+$' } },
  },
  'filter-crs': crsParameter('filter-crs', 'CRS of the geometry literals in `filter`. EPSG:4326 and EPSG:4258 take latitude first.'),
  datetime: {
    name: 'datetime',
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description:
      'Only features whose `updated` lies at this RFC 3339 instant (at its resolution) or in this interval (`start/end`, `..` for an open end).',
    schema: { type: 'string' },
  },
  collectionId: {
    name: 'collectionId',
    in: 'path',
    required: true,
    description: 'Collection id.',
    schema: { type: 'string', enum: COLLECTIONS.map((collection) => collection.id) },
  },
  featureId: { name: 'featureId', in: 'path', required: true, description: 'Feature id (the SensorThings Thing id).', schema: { type: 'integer', minimum: 1 } },
};

function propertyParameter(property: FeatureProperty): Record<string, unknown> {
  return {
    name: property.name,
    in: 'query',
    required: false,
    style: 'form',
    explode: false,
    description: `Only features whose ${property.name} equals this value. ${property.description}.`,
    schema: { type: property.type },
  };
}

const headers = (...names: string[]): Record<string, unknown> => Object.fromEntries(names.map((name) => [name, ref('headers', name)]));

function ok(description: string, jsonType: string, schema: unknown, extraHeaders: string[] = []): Record<string, unknown> {
  return {
    description,
    headers: headers('API-Version', ...extraHeaders),
    content: { [jsonType]: { schema }, [HTML]: { schema: { type: 'string' } } },
  };
}

const errors = (...codes: number[]): Record<string, unknown> =>
  Object.fromEntries(codes.map((code) => [String(code), ref('responses', String(code))]));

function operation(summary: string, operationId: string, parameters: unknown[], responses: Record<string, unknown>, tag: string): Record<string, unknown> {
  return { get: { tags: [tag], summary, operationId, parameters, responses } };
}

const ITEMS_PARAMETER_REFS = ITEMS_PARAMETERS.map((name) => ref('parameters', name));

function itemsOperation(operationId: string, pathParameters: unknown[], extra: unknown[]): Record<string, unknown> {
  return operation(
    'The features of a collection, paged',
    operationId,
    [...pathParameters, ...ITEMS_PARAMETER_REFS, ...extra],
    {
      200: ok('A GeoJSON FeatureCollection with `next`/`prev` links.', GEOJSON, ref('schemas', 'featureCollectionGeoJSON'), ['Content-Crs']),
      ...errors(400, 404, 406, 500),
    },
    'Data',
  );
}

const LINK_SCHEMA = {
  type: 'object',
  required: ['href', 'rel'],
  properties: { href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' }, title: { type: 'string' }, hreflang: { type: 'string' } },
};

const SCHEMAS: Record<string, unknown> = {
  link: LINK_SCHEMA,
  landingPage: {
    type: 'object',
    required: ['links'],
    properties: { title: { type: 'string' }, description: { type: 'string' }, links: { type: 'array', items: ref('schemas', 'link') } },
  },
  confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
  extent: {
    type: 'object',
    properties: {
      spatial: {
        type: 'object',
        properties: {
          bbox: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, maxItems: 6, items: { type: 'number' } } },
          crs: { type: 'string', default: CRS84 },
        },
      },
      temporal: {
        type: 'object',
        properties: {
          interval: {
            type: 'array',
            minItems: 1,
            items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', format: 'date-time', nullable: true } },
          },
          trs: { type: 'string' },
        },
      },
    },
  },
  collection: {
    type: 'object',
    required: ['id', 'links'],
    properties: {
      id: { type: 'string' },
      title: { type: 'string' },
      description: { type: 'string' },
      links: { type: 'array', items: ref('schemas', 'link') },
      extent: ref('schemas', 'extent'),
      itemType: { type: 'string', default: 'feature' },
      crs: { type: 'array', items: { type: 'string' } },
      storageCrs: { type: 'string', format: 'uri' },
    },
  },
  collections: {
    type: 'object',
    required: ['links', 'collections'],
    properties: {
      links: { type: 'array', items: ref('schemas', 'link') },
      crs: { type: 'array', items: { type: 'string' } },
      collections: { type: 'array', items: ref('schemas', 'collection') },
    },
  },
  pointGeoJSON: {
    type: 'object',
    required: ['type', 'coordinates'],
    properties: { type: { type: 'string', enum: ['Point'] }, coordinates: { type: 'array', minItems: 2, items: { type: 'number' } } },
  },
  featureGeoJSON: {
    type: 'object',
    required: ['type', 'geometry', 'properties'],
    properties: {
      type: { type: 'string', enum: ['Feature'] },
      id: { type: 'integer' },
      geometry: { allOf: [ref('schemas', 'pointGeoJSON')], nullable: true },
      properties: { type: 'object', nullable: true },
      links: { type: 'array', items: ref('schemas', 'link') },
    },
  },
  featureCollectionGeoJSON: {
    type: 'object',
    required: ['type', 'features'],
    properties: {
      type: { type: 'string', enum: ['FeatureCollection'] },
      features: { type: 'array', items: ref('schemas', 'featureGeoJSON') },
      links: { type: 'array', items: ref('schemas', 'link') },
      timeStamp: { type: 'string', format: 'date-time' },
      numberMatched: { type: 'integer', minimum: 0 },
      numberReturned: { type: 'integer', minimum: 0 },
    },
  },
  queryables: {
    type: 'object',
    required: ['$schema', '$id', 'type', 'properties'],
    properties: { $schema: { type: 'string' }, $id: { type: 'string' }, type: { type: 'string' }, properties: { type: 'object' } },
  },
  problem: {
    type: 'object',
    description: 'RFC 9457 problem details.',
    required: ['title', 'status'],
    properties: {
      type: { type: 'string', format: 'uri' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
    },
  },
};

function problemResponse(description: string): Record<string, unknown> {
  return { description, headers: headers('API-Version'), content: { [PROBLEM]: { schema: ref('schemas', 'problem') } } };
}

/** The OpenAPI 3.0 document for the API at `root`. */
export function openApiDocument(root: string): Record<string, unknown> {
  const queryParameters = QUERY_PARAMETER_PROPERTIES.map(propertyParameter);
  const collectionPaths: Record<string, unknown> = {};
  for (const collection of COLLECTIONS) {
    collectionPaths[`/collections/${collection.id}/items`] = itemsOperation(`getItems_${collection.id}`, [], queryParameters);
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Sensorregister — OGC API Features',
      version: API_VERSION,
      description:
        'Sensors placed in Dutch public space by government bodies, as OGC API – Features (Parts 1, 2 and 3: core, GeoJSON, HTML, OpenAPI 3.0, CRS by reference, queryables and CQL2 filtering). Published registrations only; metadata, never measurements.',
      contact: { name: 'Sensorregister', url: root, email: 'info@sensorregister.nl' },
      license: { name: 'CC0 1.0', url: 'https://creativecommons.org/publicdomain/zero/1.0/' },
    },
    servers: [{ url: root, description: 'This server' }],
    tags: [
      { name: 'Capabilities', description: 'Landing page, conformance, API definition and collections' },
      { name: 'Data', description: 'Features' },
    ],
    paths: {
      '/': operation('Landing page', 'getLandingPage', [ref('parameters', 'f')], { 200: ok('Links to the API resources.', JSON_TYPE, ref('schemas', 'landingPage')), ...errors(400, 406, 500) }, 'Capabilities'),
      '/conformance': operation('Conformance classes implemented', 'getConformance', [ref('parameters', 'f')], { 200: ok('The conformance classes.', JSON_TYPE, ref('schemas', 'confClasses')), ...errors(400, 406, 500) }, 'Capabilities'),
      '/api': operation('This API definition (OpenAPI 3.0)', 'getApi', [ref('parameters', 'f')], { 200: ok('The OpenAPI document.', OPENAPI, { type: 'object' }), ...errors(400, 406, 500) }, 'Capabilities'),
      '/openapi.json': operation('This API definition as JSON (NL API Design Rules)', 'getOpenApiJson', [], {
        200: { description: 'The OpenAPI document.', headers: headers('API-Version'), content: { [JSON_TYPE]: { schema: { type: 'object' } } } },
        ...errors(400, 500),
      }, 'Capabilities'),
      '/collections': operation('The feature collections', 'getCollections', [ref('parameters', 'f')], { 200: ok('The collections.', JSON_TYPE, ref('schemas', 'collections')), ...errors(400, 406, 500) }, 'Capabilities'),
      '/collections/{collectionId}': operation('One collection', 'getCollection', [ref('parameters', 'collectionId'), ref('parameters', 'f')], {
        200: ok('The collection.', JSON_TYPE, ref('schemas', 'collection')),
        ...errors(400, 404, 406, 500),
      }, 'Capabilities'),
      '/collections/{collectionId}/queryables': operation('The properties usable in filters', 'getQueryables', [ref('parameters', 'collectionId'), ref('parameters', 'f')], {
        200: ok('A JSON Schema of the queryables.', SCHEMA_JSON, ref('schemas', 'queryables')),
        ...errors(400, 404, 406, 500),
      }, 'Capabilities'),
      '/collections/{collectionId}/items': itemsOperation('getItems', [ref('parameters', 'collectionId')], []),
      ...collectionPaths,
      '/collections/{collectionId}/items/{featureId}': operation('One feature', 'getItem', [ref('parameters', 'collectionId'), ref('parameters', 'featureId'), ref('parameters', 'f'), ref('parameters', 'crs')], {
        200: ok('A GeoJSON Feature.', GEOJSON, ref('schemas', 'featureGeoJSON'), ['Content-Crs']),
        ...errors(400, 404, 406, 500),
      }, 'Data'),
    },
    components: {
      parameters: PARAMETERS,
      schemas: SCHEMAS,
      headers: {
        'API-Version': { description: 'Semantic version of this API (NL API Design Rules).', schema: { type: 'string', example: API_VERSION } },
        'Content-Crs': { description: 'CRS of the geometries in the response, as <URI>.', schema: { type: 'string' } },
      },
      responses: {
        400: problemResponse('Bad request: an unknown query parameter or an invalid value.'),
        404: problemResponse('No such resource.'),
        406: problemResponse('None of the acceptable media types can be served.'),
        500: problemResponse('Server error.'),
      },
    },
  };
}
