/**
 * Shared shapes of the sensor import (GeoJSON, CSV, BGT GML → normalised {@link ImportRecord}s) and the one
 * way an import problem is rendered as a line of text for editors and logs.
 */
import type { ImportRecord } from '../profile-types';

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
  /** The field: a column or property name as written in the file, or a record path such as `thing.publicContact`. */
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
}

/** What a parser returns: the records it could read and the problems it found. */
export interface ParseResult {
  records: ParsedRecord[];
  issues: ImportIssue[];
}

/** Attaches the file and row to field issues. */
export function issuesAt(file: string, row: number | null, issues: FieldIssue[]): ImportIssue[] {
  return issues.map((issue) => ({ file, row, field: issue.field, reason: issue.reason }));
}

/** One readable line: `sensors.csv row 3, field "x": RD coordinates (12, 34) lie outside the Netherlands`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [issue.file];
  if (issue.row !== null) where.push(` row ${issue.row}`);
  if (issue.field !== null) where.push(`${issue.row !== null ? ',' : ''} field "${issue.field}"`);
  return `${where.join('')}: ${issue.reason}`;
}
