import { vocabulariesFrom } from '../vocabularies/lookup';
import { legalGroundRows, publicEmailPatternRows, sensorTypeRows, themeRows } from '../vocabularies/seed';
import { detectSeparator, parseCsv } from './parse-csv';
import { validateRecords } from './validate-records';

const vocabularies = vocabulariesFrom({
  sensorTypes: sensorTypeRows(),
  themes: themeRows(),
  legalGrounds: legalGroundRows(),
  publicEmailPatterns: publicEmailPatternRows(),
});

const lines = (...rows: string[]): string => rows.join('\r\n') + '\r\n';

describe('parseCsv', () => {
  it('reads the own template with WGS84 longitude/latitude', () => {
    const csv = lines(
      'name,description,reference,status,active_from,public_contact,mounting_object,longitude,latitude,sensor_type,manufacturer,themes,personal_data,purpose,legal_ground,privacy_statement_url,open_data',
      'Geluidsmeter Plein,Meet het geluidsniveau,DH-G-001,active,2023-05-01,sensoren@denhaag.nl,lantaarnpaal,4.3134,52.0799,Geluidsmeter,Sonitus,Geluid;Gezondheidsrisico’s,no,Geluidsoverlast meten,Publieke taak,https://www.denhaag.nl/privacy,ja',
    );
    const result = parseCsv('sensors.csv', csv);
    expect(result.issues).toEqual([]);
    expect(result.records).toEqual([
      {
        row: 1,
        // every column is a template column: each field was read from the column of its own name
        sources: { ...Object.fromEntries(csv.split('\r\n')[0]!.split(',').map((column) => [column, column])), position: 'longitude, latitude' },
        record: {
          name: 'Geluidsmeter Plein',
          description: 'Meet het geluidsniveau',
          thing: {
            reference: 'DH-G-001',
            status: 'active',
            activeFrom: '2023-05-01',
            publicContact: 'sensoren@denhaag.nl',
            mountingObject: 'lantaarnpaal',
          },
          position: { crs: 'EPSG:4326', x: 4.3134, y: 52.0799 },
          sensor: {
            name: 'Geluidsmeter Plein',
            description: '',
            properties: { sensorType: 'Geluidsmeter', manufacturer: 'Sonitus' },
          },
          datastream: {
            name: 'Geluidsmeter data',
            description: '',
            observedProperty: {
              name: 'Geluidsmeter data',
              definition: 'urn:sensorregister:observed-property:geluidsmeter-data',
            },
            properties: {
              themes: ['Geluid', 'Gezondheidsrisico’s'],
              personalData: false,
              purpose: 'Geluidsoverlast meten',
              legalGround: 'Publieke taak',
              privacyStatementUrl: 'https://www.denhaag.nl/privacy',
              openData: true,
            },
          },
        },
      },
    ]);
    const validated = validateRecords('sensors.csv', result.records, vocabularies);
    expect(validated.issues).toEqual([]);
    expect(validated.records[0]?.record.sensor.properties?.sensorType).toBe('sound-level-meter');
    expect(validated.records[0]?.record.datastream.properties).toMatchObject({
      themes: ['sound', 'health'],
      legalGround: 'public-task',
    });
  });

  it.each([
    ['x,y', 'x', 'y'],
    ['rd_x,rd_y', 'rd_x', 'rd_y'],
    ['RD X,RD Y', 'RD X', 'RD Y'],
  ])('reads RD New coordinates from %s', (header) => {
    const result = parseCsv('rd.csv', lines(`Name,${header}`, 'Camera Spui,81731.132,455225.697'));
    expect(result.issues).toEqual([]);
    expect(result.records[0]?.record.position).toEqual({ crs: 'EPSG:28992', x: 81731.132, y: 455225.697 });
  });

  it('reads a ;-separated SensRNet bulk template with Dutch headers and decimal commas', () => {
    const csv = lines(
      'Naam Apparaat;Omschrijving Apparaat;Categorie Apparaat;Lattitude;Longitude;Hoogte [m];Naam Opstelpunt;Opstelpunt omschrijving;Naam Sensor;Omschrijving Sensor;Sensortype;Leverancier Sensor;Fabrikant Sensor;Documentatie Sensor;Naam Datastroom;Omschrijving Datastroom;Meeteenheid;Thema Datastroom;Is de Datastroom actief?;Is de Datastroom beschikbaar als Open Data?;Bevat de Datastroom persoonsgegevens?;Naam Observatie doel;Beschrijving Observatie doel;Observatie doel wettelijke grondslag link (URL)',
      'CityBeacon EHV-02;CityBeacon met luchtkwaliteitsensoren;Baken;51,436525;5,481299;3;Stadskantoor;Nabij Stadhuisplein 1;Luchtkwaliteit sensor CityBeacon EHV-02;Meet elke tien minuten;Luchtvervuilingssensor;AiREAS;Eindhoven247;https://cdn-shop.adafruit.com/datasheets/DHT22.pdf;Luchtkwaliteit Eindhoven;PM1, PM2.5, PM10 en NOx;μg/m3;"Lucht; Gezondheidsrisico\'s";true;Waar;Onwaar;Gezondheid;Beoordelen van luchtkwaliteit;https://www.eindhoven.nl/privacy',
    );
    expect(detectSeparator(csv)).toBe(';');
    const result = parseCsv('sensrnet.csv', csv);
    expect(result.issues).toEqual([]);
    expect(result.unread).toEqual(['Categorie Apparaat', 'Hoogte [m]', 'Is de Datastroom actief?']);
    expect(result.records[0]?.record).toEqual({
      name: 'CityBeacon EHV-02',
      description: 'CityBeacon met luchtkwaliteitsensoren',
      position: { crs: 'EPSG:4326', x: 5.481299, y: 51.436525 },
      locationName: 'Stadskantoor: Nabij Stadhuisplein 1',
      sensor: {
        name: 'Luchtkwaliteit sensor CityBeacon EHV-02',
        description: 'Meet elke tien minuten',
        metadata: 'https://cdn-shop.adafruit.com/datasheets/DHT22.pdf',
        properties: { sensorType: 'Luchtvervuilingssensor', manufacturer: 'Eindhoven247', supplier: 'AiREAS' },
      },
      datastream: {
        name: 'Luchtkwaliteit Eindhoven',
        description: 'PM1, PM2.5, PM10 en NOx',
        unitOfMeasurement: { name: null, symbol: 'μg/m3', definition: null },
        observedProperty: {
          name: 'Luchtkwaliteit Eindhoven',
          definition: 'urn:sensorregister:observed-property:luchtkwaliteit-eindhoven',
        },
        properties: {
          themes: ['Lucht', "Gezondheidsrisico's"],
          personalData: false,
          purpose: 'Gezondheid: Beoordelen van luchtkwaliteit',
          privacyStatementUrl: 'https://www.eindhoven.nl/privacy',
          openData: true,
        },
      },
    });
    const validated = validateRecords('sensrnet.csv', result.records, vocabularies);
    expect(validated.issues).toEqual([]);
    expect(validated.records[0]?.record.sensor.properties?.sensorType).toBe('air-pollution-sensor');
    expect(validated.records[0]?.record.datastream.properties?.themes).toEqual(['air', 'health']);
  });

  it('accepts a decimal comma only in ;-separated files', () => {
    const result = parseCsv('comma.csv', lines('name,longitude,latitude', 'A,"4,3","52,1"'));
    expect(result.issues).toEqual([
      { file: 'comma.csv', row: 1, field: 'longitude', reason: '"4,3" is not a number (write digits with "." as decimal separator)' },
      { file: 'comma.csv', row: 1, field: 'latitude', reason: '"52,1" is not a number (write digits with "." as decimal separator)' },
    ]);
  });

  it('refuses both a WGS84 and an RD pair, but accepts an empty pair next to a filled one', () => {
    const result = parseCsv(
      'both.csv',
      lines('name,longitude,latitude,x,y', 'A,4.3,52.1,81731,455225', 'B,4.3,52.1,,', 'C,,,81731,455225'),
    );
    expect(result.issues).toEqual([
      { file: 'both.csv', row: 1, field: 'position', reason: 'give either WGS84 longitude/latitude or RD x/y, not both' },
    ]);
    expect(result.records.map((r) => [r.row, r.record.position.crs])).toEqual([
      [2, 'EPSG:4326'],
      [3, 'EPSG:28992'],
    ]);
  });

  it('reports half a coordinate pair on the missing field', () => {
    expect(parseCsv('half.csv', lines('name,x,y', 'A,81731,')).issues).toEqual([
      { file: 'half.csv', row: 1, field: 'y', reason: 'x is given but y is missing' },
    ]);
  });

  it('counts blank rows in the row numbers, skips them, and strips a byte order mark', () => {
    const result = parseCsv('blank.csv', '\uFEFF' + lines('name,x,y', 'A,81731,455225', '', ',,', 'B,81000,455000'));
    expect(result.issues).toEqual([]);
    expect(result.records.map((r) => [r.row, r.record.name])).toEqual([
      [1, 'A'],
      [4, 'B'],
    ]);
  });

  it('reports a missing name and an unreadable file', () => {
    expect(parseCsv('noname.csv', lines('description,x,y', 'iets,81731,455225')).issues).toEqual([
      { file: 'noname.csv', row: 1, field: 'name', reason: 'missing name: every sensor installation needs a name' },
    ]);
    const broken = parseCsv('quote.csv', lines('name,x,y', '"A,81731,455225'));
    expect(broken.issues).toHaveLength(1);
    expect(broken.issues[0]).toMatchObject({ file: 'quote.csv', row: null, field: null });
    expect(broken.issues[0]?.reason).toMatch(/^unreadable CSV: /);
    expect(parseCsv('empty.csv', 'name,x,y\n').issues).toEqual([
      { file: 'empty.csv', row: null, field: null, reason: 'no data rows: the file holds no sensor installations' },
    ]);
  });
});
