/** One file with one bad row per kind of problem: each gives exactly one issue, on its row and field. */
import { vocabulariesFrom } from '../vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../vocabularies/seed';
import { parseImportFile } from './parse-import-file';
import { formatIssue, type ImportIssue } from './types';
import { validateRecords } from './validate-records';

const vocabularies = vocabulariesFrom({
  sensorTypes: sensorTypeRows(),
  themes: themeRows(),
  legalGrounds: legalGroundRows(),
  publicEmailPatterns: publicEmailPatternRows(),
});

function importIssues(fileName: string, content: string): { issues: ImportIssue[]; validRows: number[] } {
  const parsed = parseImportFile(fileName, Buffer.from(content, 'utf8'));
  const validated = validateRecords(fileName, parsed.records, vocabularies);
  return { issues: [...parsed.issues, ...validated.issues], validRows: validated.records.map((r) => r.row) };
}

describe('a CSV file with one bad row of each kind', () => {
  const csv = [
    'name,x,y,longitude,latitude,sensor_type,public_contact,personal_data,active_from',
    'Camera Spui,81731.132,455225.697,,,Optische / camera sensor,info@denhaag.nl,ja,2020-01-01',
    'Camera zonder plek,,,,,Optische / camera sensor,info@denhaag.nl,ja,2020-01-01',
    'Camera buitenland,12,34,,,Optische / camera sensor,info@denhaag.nl,ja,2020-01-01',
    'Tovermeter,81731.132,455225.697,,,Tovermeter,info@denhaag.nl,ja,2020-01-01',
    'Camera Jan,81731.132,455225.697,,,Optische / camera sensor,jan.jansen@denhaag.nl,ja,2020-01-01',
    'Camera twijfel,81731.132,455225.697,,,Optische / camera sensor,info@denhaag.nl,misschien,2020-01-01',
    'Camera datum,81731.132,455225.697,,,Optische / camera sensor,info@denhaag.nl,ja,31-02-2024',
    'Camera Plein,,,4.3134,52.0799,Optische / camera sensor,sensoren@denhaag.nl,nee,2021-06-30',
  ].join('\n');
  const { issues, validRows } = importIssues('sensors.csv', csv);

  it('gives exactly one issue per bad row, with its row number and field', () => {
    expect(issues.map(({ row, field }) => [row, field])).toEqual([
      [2, 'position'],
      [6, 'personal_data'],
      [7, 'active_from'],
      [3, 'x, y'],
      [4, 'sensor_type'],
      [5, 'public_contact'],
    ]);
    expect(validRows).toEqual([1, 8]);
  });

  it('says what is wrong in each', () => {
    const reasonOf = (row: number): string | undefined => issues.find((issue) => issue.row === row)?.reason;
    expect(reasonOf(2)).toBe('missing coordinates: give longitude and latitude (WGS84) or x and y (RD New, EPSG:28992)');
    expect(reasonOf(3)).toBe(
      'RD coordinates (12, 34) lie outside the Netherlands (EPSG:28992 area of use: x 646.36 … 308975.28, y 276050.82 … 636456.31)',
    );
    expect(reasonOf(4)).toBe(
      'unknown sensor type "Tovermeter": use a code or label from the sensor type list (/api/v1/vocabularies/sensor-types)',
    );
    expect(reasonOf(5)).toBe(
      'the public contact must be a role mailbox (such as info@…, sensoren@…, privacy@…), not a personal address: it is published',
    );
    expect(reasonOf(5)).not.toContain('jan.jansen');
    expect(reasonOf(6)).toBe('"misschien" is not a yes/no value (use true/false, yes/no, ja/nee or 1/0)');
    expect(reasonOf(7)).toBe('"31-02-2024" is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)');
  });

  it('formats an issue as one readable line', () => {
    expect(formatIssue(issues[0] as ImportIssue)).toBe(
      'sensors.csv row 2, field "position": missing coordinates: give longitude and latitude (WGS84) or x and y (RD New, EPSG:28992)',
    );
  });
});

describe('a GeoJSON file with one non-point feature', () => {
  const feature = (geometry: unknown, name: string): unknown => ({ type: 'Feature', geometry, properties: { name } });
  const geojson = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      feature({ type: 'Point', coordinates: [4.3134, 52.0799] }, 'Vast punt'),
      feature({ type: 'Polygon', coordinates: [[[4.3, 52], [4.4, 52], [4.4, 52.1], [4.3, 52]]] }, 'Gebied'),
      feature({ type: 'Point', coordinates: [4.9, 52.37] }, 'Ander vast punt'),
    ],
  });
  const { issues, validRows } = importIssues('sensors.geojson', geojson);

  it('gives exactly one issue, on feature 2, field geometry', () => {
    expect(issues).toEqual([
      {
        file: 'sensors.geojson',
        row: 2,
        field: 'geometry',
        reason:
          'a Polygon geometry is not supported: mobile and non-point registrations are not supported — a registration needs one fixed point',
      },
    ]);
    expect(validRows).toEqual([1, 3]);
  });
});

describe('problems found in validation name the column as written in the file', () => {
  const csv = [
    'Naam Apparaat;Longitude;Lattitude;Sensortype;Thema Datastroom;Observatie doel wettelijke grondslag link (URL)',
    'Camera;4,3;52,1;Tovermeter;Lucht|Maanlicht;www.example.nl',
  ].join('\n');

  it('uses the SensRNet headers, not record paths', () => {
    expect(importIssues('sensrnet.csv', csv).issues.map(({ row, field }) => [row, field])).toEqual([
      [1, 'Sensortype'],
      [1, 'Thema Datastroom'],
      [1, 'Observatie doel wettelijke grondslag link (URL)'],
    ]);
  });
});
