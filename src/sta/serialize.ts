/**
 * Renders entity rows as SensorThings JSON (OGC 18-088 §9.2): `@iot.id` as a JSON number, absolute
 * `@iot.selfLink` and `<Nav>@iot.navigationLink`, properties by kind, `$select` projections and expanded
 * relations. Reads the model only.
 */
import type { EntityDef, PropertyDef } from '../model/types';
import { ALL, pickPaths, type Projection } from './projection';

/** A row as selected by `selectColumns`. */
export type Row = Record<string, unknown>;

/** Columns to select for an entity's properties, from table alias `alias`. */
export function selectColumns(entity: EntityDef, alias: string = entity.table): string[] {
  const columns = [`${alias}.id`];
  for (const prop of entity.properties) {
    if (prop.kind === 'interval') columns.push(`${alias}.${prop.column}_start`, `${alias}.${prop.column}_end`);
    else columns.push(`${alias}.${prop.column}`);
  }
  return columns;
}

function iso(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(String(value));
  return date.toISOString();
}

/** The API value of one property of a row. */
export function propertyValue(prop: PropertyDef, row: Row): unknown {
  switch (prop.kind) {
    case 'time':
      return iso(row[prop.column]);
    case 'interval': {
      const start = iso(row[`${prop.column}_start`]);
      const end = iso(row[`${prop.column}_end`]);
      if (start === null) return null;
      return end === null || end === start ? start : `${start}/${end}`;
    }
    default:
      return row[prop.column] ?? null;
  }
}

/** The absolute URL of an entity. */
export function selfLink(root: string, entity: EntityDef, id: number): string {
  return `${root}/${entity.set}(${id})`;
}

/** Inline content of expanded relations: `Datastreams` → value, plus `Datastreams@iot.count` etc. */
export type Expanded = Record<string, unknown>;

/** One entity as SensorThings JSON. */
export function serializeEntity(
  root: string,
  entity: EntityDef,
  row: Row,
  projection: Projection = ALL,
  expanded: Expanded = {},
): Record<string, unknown> {
  const id = Number(row.id);
  const self = selfLink(root, entity, id);
  const json: Record<string, unknown> = {};
  if (projection.all || projection.id) json['@iot.id'] = id;
  if (projection.all) json['@iot.selfLink'] = self;
  for (const prop of entity.properties) {
    const paths = projection.jsonPaths.get(prop.name);
    if (projection.all || projection.properties.has(prop.name)) {
      const value = propertyValue(prop, row);
      if (value !== null || prop.required || !projection.all) json[prop.name] = value;
    } else if (paths) {
      json[prop.name] = pickPaths(propertyValue(prop, row), paths);
    }
  }
  for (const rel of entity.relations) {
    if (projection.all || projection.navigation.has(rel.name)) json[`${rel.name}@iot.navigationLink`] = `${self}/${rel.name}`;
  }
  return { ...json, ...expanded };
}
