import type { ImportRecord } from '../profile-types';
import { vocabulariesFrom } from '../vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../vocabularies/seed';
import { validateRecords } from './validate-records';

const vocabularies = vocabulariesFrom({
  sensorTypes: sensorTypeRows(),
  themes: themeRows(),
  legalGrounds: legalGroundRows(),
  publicEmailPatterns: publicEmailPatternRows(),
});

function record(changes: Partial<ImportRecord> = {}): ImportRecord {
  return {
    name: 'Geluidsmeter Plein',
    description: '',
    position: { crs: 'EPSG:4326', x: 4.3134, y: 52.0799 },
    sensor: { name: 'Geluidsmeter', description: '', properties: { sensorType: 'SoundLevelMeter' } },
    datastream: {
      name: 'Geluidsniveau',
      description: '',
      observedProperty: { name: 'Geluidsniveau', definition: 'urn:sensorregister:observed-property:geluidsniveau' },
      properties: { themes: ['Sound', 'geluid', 'Overig'], legalGround: 'Gerechtvaardigd belang' as 'legitimate-interests' },
    },
    ...changes,
  };
}

const issuesOf = (changes: Partial<ImportRecord>): { field: string | null; reason: string }[] =>
  validateRecords('v.geojson', [{ row: 4, record: record(changes) }], vocabularies).issues.map(({ field, reason }) => ({
    field,
    reason,
  }));

describe('validateRecords', () => {
  it('resolves vocabulary labels to codes, merging duplicates and dropping the catch-all theme', () => {
    const result = validateRecords('v.geojson', [{ row: 4, record: record() }], vocabularies);
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.row).toBe(4);
    expect(result.records[0]?.record.sensor.properties?.sensorType).toBe('sound-level-meter');
    expect(result.records[0]?.record.datastream.properties).toEqual({ themes: ['sound'], legalGround: 'legitimate-interests' });
  });

  it('does not change the parsed record', () => {
    const parsed = record();
    validateRecords('v.geojson', [{ row: 1, record: parsed }], vocabularies);
    expect(parsed.sensor.properties?.sensorType).toBe('SoundLevelMeter');
  });

  it('names unknown themes and legal grounds', () => {
    const datastream = record().datastream;
    expect(
      issuesOf({
        datastream: { ...datastream, properties: { themes: ['Muziek'], legalGround: 'Omdat het kan' as 'consent' } },
      }),
    ).toEqual([
      {
        field: 'datastream.properties.themes',
        reason: 'unknown theme "Muziek": use a code or label from the theme list (/api/v1/vocabularies/themes)',
      },
      {
        field: 'datastream.properties.legalGround',
        reason:
          'unknown legal ground "Omdat het kan": use one of the six GDPR art. 6(1) bases (consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests) or its Dutch label',
      },
    ]);
  });

  it('maps schema errors to record paths, one issue per field', () => {
    const datastream = record().datastream;
    expect(
      issuesOf({ datastream: { ...datastream, properties: { privacyStatementUrl: 'www.denhaag.nl/privacy' } } }),
    ).toEqual([
      { field: 'datastream.properties.privacyStatementUrl', reason: '"www.denhaag.nl/privacy" must be a web address starting with http:// or https://' },
    ]);
    expect(issuesOf({ thing: { publicContact: 'info at denhaag.nl' } })).toEqual([
      { field: 'thing.publicContact', reason: '"info at denhaag.nl" must be an e-mail address' },
    ]);
  });

  it('hints at swapped longitude and latitude', () => {
    expect(issuesOf({ position: { crs: 'EPSG:4326', x: 52.0799, y: 4.3134 } })).toEqual([
      {
        field: 'position',
        reason:
          'WGS84 coordinates (longitude 52.0799, latitude 4.3134) lie outside the Netherlands (longitude 3.2 … 7.22, latitude 50.75 … 53.7) — did you swap longitude and latitude?',
      },
    ]);
  });

  it('hints at RD metres given as degrees, swapped RD and degrees given as RD', () => {
    const [wgs] = issuesOf({ position: { crs: 'EPSG:4326', x: 81731.132, y: 455225.697 } });
    expect(wgs?.reason).toMatch(/these look like RD New metres: give them as x and y$/);
    const [swapped] = issuesOf({ position: { crs: 'EPSG:28992', x: 455225.697, y: 81731.132 } });
    expect(swapped?.reason).toMatch(/did you swap x and y\?$/);
    const [degrees] = issuesOf({ position: { crs: 'EPSG:28992', x: 4.3134, y: 52.0799 } });
    expect(degrees?.reason).toMatch(/these look like WGS84 degrees: give them as longitude and latitude$/);
  });

  it('accepts the corners of the areas', () => {
    expect(issuesOf({ position: { crs: 'EPSG:28992', x: 646.36, y: 636456.31 } })).toEqual([]);
    expect(issuesOf({ position: { crs: 'EPSG:4326', x: 7.22, y: 50.75 } })).toEqual([]);
  });

  it('refuses an active period that ends before it starts', () => {
    expect(issuesOf({ thing: { activeFrom: '2024-05-01', activeUntil: '2024-04-30' } })).toEqual([
      { field: 'thing.activeUntil', reason: 'active until (2024-04-30) lies before active from (2024-05-01)' },
    ]);
    expect(issuesOf({ thing: { activeFrom: '2024-05-01', activeUntil: '2024-05-01' } })).toEqual([]);
  });

  it('accepts role mailboxes as public contact', () => {
    expect(issuesOf({ thing: { publicContact: 'sensorenregister@amsterdam.nl' } })).toEqual([]);
    expect(issuesOf({ thing: { publicContact: 'p.devries@amsterdam.nl' } })).toHaveLength(1);
  });
});
