/**
 * `/collections/{id}/queryables` — OGC API – Features Part 3 `/req/queryables/get-queryables-response`:
 * a JSON Schema 2020-12 object with `$id` = the resource URI, one property per queryable with its type
 * (`geometry` spatial, by format only), read from the collection's property declarations.
 */
import { SENSOR_PROPERTIES } from './sensor-properties';

/** One queryable in the JSON Schema. */
export interface QueryableSchema {
  title: string;
  description: string;
  type?: string;
  format?: string;
  'x-ogc-role'?: string;
}

export interface QueryablesDocument {
  $schema: string;
  $id: string;
  type: 'object';
  title: string;
  properties: Record<string, QueryableSchema>;
  additionalProperties: false;
}

export function queryablesDocument(url: string, title: string): QueryablesDocument {
  const properties: Record<string, QueryableSchema> = {
    geometry: { title: 'Locatie / Location', description: 'Current location of the installation', format: 'geometry-point', 'x-ogc-role': 'primary-geometry' },
  };
  for (const property of SENSOR_PROPERTIES) {
    properties[property.name] = {
      title: property.title,
      description: property.description,
      type: property.type,
      ...(property.format && { format: property.format }),
    };
  }
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: url,
    type: 'object',
    title,
    properties,
    additionalProperties: false,
  };
}
