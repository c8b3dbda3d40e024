import { detectFormat } from './detect-format';
import { parseImportFile } from './parse-import-file';

describe('detectFormat', () => {
  it.each([
    ['sensors.geojson', 'geojson'],
    ['Sensors.JSON', 'geojson'],
    ['sensors.csv', 'csv'],
    ['bgt.gml', 'gml'],
    ['bgt.xml', 'gml'],
  ])('knows %s by its extension', (name, format) => {
    expect(detectFormat(name, '')).toBe(format);
  });

  it('sniffs the content when the extension does not tell', () => {
    expect(detectFormat('export.txt', '\uFEFF  {"type": "FeatureCollection"}')).toBe('geojson');
    expect(detectFormat('upload', '<?xml version="1.0"?><CityModel/>')).toBe('gml');
    expect(detectFormat('sheet.txt', 'name;x;y\nA;1;2')).toBe('csv');
    expect(detectFormat('notes.txt', 'just some words')).toBeUndefined();
    expect(detectFormat('sheet.xlsx', 'PK\u0003\u0004\u0014\u0000,;')).toBeUndefined();
  });
});

describe('parseImportFile', () => {
  it('reads a Buffer with the parser of its format', () => {
    const result = parseImportFile('s.csv', Buffer.from('name,x,y\nCamera,81731.132,455225.697\n', 'utf8'));
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.record.position).toEqual({ crs: 'EPSG:28992', x: 81731.132, y: 455225.697 });
  });

  it('refuses a file it cannot read with a file-level issue', () => {
    expect(parseImportFile('notes.txt', 'just some words')).toEqual({
      records: [],
      issues: [
        {
          file: 'notes.txt',
          row: null,
          field: null,
          reason:
            'unsupported file type: use GeoJSON (.geojson, .json), CSV (.csv) or BGT GML (.gml, .xml); save a spreadsheet as CSV',
        },
      ],
    });
  });
});
