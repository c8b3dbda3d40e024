/**
 * The one field-mapping table of the import: which column (CSV) or flat property (GeoJSON) feeds which
 * register field, and what kind of value it holds. Own template columns are the keys; the SensRNet bulk
 * template's Dutch headers (`TemplateOpvoerAPI.xlsx`) and the flat keys of Amsterdam's register are aliases.
 * Names match case-insensitively, and spaces, `_`, `-` and camelCase are treated alike
 * (`Active From` = `active_from` = `activeFrom`).
 */
import { isBlank } from './coerce';

/** The kind of value a field holds; decides the coercion in `coerce.ts`. */
export type FieldKind = 'text' | 'number' | 'boolean' | 'date' | 'list' | 'status';

interface FieldSpec {
  kind: FieldKind;
  aliases: readonly string[];
}

/** Register fields by their template column name, with the kind of value and the accepted aliases. */
export const FIELDS = {
  name: { kind: 'text', aliases: ['Naam Apparaat'] },
  description: { kind: 'text', aliases: ['Omschrijving Apparaat'] },
  reference: { kind: 'text', aliases: ['referentie'] },
  status: { kind: 'status', aliases: [] },
  active_from: { kind: 'date', aliases: [] },
  active_until: { kind: 'date', aliases: [] },
  public_contact: { kind: 'text', aliases: ['public_email', 'contact_email'] },
  mounting_object: { kind: 'text', aliases: [] },
  operator: { kind: 'text', aliases: ['exploitant', 'beheerder'] },
  longitude: { kind: 'number', aliases: ['lon', 'lng'] },
  latitude: { kind: 'number', aliases: ['lat', 'Lattitude'] },
  x: { kind: 'number', aliases: ['rd_x', 'RD x'] },
  y: { kind: 'number', aliases: ['rd_y', 'RD y'] },
  location_name: { kind: 'text', aliases: ['Naam Opstelpunt', 'Opstelpunt omschrijving', 'location_description'] },
  sensor_name: { kind: 'text', aliases: ['Naam Sensor'] },
  sensor_description: { kind: 'text', aliases: ['Omschrijving Sensor'] },
  sensor_type: { kind: 'text', aliases: ['Sensortype', 'type'] },
  manufacturer: { kind: 'text', aliases: ['Fabrikant Sensor'] },
  supplier: { kind: 'text', aliases: ['Leverancier Sensor'] },
  sensor_documentation: { kind: 'text', aliases: ['Documentatie Sensor'] },
  datastream_name: { kind: 'text', aliases: ['Naam Datastroom'] },
  datastream_description: { kind: 'text', aliases: ['Omschrijving Datastroom'] },
  observed_property: { kind: 'text', aliases: [] },
  observed_property_definition: { kind: 'text', aliases: [] },
  unit_name: { kind: 'text', aliases: [] },
  unit_symbol: { kind: 'text', aliases: ['Meeteenheid'] },
  unit_definition: { kind: 'text', aliases: [] },
  themes: { kind: 'list', aliases: ['theme', 'Thema Datastroom'] },
  personal_data: { kind: 'boolean', aliases: ['Bevat de Datastroom persoonsgegevens?', 'contains_pi_data'] },
  purpose: { kind: 'text', aliases: ['Naam Observatie doel', 'Beschrijving Observatie doel'] },
  legal_ground: {
    kind: 'text',
    aliases: ['Obervatie doel wettelijke grondslag', 'Observatie doel wettelijke grondslag'],
  },
  privacy_statement_url: {
    kind: 'text',
    aliases: ['Observatie doel wettelijke grondslag link (URL)'],
  },
  open_data: { kind: 'boolean', aliases: ['Is de Datastroom beschikbaar als Open Data?'] },
} as const satisfies Record<string, FieldSpec>;

/** A register field of the import, named by its template column. */
export type FieldKey = keyof typeof FIELDS;

/** `Active From`, `active-from`, `activeFrom` → `active_from`. */
export function normaliseFieldName(name: string): string {
  return name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
}

const FIELD_BY_NAME = new Map<string, FieldKey>();
for (const [key, spec] of Object.entries(FIELDS) as [FieldKey, FieldSpec][]) {
  for (const name of [key, ...spec.aliases]) FIELD_BY_NAME.set(normaliseFieldName(name), key);
}

/** The register field a column or property name feeds, if any. */
export function fieldFor(name: string): FieldKey | undefined {
  return FIELD_BY_NAME.get(normaliseFieldName(name));
}

/** A raw value and the column or property it was read from (issues name that source). */
export interface SourcedValue {
  source: string;
  value: unknown;
}

/** The raw values of one record, by register field, in file order. Blank values are not kept. */
export type FieldValues = Map<FieldKey, SourcedValue[]>;

/** Adds a value to a record's field values, unless it is blank. */
export function addFieldValue(values: FieldValues, field: FieldKey, source: string, value: unknown): void {
  if (isBlank(value)) return;
  values.set(field, [...(values.get(field) ?? []), { source, value }]);
}

/**
 * The field values of a flat set of named values (a CSV row or GeoJSON properties). Names without a register
 * field are skipped — such as SensRNet's `Connectiviteit`, `Hoogte [m]` or `Datakwaliteit`, and Amsterdam's
 * `owner` (personal data), `regions` and `project_paths`.
 */
export function fieldValuesOf(entries: Iterable<[string, unknown]>): FieldValues {
  const values: FieldValues = new Map();
  for (const [name, value] of entries) {
    const field = fieldFor(name);
    if (field) addFieldValue(values, field, name, value);
  }
  return values;
}
