/**
 * Shared shapes of the sensor import (GeoJSON, CSV, BGT GML → normalised {@link ImportRecord}s) and the one
 * way an import problem is rendered as a line of text for editors and logs.
 */
import type { ImportRecord } from '../profile-types';
import type { FieldSources } from './build-record';

/** One problem found while reading or validating an import file. */
export interface ImportIssue {
  /** The file name as given to the import. */
  file: string;
  /**
   * Which record: the 1-based feature number for GeoJSON and GML, the 1-based data row number for CSV
   * (the header row is not counted, so data row 1 is the second line of the sheet). `null` for problems
   * with the file as a whole.
   */
  row: number | null;
  /**
   * The field: the column, property or GML element as written in the file; a record path such as
   * `thing.publicContact` only where the file has no name for it.
   */
  field: string | null;
  /** What is wrong, in words an editor can act on. */
  reason: string;
}

/** A problem with one field of one record, before the file and row are known. */
export interface FieldIssue {
  field: string | null;
  reason: string;
}

/** A record read from an import file, with the row (or feature number) it came from. */
export interface ParsedRecord {
  row: number;
  record: ImportRecord;
  /** Where the record's fields were read, so problems name the file's own column or property. */
  sources?: FieldSources;
}

/** What the records of a file are called: CSV rows, GeoJSON and GML features. */
export type RecordUnit = 'row' | 'feature';

/** What a parser returns: the records it could read and the problems it found. */
export interface ParseResult {
  records: ParsedRecord[];
  issues: ImportIssue[];
  /** Columns of the file that feed no register field (CSV), so the editor can see what was not read. */
  unread?: string[];
  /** What the records are called (rows when absent). */
  unit?: RecordUnit;
}

/** Attaches the file and row to field issues. */
export function issuesAt(file: string, row: number | null, issues: FieldIssue[]): ImportIssue[] {
  return issues.map((issue) => ({ file, row, field: issue.field, reason: issue.reason }));
}

/**
 * One readable line: `sensors.csv row 3, field "x, y": RD coordinates (12, 34) lie outside the Netherlands`
 * (`feature 3` for GeoJSON and GML).
 */
export function formatIssue(issue: ImportIssue, unit: RecordUnit = 'row'): string {
  const where = [issue.file];
  if (issue.row !== null) where.push(` ${unit} ${issue.row}`);
  if (issue.field !== null) where.push(`${issue.row !== null ? ',' : ''} field "${issue.field}"`);
  return `${where.join('')}: ${issue.reason}`;
}
