/**
 * Import end to end on the backend under test: the real Den Haag BGT GML, all-or-nothing refusal with a
 * report, dry runs, publication.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../../src/db/connect';
import { formatIssue } from '../../src/register/import/types';
import { importFile, type ImportRequest } from '../../src/register/import/import-file';
import { openTestDatabase } from '../support/test-database';
import { addOrganisation } from '../support/fixtures';

const GML = path.join(__dirname, '../../seed/demo/bgt_sensor_denhaag_G0518.gml');

/** The RD coordinates of every imgeo:Sensor, read straight from the GML text, by gml:id (lokaalIDs repeat across versions). */
function gmlCoordinates(): Map<string, [number, number]> {
  const text = fs.readFileSync(GML, 'utf8');
  const result = new Map<string, [number, number]>();
  for (const block of text.split('<imgeo:Sensor ').slice(1)) {
    const id = /^gml:id="([^"]+)"/.exec(block)![1]!;
    const [x, y] = /<gml:pos[^>]*>([^<]+)</.exec(block)![1]!.trim().split(/\s+/).map(Number);
    result.set(id, [x!, y!]);
  }
  return result;
}

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const request = (overrides: Partial<ImportRequest> & Pick<ImportRequest, 'organisationSlug' | 'fileName' | 'content'>): ImportRequest => ({
  dryRun: false,
  publish: false,
  actor: 'test',
  ...overrides,
});

async function counts(): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of ['things', 'locations', 'sensors', 'datastreams', 'observed_properties', 'historical_locations', 'change_log']) {
    result[table] = Number((await db.knex(table).count({ n: '*' }))[0]!.n);
  }
  return result;
}

test('the Den Haag BGT GML gives exactly 104 Things, located within 0.01 m of the GML, 30 retired', async () => {
  const org = await addOrganisation(db.knex, 'den-haag');
  const report = await importFile(db.knex, request({ organisationSlug: 'den-haag', fileName: 'bgt_sensor_denhaag_G0518.gml', content: fs.readFileSync(GML) }));
  expect(report.issues).toEqual([]);
  expect(report.written).toBe(104);

  const things = await db.knex('things').where({ organisation_id: org.id }).select('id', 'publication', 'properties');
  expect(things).toHaveLength(104);
  const byState = (state: string) => things.filter((thing) => thing.publication === state).length;
  expect([byState('retired'), byState('draft'), byState('published')]).toEqual([30, 74, 0]);
  expect(things.filter((thing) => thing.properties.status === 'terminated')).toHaveLength(30);

  const expected = gmlCoordinates();
  expect(expected.size).toBe(104);
  const { rows } = await db.knex.raw(
    `SELECT t.properties->'externalIds'->>'gmlId' AS gml_id,
            ST_X(ST_Transform(l.geom, 28992)) AS x, ST_Y(ST_Transform(l.geom, 28992)) AS y, ST_SRID(l.geom) AS srid
     FROM things t JOIN things_locations tl ON tl.thing_id = t.id JOIN locations l ON l.id = tl.location_id
     WHERE t.organisation_id = ?`,
    [org.id],
  );
  expect(rows).toHaveLength(104);
  let worst = 0;
  for (const row of rows) {
    const [x, y] = expected.get(row.gml_id)!;
    expect(row.srid).toBe(4326);
    worst = Math.max(worst, Math.hypot(row.x - x, row.y - y));
  }
  expect(worst).toBeLessThan(0.01);
  // The stored geometry is exactly the published GeoJSON point.
  const { rows: differing } = await db.knex.raw(
    `SELECT count(*)::int AS n FROM things t JOIN things_locations tl ON tl.thing_id = t.id JOIN locations l ON l.id = tl.location_id
     WHERE t.organisation_id = ? AND NOT ST_Equals(l.geom, ST_SetSRID(ST_GeomFromGeoJSON(l.location), 4326))`,
    [org.id],
  );
  expect(differing[0].n).toBe(0);

  const { rows: sensorTypes } = await db.knex.raw(
    `SELECT s.properties->>'sensorType' AS type, count(*)::int AS n
     FROM sensors s JOIN datastreams d ON d.sensor_id = s.id JOIN things t ON t.id = d.thing_id
     WHERE t.organisation_id = ? GROUP BY 1 ORDER BY 1`,
    [org.id],
  );
  expect(sensorTypes).toEqual([
    { type: 'optische-camera-sensor', n: 99 },
    { type: 'speed-detection-device', n: 5 },
  ]);
});

test('a file with one bad row per problem is refused with a report naming each row; nothing is written', async () => {
  await addOrganisation(db.knex, 'delft');
  const before = await counts();
  const csv = [
    'name,description,x,y,longitude,latitude,sensor_type,public_contact',
    'Good camera,ok,85000,446000,,,Optische / camera sensor,info@delft.nl',
    'No coordinates,missing,,,,,Optische / camera sensor,info@delft.nl',
    'Outside NL,far away,900000,100000,,,Optische / camera sensor,info@delft.nl',
    'Unknown type,odd,85001,446001,,,Toaster,info@delft.nl',
    'Private mail,person,85002,446002,,,Optische / camera sensor,jan.jansen@delft.nl',
  ].join('\n');
  const report = await importFile(db.knex, request({ organisationSlug: 'delft', fileName: 'sensors.csv', content: Buffer.from(csv) }));
  expect(report.written).toBe(0);
  expect(report.issues.map((issue) => [issue.file, issue.row, issue.field])).toEqual([
    ['sensors.csv', 2, 'position'],
    ['sensors.csv', 3, 'x, y'],
    ['sensors.csv', 4, 'sensor_type'],
    ['sensors.csv', 5, 'public_contact'],
  ]);
  expect(report.unit).toBe('row');
  expect(report.issues.every((issue) => issue.reason.length > 10)).toBe(true);
  expect(await counts()).toEqual(before);
});

test('a dry run validates and writes nothing; --publish publishes', async () => {
  await addOrganisation(db.knex, 'leiden');
  const csv = Buffer.from('name,description,longitude,latitude,sensor_type\nAir,NO2,4.49,52.16,Chemiesensor\nNoise,dB,4.48,52.15,Geluidsensor\n');
  const before = await counts();
  const dry = await importFile(db.knex, request({ organisationSlug: 'leiden', fileName: 'leiden.csv', content: csv, dryRun: true }));
  expect([dry.records, dry.written, dry.issues]).toEqual([2, 0, []]);
  expect(await counts()).toEqual(before);
  const real = await importFile(db.knex, request({ organisationSlug: 'leiden', fileName: 'leiden.csv', content: csv, publish: true }));
  expect(real.written).toBe(2);
  const rows = await db.knex('things as t').join('organisations as o', 'o.id', 't.organisation_id').where('o.slug', 'leiden').orderBy('t.id').select('t.name', 't.publication');
  expect(rows).toEqual([
    { name: 'Air', publication: 'published' },
    { name: 'Noise', publication: 'published' },
  ]);
  const log = await db.knex('change_log').where({ entity_type: 'Thing', actor: 'test' }).count({ n: '*' });
  expect(Number(log[0]!.n)).toBe(104 + 2);
});

test('an unknown organisation is refused', async () => {
  await expect(
    importFile(db.knex, request({ organisationSlug: 'nowhere', fileName: 'x.csv', content: Buffer.from('name\n') })),
  ).rejects.toMatchObject({ status: 404, message: "no organisation with slug 'nowhere'" });
});

test('a reference identifies one installation: re-importing a file, or repeating a reference in it, is refused', async () => {
  await addOrganisation(db.knex, 'gouda');
  const csv = Buffer.from('name,reference,longitude,latitude,sensor_type\nCam 1,G-1,4.70,52.01,Optische / camera sensor\nCam 2,G-2,4.71,52.02,Optische / camera sensor\n');
  const first = await importFile(db.knex, request({ organisationSlug: 'gouda', fileName: 'gouda.csv', content: csv }));
  expect(first.written).toBe(2);
  const before = await counts();
  const again = await importFile(db.knex, request({ organisationSlug: 'gouda', fileName: 'gouda.csv', content: csv }));
  expect(again.written).toBe(0);
  expect(again.issues.map((issue) => [issue.row, issue.field, issue.reason.replace(/Thing \d+/, 'Thing N')])).toEqual([
    [1, 'reference', 'reference "G-1" is already registered by this organisation (Thing N); a reference identifies one installation'],
    [2, 'reference', 'reference "G-2" is already registered by this organisation (Thing N); a reference identifies one installation'],
  ]);
  const repeated = Buffer.from('name,reference,longitude,latitude,sensor_type\nCam 3,G-3,4.70,52.01,Optische / camera sensor\nCam 4,G-3,4.71,52.02,Optische / camera sensor\n');
  const inFile = await importFile(db.knex, request({ organisationSlug: 'gouda', fileName: 'twice.csv', content: repeated }));
  expect(inFile.issues).toEqual([{ file: 'twice.csv', row: 2, field: 'reference', reason: 'reference "G-3" was already used in row 1 of this file' }]);
  expect(await counts()).toEqual(before);
  // A repeated reference is reported also when the earlier row has other problems.
  const invalidFirst = Buffer.from('name,reference,longitude,latitude,sensor_type,public_contact\nCam 5,G-5,4.70,52.01,Optische / camera sensor,jan@gouda.nl\nCam 6,G-5,4.71,52.02,Optische / camera sensor,\n');
  const both = await importFile(db.knex, request({ organisationSlug: 'gouda', fileName: 'both.csv', content: invalidFirst }));
  expect(both.issues.map((issue) => [issue.row, issue.field])).toEqual([
    [1, 'public_contact'],
    [2, 'reference'],
  ]);
  // The same reference in another organisation is another installation.
  await addOrganisation(db.knex, 'woerden');
  expect((await importFile(db.knex, request({ organisationSlug: 'woerden', fileName: 'gouda.csv', content: csv }))).written).toBe(2);
});

test('GeoJSON problems name the feature and the geometry; a SensRNet sheet names its own coordinate columns', async () => {
  await addOrganisation(db.knex, 'ede');
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [5.66, 52.04] }, properties: { name: 'In Ede' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [15.66, 52.04] }, properties: { name: 'In Polen' } },
    ],
  });
  const report = await importFile(db.knex, request({ organisationSlug: 'ede', fileName: 'ede.geojson', content: Buffer.from(geojson) }));
  expect(report.unit).toBe('feature');
  expect(report.issues.map((issue) => formatIssue(issue, report.unit))).toEqual([
    'ede.geojson feature 2, field "geometry": WGS84 coordinates (longitude 15.66, latitude 52.04) lie outside the Netherlands (longitude 3.2 … 7.22, latitude 50.75 … 53.7)',
  ]);
  const sheet = 'Naam Apparaat;RD x;RD y;Sensortype\nPeilbuis;900000;100000;Druksensor\n';
  const refused = await importFile(db.knex, request({ organisationSlug: 'ede', fileName: 'sensrnet.csv', content: Buffer.from(sheet) }));
  expect(refused.issues.map((issue) => issue.field)).toEqual(['RD x, RD y']);
});

test('problems are reported in row order', async () => {
  await addOrganisation(db.knex, 'zeist');
  const csv = ['name,longitude,latitude,sensor_type,public_contact', 'A,,,Optische / camera sensor,', 'B,5.2,52.08,Toaster,', 'C,5.2,52.08,Geluidsensor,jan@zeist.nl'].join('\n');
  const report = await importFile(db.knex, request({ organisationSlug: 'zeist', fileName: 'z.csv', content: Buffer.from(csv) }));
  expect(report.issues.map((issue) => issue.row)).toEqual([1, 2, 3]);
});

test('Amsterdam register entries keep who operates the sensor, never the contact person', async () => {
  await addOrganisation(db.knex, 'amsterdam');
  const file = path.join(__dirname, '../../seed/demo/amsterdam_sensorenregister_sample_redacted.geojson');
  const report = await importFile(db.knex, request({ organisationSlug: 'amsterdam', fileName: 'amsterdam.geojson', content: fs.readFileSync(file) }));
  expect(report.written).toBe(7);
  const rows = await db.knex('things as t').join('organisations as o', 'o.id', 't.organisation_id').where('o.slug', 'amsterdam').orderBy('t.id').select('t.properties');
  expect(rows[0].properties).toMatchObject({ reference: '8151-9408.0', operator: 'Ekodis natuurmarkt', activeUntil: '2032-01-01' });
  expect(JSON.stringify(rows)).not.toContain('redacted');
});
