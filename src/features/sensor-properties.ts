/**
 * The flat properties of the `sensors` collection, declared once as data: the SQL that computes each from the
 * SensorThings tables, its JSON Schema type, and whether it is a simple query parameter. The feature SQL, the
 * queryables (OGC API – Features Part 3 `/req/queryables`), the query parameters
 * (`/req/queryables-query-parameters`), the OpenAPI document and the HTML pages all read this list.
 *
 * SQL aliases: `t` things, `o` organisations, `ds` the per-Thing datastream aggregate (see feature-sql.ts).
 */

/** What a property's SQL needs joined besides the Thing: its organisation (`o`) or its datastreams (`ds`). */
export type PropertySource = 'thing' | 'organisation' | 'datastreams';

/** One flat feature property. */
export interface FeatureProperty {
  /** Name in GeoJSON `properties`, the queryables and the query string. */
  readonly name: string;
  readonly type: 'string' | 'boolean';
  readonly format?: 'date-time' | 'date' | 'email';
  readonly title: string;
  readonly description: string;
  /** SQL expression (constant, never from input) giving the value for one Thing. */
  readonly sql: string;
  /** SQL rendering of the value in output when it differs from the column (`f.<name>`). */
  readonly output?: string;
  readonly source: PropertySource;
  /** Offered as `?name=value` (equality) on items. */
  readonly queryParameter: boolean;
}

const thingText = (key: string): string => `t.properties->>'${key}'`;

export const SENSOR_PROPERTIES: readonly FeatureProperty[] = [
  { name: 'name', type: 'string', title: 'Naam / Name', description: 'Name of the sensor installation', sql: 't.name', source: 'thing', queryParameter: true },
  { name: 'description', type: 'string', title: 'Omschrijving / Description', description: 'Description of the sensor installation', sql: 't.description', source: 'thing', queryParameter: true },
  { name: 'organisation', type: 'string', title: 'Organisatie / Organisation', description: 'Name of the organisation that placed the sensor', sql: 'o.name', source: 'organisation', queryParameter: true },
  { name: 'organisation_slug', type: 'string', title: 'Organisatiecode / Organisation slug', description: 'Short, stable code of the organisation (e.g. den-haag)', sql: 'o.slug', source: 'organisation', queryParameter: true },
  { name: 'organisation_kind', type: 'string', title: 'Soort organisatie / Organisation kind', description: 'gemeente, provincie, waterschap, rijk or overig', sql: 'o.kind', source: 'organisation', queryParameter: true },
  { name: 'sensor_type', type: 'string', title: 'Sensortype (code)', description: 'Sensor type code(s) from the vocabulary, comma-separated when several', sql: 'ds.sensor_type', source: 'datastreams', queryParameter: true },
  { name: 'sensor_type_label', type: 'string', title: 'Sensortype', description: 'Dutch label(s) of the sensor type', sql: 'ds.sensor_type_label', source: 'datastreams', queryParameter: true },
  { name: 'themes', type: 'string', title: 'Thema’s / Themes', description: 'Theme codes, comma-separated', sql: 'ds.themes', source: 'datastreams', queryParameter: true },
  { name: 'observed_properties', type: 'string', title: 'Wat wordt gemeten / Observed properties', description: 'Names of what is observed, comma-separated', sql: 'ds.observed_properties', source: 'datastreams', queryParameter: true },
  { name: 'purpose', type: 'string', title: 'Doel / Purpose', description: 'Why the data is collected', sql: 'ds.purpose', source: 'datastreams', queryParameter: true },
  { name: 'personal_data', type: 'boolean', title: 'Persoonsgegevens / Personal data', description: 'Whether the collected data can be traced to persons', sql: 'ds.personal_data', source: 'datastreams', queryParameter: true },
  { name: 'legal_ground', type: 'string', title: 'Grondslag / Legal ground', description: 'GDPR art. 6(1) legal ground code(s), comma-separated when several', sql: 'ds.legal_ground', source: 'datastreams', queryParameter: true },
  { name: 'operator', type: 'string', title: 'Exploitant / Operator', description: 'The party operating the sensor, when not the organisation itself', sql: thingText('operator'), source: 'thing', queryParameter: true },
  { name: 'public_contact', type: 'string', format: 'email', title: 'Contact', description: 'Public role mailbox for questions', sql: `COALESCE(${thingText('publicContact')}, o.public_email)`, source: 'organisation', queryParameter: true },
  { name: 'status', type: 'string', title: 'Status', description: 'planned, active or terminated', sql: thingText('status'), source: 'thing', queryParameter: true },
  { name: 'active_from', type: 'string', format: 'date', title: 'Actief vanaf / Active from', description: 'First day in service', sql: thingText('activeFrom'), source: 'thing', queryParameter: true },
  { name: 'active_until', type: 'string', format: 'date', title: 'Actief tot / Active until', description: 'Last day in service', sql: thingText('activeUntil'), source: 'thing', queryParameter: true },
  { name: 'reference', type: 'string', title: 'Kenmerk / Reference', description: 'The organisation’s own reference', sql: thingText('reference'), source: 'thing', queryParameter: true },
  {
    name: 'updated',
    type: 'string',
    format: 'date-time',
    title: 'Gewijzigd / Updated',
    description: 'When the registration last changed (UTC); the `datetime` parameter filters on it',
    sql: 't.updated_at',
    output: `to_char(f.updated AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
    source: 'thing',
    queryParameter: false,
  },
];

/** Names usable as `?name=value` equality parameters. */
export const QUERY_PARAMETER_PROPERTIES = SENSOR_PROPERTIES.filter((property) => property.queryParameter);
