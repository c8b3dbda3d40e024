import fs from 'node:fs';
import path from 'node:path';
import { vocabulariesFrom } from '../vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../vocabularies/seed';
import { parseBgtGml } from './parse-bgt-gml';
import { validateRecords } from './validate-records';

const FILE = 'bgt_sensor_denhaag_G0518.gml';
const gml = fs.readFileSync(path.join(__dirname, '../../../seed/demo', FILE), 'utf8');

function sensorGml(prefix: string, srsName: string, plusType = 'camera', extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<cg:CityModel xmlns:g="http://www.opengis.net/gml" xmlns:${prefix}="http://www.geostandaarden.nl/imgeo/2.1" xmlns:cg="http://www.opengis.net/citygml/2.0">
  <cg:cityObjectMember>
    <${prefix}:Sensor g:id="s1">
      <cg:creationDate>2020-01-02</cg:creationDate>${extra}
      <${prefix}:identificatie><${prefix}:NEN3610ID><${prefix}:lokaalID>G0599.abcdef0123456789</${prefix}:lokaalID></${prefix}:NEN3610ID></${prefix}:identificatie>
      <${prefix}:bronhouder>G0599</${prefix}:bronhouder>
      <${prefix}:bgt-status>plan</${prefix}:bgt-status>
      <${prefix}:plus-type>${plusType}</${prefix}:plus-type>
      <${prefix}:geometrie2dSensor><g:Point srsName="${srsName}"><g:pos>85000.5 447000.25</g:pos></g:Point></${prefix}:geometrie2dSensor>
    </${prefix}:Sensor>
  </cg:cityObjectMember>
</cg:CityModel>`;
}

describe('parseBgtGml on the real Den Haag BGT extract', () => {
  const result = parseBgtGml(FILE, gml);

  it('reads all 104 imgeo:Sensor objects without issues', () => {
    expect(result.issues).toEqual([]);
    expect(result.records).toHaveLength(104);
    expect(result.records.map((r) => r.row)).toEqual(Array.from({ length: 104 }, (_, i) => i + 1));
  });

  it('finds 99 cameras, 5 speed cameras and 30 terminated sensors', () => {
    const types = result.records.map((r) => r.record.sensor.properties?.sensorType);
    expect(types.filter((t) => t === 'optische-camera-sensor')).toHaveLength(99);
    expect(types.filter((t) => t === 'speed-detection-device')).toHaveLength(5);
    const terminated = result.records.filter((r) => r.record.thing?.status === 'terminated');
    expect(terminated).toHaveLength(30);
    expect(terminated.every((r) => r.record.thing?.activeUntil !== undefined)).toBe(true);
    expect(result.records.filter((r) => r.record.thing?.status === 'active')).toHaveLength(74);
  });

  it('maps the first sensor exactly', () => {
    expect(result.records[0]).toEqual({
      row: 1,
      sources: expect.any(Object),
      record: {
        name: 'Camera G0518.092c6e05',
        description:
          'Camera uit de Basisregistratie Grootschalige Topografie (BGT); bronhouder G0518, plus-type camera, lokaalID G0518.092c6e0588154f429b9fe2b511d5c0aa.',
        thing: {
          reference: 'G0518.092c6e0588154f429b9fe2b511d5c0aa',
          status: 'active',
          activeFrom: '2016-10-12',
          externalIds: {
            bgtLokaalId: 'G0518.092c6e0588154f429b9fe2b511d5c0aa',
            gmlId: 'b822a2ada-6fa7-dd08-0b25-a2ea65815825',
          },
        },
        position: { crs: 'EPSG:28992', x: 81731.132, y: 455225.697 },
        sensor: {
          name: 'Camera G0518.092c6e05',
          description: '',
          properties: { sensorType: 'optische-camera-sensor' },
        },
        datastream: {
          name: 'Camerabeelden',
          description: 'Beelden die de camera opneemt.',
          observedProperty: { name: 'Beeld', definition: 'urn:sensorregister:observed-property:beeld' },
          properties: { themes: ['safety'] },
        },
      },
    });
  });

  it('maps a terminated speed camera with its speed datastream', () => {
    const flitser = result.records[1]?.record;
    expect(flitser?.name).toBe('Flitser G0518.0c4b9da0');
    expect(flitser?.thing).toMatchObject({ status: 'terminated', activeFrom: '2016-10-27', activeUntil: '2018-06-21' });
    expect(flitser?.datastream).toEqual({
      name: 'Voertuigsnelheid',
      description: 'Snelheid van passerende voertuigen, gemeten door de flitser.',
      unitOfMeasurement: { name: 'kilometer per uur', symbol: 'km/h', definition: 'http://qudt.org/vocab/unit/KiloM-PER-HR' },
      observedProperty: { name: 'Snelheid', definition: 'http://qudt.org/vocab/quantitykind/Speed' },
      properties: { themes: ['rail-and-road-traffic', 'safety'] },
    });
  });

  it('keeps every RD coordinate exactly as written in the GML', () => {
    const written = [...gml.matchAll(/<gml:pos[^>]*>([^<]+)<\/gml:pos>/g)].map((m) => (m[1] ?? '').trim().split(/\s+/));
    expect(written).toHaveLength(104);
    result.records.forEach(({ record }, i) => {
      const [x, y] = written[i] ?? [];
      expect(record.position.crs).toBe('EPSG:28992');
      expect(record.position.x).toBe(Number(x));
      expect(record.position.y).toBe(Number(y));
      expect(`${record.position.x.toFixed(3)} ${record.position.y.toFixed(3)}`).toBe(`${x} ${y}`);
    });
  });

  it('passes validation with the seed vocabularies', () => {
    const vocabularies = vocabulariesFrom({
      sensorTypes: sensorTypeRows(),
      themes: themeRows(),
      legalGrounds: legalGroundRows(),
      publicEmailPatterns: publicEmailPatternRows(),
    });
    const validated = validateRecords(FILE, result.records, vocabularies);
    expect(validated.issues).toEqual([]);
    expect(validated.records).toHaveLength(104);
  });
});

describe('parseBgtGml on other spellings', () => {
  it.each([
    'urn:ogc:def:crs:EPSG::28992',
    'urn:ogc:def:crs:EPSG:6.9:28992',
    'http://www.opengis.net/def/crs/EPSG/0/28992',
    'https://www.opengis.net/def/crs/EPSG/0/28992',
    'EPSG:28992',
    'http://www.opengis.net/gml/srs/epsg.xml#28992',
  ])('matches local names under any prefix and accepts srsName %s', (srsName) => {
    const result = parseBgtGml('other.gml', sensorGml('bgt', srsName));
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.record).toMatchObject({
      name: 'Camera G0599.abcdef01',
      thing: { status: 'planned', activeFrom: '2020-01-02', externalIds: { bgtLokaalId: 'G0599.abcdef0123456789', gmlId: 's1' } },
      position: { crs: 'EPSG:28992', x: 85000.5, y: 447000.25 },
    });
  });

  it('refuses a point in another reference system', () => {
    const result = parseBgtGml('wgs.gml', sensorGml('imgeo', 'urn:ogc:def:crs:EPSG::4326'));
    expect(result.records).toEqual([]);
    expect(result.issues).toEqual([
      { file: 'wgs.gml', row: 1, field: 'geometrie2dSensor', reason: 'srsName "urn:ogc:def:crs:EPSG::4326" is not RD New (EPSG:28992)' },
    ]);
  });

  it('leaves the sensor type out for an unknown or void plus-type', () => {
    const unknown = parseBgtGml('x.gml', sensorGml('imgeo', 'EPSG:28992', 'detectielus')).records[0]?.record;
    expect(unknown?.name).toBe('Detectielus G0599.abcdef01');
    expect(unknown?.sensor.properties).toBeUndefined();
    const unknownValue = parseBgtGml('x.gml', sensorGml('imgeo', 'EPSG:28992', 'waardeOnbekend')).records[0]?.record;
    expect(unknownValue?.name).toBe('Sensor G0599.abcdef01');
    expect(unknownValue?.sensor.properties).toBeUndefined();
  });

  it('reports a bad termination date on its feature', () => {
    const result = parseBgtGml('x.gml', sensorGml('imgeo', 'EPSG:28992', 'camera', '<cg:terminationDate>2020-13-01</cg:terminationDate>'));
    expect(result.issues).toEqual([
      { file: 'x.gml', row: 1, field: 'terminationDate', reason: '"2020-13-01" is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)' },
    ]);
  });

  it('reports invalid XML and files without sensors at file level', () => {
    expect(parseBgtGml('bad.gml', '<a><b></a>').issues[0]).toMatchObject({ file: 'bad.gml', row: null, field: null });
    expect(parseBgtGml('bad.gml', '<a><b></a>').issues[0]?.reason).toMatch(/^invalid XML at line 1, column \d+: /);
    expect(parseBgtGml('empty.gml', '<CityModel/>').issues).toEqual([
      { file: 'empty.gml', row: null, field: null, reason: 'no imgeo:Sensor objects found' },
    ]);
  });
});
