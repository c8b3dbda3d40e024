import { toBoolean, toDate, toList, toNumber, toStatus, toText } from './coerce';

const value = <T>(result: { value: T } | { problem: string }): T | undefined => ('value' in result ? result.value : undefined);

describe('coercion of import values', () => {
  it.each([
    ['true', true], ['Yes', true], ['JA', true], ['waar', true], ['1', true], [true, true], [1, true],
    ['false', false], ['no', false], ['Nee', false], ['onwaar', false], ['0', false], [false, false], [0, false],
  ])('reads %p as the boolean %p', (raw, expected) => {
    expect(toBoolean(raw)).toEqual({ value: expected });
  });

  it.each(['misschien', 'y', '2', '', null, {}])('refuses %p as a boolean', (raw) => {
    expect(toBoolean(raw)).toHaveProperty('problem');
  });

  it('reads numbers with a decimal point, and a decimal comma only when allowed', () => {
    expect(toNumber(' 81731.132 ', { decimalComma: false })).toEqual({ value: 81731.132 });
    expect(toNumber('-4', { decimalComma: false })).toEqual({ value: -4 });
    expect(toNumber(5.1, { decimalComma: false })).toEqual({ value: 5.1 });
    expect(toNumber('51,436525', { decimalComma: true })).toEqual({ value: 51.436525 });
    expect(toNumber('51,436525', { decimalComma: false })).toHaveProperty('problem');
    expect(toNumber('81.731,13', { decimalComma: true })).toHaveProperty('problem');
    expect(toNumber('12abc', { decimalComma: false })).toHaveProperty('problem');
    expect(toNumber(Number.NaN, { decimalComma: false })).toHaveProperty('problem');
  });

  it('reads ISO and Dutch dates and refuses impossible ones', () => {
    expect(value(toDate('2016-10-12'))).toBe('2016-10-12');
    expect(value(toDate('2016-11-12T12:14:53.000'))).toBe('2016-11-12');
    expect(value(toDate('1-3-2024'))).toBe('2024-03-01');
    expect(value(toDate('29/02/2024'))).toBe('2024-02-29');
    expect(toDate('2023-02-29')).toEqual({ problem: '"2023-02-29" is not a valid date (use YYYY-MM-DD, e.g. 2024-03-31)' });
    expect(toDate('31-02-2024')).toHaveProperty('problem');
    expect(toDate('morgen')).toHaveProperty('problem');
    expect(toDate(20240101)).toHaveProperty('problem');
  });

  it('splits lists on ; and |, keeps JSON arrays and drops blanks', () => {
    expect(toList('Lucht; Geluid |Water;')).toEqual({ value: ['Lucht', 'Geluid', 'Water'] });
    expect(toList(['Veiligheid', ' ', null])).toEqual({ value: ['Veiligheid'] });
    expect(toList([{ a: 1 }])).toHaveProperty('problem');
  });

  it('reads text and status words', () => {
    expect(toText('  Camera  ')).toEqual({ value: 'Camera' });
    expect(toText(12)).toEqual({ value: '12' });
    expect(toText({})).toHaveProperty('problem');
    expect(value(toStatus('Actief'))).toBe('active');
    expect(value(toStatus('gepland'))).toBe('planned');
    expect(value(toStatus('beëindigd'))).toBe('terminated');
    expect(toStatus('weg')).toHaveProperty('problem');
  });
});
