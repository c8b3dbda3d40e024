/**
 * Reads a BGT/IMGeo CityGML file (Basisregistratie Grootschalige Topografie, as PDOK delivers it): every
 * `imgeo:Sensor` becomes one record, numbered from 1 in file order. Elements are matched on local names, so
 * any namespace prefix works. The point is `geometrie2dSensor/Point/pos` in RD New (EPSG:28992, any spelling
 * of the `srsName`), taken exactly as written.
 *
 * | BGT                                 | register                                                         |
 * |-------------------------------------|------------------------------------------------------------------|
 * | `identificatie/…/lokaalID`          | reference; `externalIds.bgtLokaalId`; name `<Label> <bronhouder>.<first 8 of the id>` |
 * | `gml:id`                            | `externalIds.gmlId`                                              |
 * | `plus-type`                         | label, sensor type, datastream, observed property, themes (`bgt-sensor-kinds.ts`) |
 * | `creationDate`                      | active from                                                      |
 * | `terminationDate`                   | active until, and status `terminated`                            |
 * | `bgt-status` (no termination date)  | status: `bestaand` → `active`, `plan` → `planned`                |
 *
 * A plus-type the table does not know keeps its own word as label; the void values `waardeOnbekend` and
 * `geenWaarde` fall back to `function`, unless that is void or `niet-bgt` too (then the label is `Sensor`).
 * Such records get no sensor type: the BGT word is not a register code, and a guess would be published.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ImportRecord } from '../profile-types';
import { BGT_SENSOR_KINDS } from './bgt-sensor-kinds';
import { recordFromFields, type BuiltRecord, type Position } from './build-record';
import { toNumber } from './coerce';
import { importCrsOf } from './crs-names';
import { addFieldValue, type FieldKey, type FieldValues } from './field-mapping';
import { issuesAt, type FieldIssue, type ImportIssue, type ParseResult, type ParsedRecord } from './types';

type XmlNode = Record<string, unknown>;

const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
});

const isNode = (value: unknown): value is XmlNode =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first child element with this local name. */
function child(node: unknown, name: string): unknown {
  const value = isNode(node) ? node[name] : undefined;
  return Array.isArray(value) ? value[0] : value;
}

/** The element at a path of local names. */
function at(node: unknown, ...path: string[]): unknown {
  return path.reduce(child, node);
}

/** The trimmed text of an element (with or without attributes). */
function textOf(node: unknown): string | undefined {
  const text = isNode(node) ? node['#text'] : node;
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

/** All `Sensor` elements, in document order. */
function sensorsIn(node: unknown, found: XmlNode[] = []): XmlNode[] {
  if (Array.isArray(node)) node.forEach((item) => sensorsIn(item, found));
  else if (isNode(node)) {
    for (const [name, value] of Object.entries(node)) {
      if (name === 'Sensor') found.push(...[value].flat().filter(isNode));
      else sensorsIn(value, found);
    }
  }
  return found;
}

const VOID_VALUES = new Set(['waardeOnbekend', 'geenWaarde', 'niet-bgt']);

function labelOf(plusType: string | undefined, fn: string | undefined): string {
  const word = [plusType, fn].find((value) => value !== undefined && !VOID_VALUES.has(value));
  return word ? word.charAt(0).toUpperCase() + word.slice(1) : 'Sensor';
}

function positionOf(sensor: XmlNode): Position | FieldIssue {
  const point = at(sensor, 'geometrie2dSensor', 'Point');
  const pos = child(point, 'pos');
  const srsName = (isNode(point) && point['@_srsName']) || (isNode(pos) && pos['@_srsName']);
  const field = 'geometrie2dSensor';
  if (point === undefined) return { field, reason: 'missing point: a registration needs one fixed point' };
  if (typeof srsName !== 'string' || importCrsOf(srsName) !== 'EPSG:28992') {
    return { field, reason: `srsName ${JSON.stringify(srsName || null)} is not RD New (EPSG:28992)` };
  }
  const [x, y] = (textOf(pos) ?? '').split(/\s+/).map((token) => toNumber(token, { decimalComma: false }));
  if (!x || !y || 'problem' in x || 'problem' in y) return { field, reason: 'gml:pos needs two numbers "x y"' };
  return { crs: 'EPSG:28992', x: x.value, y: y.value };
}

function readSensor(sensor: XmlNode): BuiltRecord {
  const position = positionOf(sensor);
  if ('reason' in position) return { issues: [position] };
  const lokaalId = textOf(at(sensor, 'identificatie', 'NEN3610ID', 'lokaalID'));
  if (lokaalId === undefined) return { issues: [{ field: 'lokaalID', reason: 'missing lokaalID' }] };
  const plusType = textOf(child(sensor, 'plus-type'));
  const bronhouder = textOf(child(sensor, 'bronhouder')) ?? lokaalId.split('.')[0];
  const kind = plusType === undefined ? undefined : BGT_SENSOR_KINDS[plusType];
  const label = kind?.label ?? labelOf(plusType, textOf(child(sensor, 'function')));
  const terminationDate = textOf(child(sensor, 'terminationDate'));

  const fields: FieldValues = new Map();
  const add = (field: FieldKey, source: string, value: unknown): void => addFieldValue(fields, field, source, value);
  add('name', 'lokaalID', `${label} ${lokaalId.replace(/^([^.]*\.)?(.{0,8}).*$/, '$1$2')}`);
  add(
    'description',
    'lokaalID',
    `${label} uit de Basisregistratie Grootschalige Topografie (BGT); bronhouder ${bronhouder}, ` +
      `plus-type ${plusType ?? 'onbekend'}, lokaalID ${lokaalId}.`,
  );
  add('reference', 'lokaalID', lokaalId);
  add('active_from', 'creationDate', textOf(child(sensor, 'creationDate')));
  add('active_until', 'terminationDate', terminationDate);
  if (terminationDate) add('status', 'terminationDate', 'terminated');
  else add('status', 'bgt-status', textOf(child(sensor, 'bgt-status')));
  if (kind) {
    add('sensor_type', 'plus-type', kind.sensorType);
    add('datastream_name', 'plus-type', kind.datastreamName);
    add('datastream_description', 'plus-type', kind.datastreamDescription);
    add('observed_property', 'plus-type', kind.observedProperty);
    add('observed_property_definition', 'plus-type', kind.observedPropertyDefinition);
    add('unit_name', 'plus-type', kind.unit?.name);
    add('unit_symbol', 'plus-type', kind.unit?.symbol);
    add('unit_definition', 'plus-type', kind.unit?.definition);
    add('themes', 'plus-type', kind.themes);
  }
  const built = recordFromFields(fields, { decimalComma: false, position, positionSource: 'geometrie2dSensor' });
  if (built.record) built.record.thing = { ...built.record.thing, externalIds: externalIdsOf(sensor, lokaalId) };
  return built;
}

function externalIdsOf(sensor: XmlNode, lokaalId: string): NonNullable<ImportRecord['thing']>['externalIds'] {
  const gmlId = sensor['@_id'];
  return typeof gmlId === 'string' ? { bgtLokaalId: lokaalId, gmlId } : { bgtLokaalId: lokaalId };
}

/** Reads the `imgeo:Sensor` objects of a BGT CityGML file; `file` names the file in issues. */
export function parseBgtGml(file: string, text: string): ParseResult {
  const fileIssue = (reason: string): ParseResult => ({
    records: [],
    issues: [{ file, row: null, field: null, reason }],
  });
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    return fileIssue(`invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`);
  }
  let document: unknown;
  try {
    document = xmlParser.parse(text);
  } catch (error) {
    return fileIssue(`unreadable XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const sensors = sensorsIn(document);
  if (sensors.length === 0) return fileIssue('no imgeo:Sensor objects found');
  const records: ParsedRecord[] = [];
  const issues: ImportIssue[] = [];
  sensors.forEach((sensor, index) => {
    const row = index + 1;
    const built = readSensor(sensor);
    issues.push(...issuesAt(file, row, built.issues));
    if (built.record) records.push({ row, record: built.record, sources: built.sources });
  });
  return { records, issues };
}
