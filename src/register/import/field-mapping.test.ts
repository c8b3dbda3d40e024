import { fieldFor, fieldValuesOf, normaliseFieldName } from './field-mapping';

describe('field mapping', () => {
  it('matches names case-insensitively, with spaces, dashes, underscores and camelCase alike', () => {
    expect(normaliseFieldName(' Active-From ')).toBe('active_from');
    for (const name of ['active_from', 'Active From', 'activeFrom', 'ACTIVE-FROM']) expect(fieldFor(name)).toBe('active_from');
  });

  it('maps SensRNet and Amsterdam names onto register fields', () => {
    expect(fieldFor('Naam Apparaat')).toBe('name');
    expect(fieldFor('Lattitude')).toBe('latitude');
    expect(fieldFor('Latitude')).toBe('latitude');
    expect(fieldFor('RD x')).toBe('x');
    expect(fieldFor('rd_y')).toBe('y');
    expect(fieldFor('Bevat de Datastroom persoonsgegevens?')).toBe('personal_data');
    expect(fieldFor('Observatie doel wettelijke grondslag link (URL)')).toBe('privacy_statement_url');
    expect(fieldFor('contains_pi_data')).toBe('personal_data');
    expect(fieldFor('type')).toBe('sensor_type');
    expect(fieldFor('owner')).toBeUndefined();
    expect(fieldFor('Hoogte [m]')).toBeUndefined();
  });

  it('keeps the source name of each value and drops blank values', () => {
    const values = fieldValuesOf([
      ['Naam Observatie doel', 'Gezondheid'],
      ['Beschrijving Observatie doel', 'Luchtkwaliteit beoordelen'],
      ['RD x', '  '],
      ['themes', []],
      ['owner', { name: 'Jan' }],
    ]);
    expect([...values]).toEqual([
      [
        'purpose',
        [
          { source: 'Naam Observatie doel', value: 'Gezondheid' },
          { source: 'Beschrijving Observatie doel', value: 'Luchtkwaliteit beoordelen' },
        ],
      ],
    ]);
  });
});
