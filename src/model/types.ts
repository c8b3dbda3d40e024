/**
 * The shape of the entity model declaration. The model is data (DESIGN.md "The model is data"): the path
 * parser, the SQL builder, the serializer and (later) the OpenAPI document all read these declarations.
 */

/** How a property is stored and rendered. */
export type PropertyKind =
  /** a text column */
  | 'text'
  /** a jsonb column rendered as-is (properties, unitOfMeasurement, result, parameters) */
  | 'json'
  /** a jsonb column with the original GeoJSON, mirrored by a PostGIS geometry column `geometryColumn` */
  | 'geojson'
  /** a timestamptz column rendered as ISO 8601 */
  | 'time'
  /** two timestamptz columns `<column>_start` / `<column>_end` rendered as an ISO 8601 instant or interval */
  | 'interval';

/** One property of an entity type. */
export interface PropertyDef {
  /** Name in the API (`encodingType`). */
  readonly name: string;
  /** Column name (`encoding_type`); for intervals the column prefix. */
  readonly column: string;
  readonly kind: PropertyKind;
  /** Mandatory in the data model (rendered even when null, e.g. Observation.resultTime). */
  readonly required: boolean;
  /** For `geojson`: the PostGIS column (SRID 4326) kept in step with the GeoJSON. */
  readonly geometryColumn?: string;
}

/** How two entity types are joined in SQL. */
export type JoinDef =
  /** the source table holds a foreign key column to the target (`datastreams.thing_id` for Datastream→Thing) */
  | { readonly kind: 'fk-here'; readonly column: string }
  /** the target table holds a foreign key column to the source (`datastreams.thing_id` for Thing→Datastreams) */
  | { readonly kind: 'fk-there'; readonly column: string }
  /** a link table: `from` references the source, `to` the target */
  | { readonly kind: 'link'; readonly table: string; readonly from: string; readonly to: string };

/** A navigation property. */
export interface RelationDef {
  /** Name in the API (`Datastreams`, `Thing`). */
  readonly name: string;
  /** Target entity type name. */
  readonly target: EntityName;
  /** To-many (collection) or to-one. */
  readonly many: boolean;
  readonly join: JoinDef;
}

export type EntityName =
  | 'Thing'
  | 'Location'
  | 'HistoricalLocation'
  | 'Datastream'
  | 'Sensor'
  | 'ObservedProperty'
  | 'Observation'
  | 'FeatureOfInterest';

/** One SensorThings entity type. */
export interface EntityDef {
  readonly name: EntityName;
  /** Entity set name (`Things`). */
  readonly set: string;
  readonly table: string;
  readonly properties: readonly PropertyDef[];
  readonly relations: readonly RelationDef[];
  /**
   * Navigation path from Thing to this entity type: an entity is public when it hangs off a public Thing
   * along this path (empty for Thing itself). Read by the publication policy.
   */
  readonly publicVia: readonly string[];
}
