import { formatIssue } from './types';

describe('formatIssue', () => {
  it('writes file, row, field and reason on one line', () => {
    expect(formatIssue({ file: 'sensors.csv', row: 3, field: 'x', reason: 'RD coordinates (12, 34) lie outside the Netherlands' })).toBe(
      'sensors.csv row 3, field "x": RD coordinates (12, 34) lie outside the Netherlands',
    );
  });

  it('leaves out what is not known', () => {
    expect(formatIssue({ file: 'a.csv', row: 2, field: null, reason: 'r' })).toBe('a.csv row 2: r');
    expect(formatIssue({ file: 'a.csv', row: null, field: 'crs', reason: 'r' })).toBe('a.csv field "crs": r');
    expect(formatIssue({ file: 'a.csv', row: null, field: null, reason: 'r' })).toBe('a.csv: r');
  });
});
