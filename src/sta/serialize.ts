/**
 * Renders entity rows as SensorThings JSON (OGC 18-088 §9.2): `@iot.id` as a JSON number, absolute
 * `@iot.selfLink` and `<Nav>@iot.navigationLink`, properties by kind. Reads the model only.
 */
import type { EntityDef, PropertyDef } from '../model/types';

/** A row as selected by `selectColumns`. */
export type Row = Record<string, unknown>;

/** Columns to select for an entity's properties. */
export function selectColumns(entity: EntityDef): string[] {
  const columns = [`${entity.table}.id`];
  for (const prop of entity.properties) {
    if (prop.kind === 'interval') columns.push(`${entity.table}.${prop.column}_start`, `${entity.table}.${prop.column}_end`);
    else columns.push(`${entity.table}.${prop.column}`);
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

/** One entity as SensorThings JSON. */
export function serializeEntity(root: string, entity: EntityDef, row: Row): Record<string, unknown> {
  const id = Number(row.id);
  const self = selfLink(root, entity, id);
  const json: Record<string, unknown> = { '@iot.id': id, '@iot.selfLink': self };
  for (const prop of entity.properties) {
    const value = propertyValue(prop, row);
    if (value !== null || prop.required) json[prop.name] = value;
  }
  for (const rel of entity.relations) json[`${rel.name}@iot.navigationLink`] = `${self}/${rel.name}`;
  return json;
}
