import { cql2TimestampProblem, dateProblem, durationProblem, odataDateTimeProblem, timeProblem } from './temporal';

describe('temporal literal checks', () => {
  it('validates calendar dates, leap years included', () => {
    expect(dateProblem('2024-02-29')).toBeNull();
    expect(dateProblem('2000-02-29')).toBeNull();
    expect(dateProblem('1900-02-29')).toBe('day out of range');
    expect(dateProblem('2021-04-31')).toBe('day out of range');
    expect(dateProblem('2021-00-10')).toBe('month out of range');
    expect(dateProblem('2021-1-10')).toBe('expected a date YYYY-MM-DD');
  });

  it('validates times of day', () => {
    expect(timeProblem('23:59:59.999')).toBeNull();
    expect(timeProblem('24:00')).toBe('time out of range');
    expect(timeProblem('12:60')).toBe('time out of range');
  });

  it('accepts OData date-times with Z or an offset and optional seconds', () => {
    for (const ok of ['2020-01-01T00:00Z', '2020-01-01T00:00:00.123456+01:00', '2020-01-01T23:59:59-12:00']) {
      expect(odataDateTimeProblem(ok)).toBeNull();
    }
    expect(odataDateTimeProblem('2020-01-01T00:00:00')).toMatch(/expected a date-time/);
    expect(odataDateTimeProblem('2020-01-01T00:00:00+25:00')).toBe('time zone offset out of range');
  });

  it('requires seconds and Z in CQL2 timestamps', () => {
    expect(cql2TimestampProblem('2020-01-01T00:00:00Z')).toBeNull();
    expect(cql2TimestampProblem('2020-01-01T00:00:00.5Z')).toBeNull();
    expect(cql2TimestampProblem('2020-01-01T00:00Z')).not.toBeNull();
    expect(cql2TimestampProblem('2020-01-01T00:00:00+00:00')).not.toBeNull();
  });

  it('validates ISO 8601 durations', () => {
    for (const ok of ['PT1H', 'P1D', 'P1Y2M3W4DT5H6M7.5S', '-PT30M']) expect(durationProblem(ok)).toBeNull();
    for (const bad of ['P', 'PT', '1H', 'PT1.5H', 'P1H']) expect(durationProblem(bad)).not.toBeNull();
  });
});
