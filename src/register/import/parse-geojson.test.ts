import fs from 'node:fs';
import path from 'node:path';
import { vocabulariesFrom } from '../vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../vocabularies/seed';
import { parseGeoJson } from './parse-geojson';
import { validateRecords } from './validate-records';

const FILE = 'amsterdam_sensorenregister_sample_redacted.geojson';
const text = fs.readFileSync(path.join(__dirname, '../../../seed/demo', FILE), 'utf8');

const vocabularies = vocabulariesFrom({
  sensorTypes: sensorTypeRows(),
  themes: themeRows(),
  legalGrounds: legalGroundRows(),
  publicEmailPatterns: publicEmailPatternRows(),
});

const point = (coordinates: number[], properties: Record<string, unknown>): unknown => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates },
  properties,
});
const collection = (features: unknown[], extra: Record<string, unknown> = {}): string =>
  JSON.stringify({ type: 'FeatureCollection', ...extra, features });

describe('parseGeoJson on the real Amsterdam register sample', () => {
  const result = parseGeoJson(FILE, text);

  it('reads all 7 entries without issues', () => {
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => r.row)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('maps an entry exactly', () => {
    expect(result.records[1]).toEqual({
      row: 2,
      sources: expect.any(Object),
      record: {
        name: 'Optische / camera sensor 0674-2325.0',
        description: '',
        thing: { reference: '0674-2325.0', activeUntil: '3000-12-31', operator: 'El Punto Latino' },
        position: { crs: 'EPSG:4326', x: 4.884425783049923, y: 52.3641713674388 },
        sensor: {
          name: 'Optische / camera sensor 0674-2325.0',
          description: '',
          properties: { sensorType: 'Optische / camera sensor' },
        },
        datastream: {
          name: 'Bezoekers monitoren op verzoek van de gemeente en politie: de entree + stukje straat voor de discotheek',
          description:
            'Bezoekers monitoren op verzoek van de gemeente en politie: de entree + stukje straat voor de discotheek',
          observedProperty: {
            name: 'Bezoekers monitoren op verzoek van de gemeente en politie: de entree + stukje straat voor de discotheek',
            definition: 'urn:sensorregister:observed-property:bezoekers-monitoren-op-verzoek-van-de-gemeente-en-politie-de-entree-stukje',
          },
          properties: {
            themes: ['Veiligheid: bewakings- en/of beveiligingscamera'],
            personalData: false,
            purpose: 'Verplicht i.v.m. veiligheidsrapport, onderdeel van de exploitatievergunning',
          },
        },
      },
    });
  });

  it('reads personal data yes/no from contains_pi_data', () => {
    expect(result.records.map((r) => r.record.datastream.properties?.personalData)).toEqual([
      true, false, false, false, false, false, false,
    ]);
  });

  it('imports the operating organisation, never the contact person (name and e-mail)', () => {
    const imported = JSON.stringify(result.records.map((parsed) => parsed.record));
    expect(imported).not.toContain('[redacted]');
    expect(imported).not.toContain('owner');
    expect(result.records.map((parsed) => parsed.record.thing?.operator)).toEqual([
      'Ekodis natuurmarkt', 'El Punto Latino', 'cv Bourbonstreet Jazz-Blues Discotheek', 'T&A Survey',
      'Het Feest van Ome Jan!', 'Le Pub Leidseplein BV', 'Floepp B.V.',
    ]);
  });

  it('validates to register codes; the catch-all theme "Overig" is dropped', () => {
    const validated = validateRecords(FILE, result.records, vocabularies);
    expect(validated.issues).toEqual([]);
    expect(validated.records).toHaveLength(7);
    expect(validated.records[0]?.record.sensor.properties?.sensorType).toBe('optische-camera-sensor');
    expect(validated.records[0]?.record.datastream.properties?.themes).toEqual([
      'veiligheid-bewakings-en-of-beveiligingscamera',
    ]);
    expect(validated.records[6]?.record.sensor.properties?.sensorType).toBe('positie-of-verplaatsingsensor');
    expect(validated.records[6]?.record.datastream.properties?.themes).toBeUndefined();
  });
});

describe('parseGeoJson', () => {
  it('reads flat properties with the CSV field mapping', () => {
    const result = parseGeoJson(
      'flat.geojson',
      collection([
        point([4.3, 52.08], {
          name: 'Luchtmeetpunt Plein',
          sensorType: 'Luchtvervuilingssensor',
          activeFrom: '1-3-2024',
          personal_data: 'nee',
          themes: 'Lucht|Gezondheidsrisico’s',
          public_contact: 'sensoren@denhaag.nl',
          unit_symbol: 'µg/m3',
        }),
      ]),
    );
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.record).toEqual({
      name: 'Luchtmeetpunt Plein',
      description: '',
      thing: { activeFrom: '2024-03-01', publicContact: 'sensoren@denhaag.nl' },
      position: { crs: 'EPSG:4326', x: 4.3, y: 52.08 },
      sensor: { name: 'Luchtmeetpunt Plein', description: '', properties: { sensorType: 'Luchtvervuilingssensor' } },
      datastream: {
        name: 'Luchtvervuilingssensor data',
        description: '',
        unitOfMeasurement: { name: null, symbol: 'µg/m3', definition: null },
        observedProperty: {
          name: 'Luchtvervuilingssensor data',
          definition: 'urn:sensorregister:observed-property:luchtvervuilingssensor-data',
        },
        properties: { themes: ['Lucht', 'Gezondheidsrisico’s'], personalData: false },
      },
    });
  });

  it.each(['urn:ogc:def:crs:EPSG::28992', 'EPSG:28992'])('reads RD x/y when the legacy crs member names %s', (name) => {
    const result = parseGeoJson(
      'rd.geojson',
      collection([point([81731.132, 455225.697], { name: 'A' })], { crs: { type: 'name', properties: { name } } }),
    );
    expect(result.records[0]?.record.position).toEqual({ crs: 'EPSG:28992', x: 81731.132, y: 455225.697 });
  });

  it('refuses an unknown crs at file level', () => {
    const result = parseGeoJson(
      'utm.geojson',
      collection([point([1, 2], { name: 'A' })], { crs: { type: 'name', properties: { name: 'EPSG:32631' } } }),
    );
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([
      {
        file: 'utm.geojson',
        row: null,
        field: 'crs',
        reason: 'unsupported crs "EPSG:32631": use WGS84 longitude/latitude (no crs member) or EPSG:28992 (RD New)',
      },
    ]);
  });

  it('reads a single Feature', () => {
    const result = parseGeoJson('one.json', JSON.stringify(point([5.1, 52.1], { name: 'B' })));
    expect(result.records).toHaveLength(1);
  });

  it('takes coordinates from the properties of a feature without geometry', () => {
    const feature = { type: 'Feature', geometry: null, properties: { name: 'C', x: 155000, y: 463000 } };
    expect(parseGeoJson('p.geojson', collection([feature])).records[0]?.record.position).toEqual({
      crs: 'EPSG:28992',
      x: 155000,
      y: 463000,
    });
  });

  it('refuses non-point geometry: a registration needs one fixed point', () => {
    const line = { type: 'Feature', geometry: { type: 'LineString', coordinates: [[4.3, 52], [4.4, 52.1]] }, properties: { name: 'Route' } };
    const result = parseGeoJson('mobile.geojson', collection([point([4.3, 52.08], { name: 'Vast' }), line]));
    expect(result.records.map((r) => r.row)).toEqual([1]);
    expect(result.issues).toEqual([
      {
        file: 'mobile.geojson',
        row: 2,
        field: 'geometry',
        reason:
          'a LineString geometry is not supported: mobile and non-point registrations are not supported — a registration needs one fixed point',
      },
    ]);
  });

  it('reports invalid JSON with line and column', () => {
    const result = parseGeoJson('broken.geojson', '{\n  "type": "FeatureCollection",\n  "features": [}\n');
    expect(result.issues).toEqual([
      { file: 'broken.geojson', row: null, field: null, reason: "invalid JSON at line 3, column 16: Unexpected token '}'" },
    ]);
    const truncated = parseGeoJson('cut.geojson', '{"type": "FeatureCollection",\n "features": [');
    expect(truncated.issues[0]?.reason).toBe('invalid JSON at line 2, column 15: Unexpected end of JSON input');
    const positioned = parseGeoJson('pos.geojson', '{"type" "Feature"}');
    expect(positioned.issues[0]?.reason).toBe("invalid JSON at line 1, column 9: Expected ':' after property name");
  });

  it('refuses JSON that is not a FeatureCollection or Feature', () => {
    expect(parseGeoJson('x.json', '[1, 2]').issues).toEqual([
      { file: 'x.json', row: null, field: 'type', reason: 'expected a GeoJSON FeatureCollection or Feature' },
    ]);
  });
});
