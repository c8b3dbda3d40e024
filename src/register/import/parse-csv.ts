/**
 * Reads a CSV sheet of sensor installations: one header row, then one installation per row. The separator
 * is `,` or `;` (whichever the header uses more); columns are named as in the register's template or the
 * SensRNet bulk template (see `field-mapping.ts`); other columns are not read, and are listed as `unread`. Rows are numbered from 1
 * after the header; blank rows are skipped but counted, so row numbers match the data rows of the sheet.
 */
import { parse } from 'csv-parse/sync';
import { recordFromFields } from './build-record';
import { fieldFor, fieldValuesOf } from './field-mapping';
import { issuesAt, type ImportIssue, type ParseResult, type ParsedRecord } from './types';

/** `;` when the header row holds more semicolons than commas, else `,`. */
export function detectSeparator(text: string): ',' | ';' {
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  const count = (char: string): number => header.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function readRows(text: string, separator: string): string[][] | Error {
  try {
    return parse(text, { delimiter: separator, bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Reads the installations of a CSV file; `file` names the file in issues. */
export function parseCsv(file: string, text: string): ParseResult {
  const separator = detectSeparator(text);
  const rows = readRows(text, separator);
  if (rows instanceof Error) {
    return { records: [], issues: [{ file, row: null, field: null, reason: `unreadable CSV: ${rows.message}` }] };
  }
  const [header, ...dataRows] = rows;
  const columns = (header ?? []).map((column) => column.trim());
  const unread = columns.filter((column) => column !== '' && fieldFor(column) === undefined);
  const issues: ImportIssue[] = [];
  const records: ParsedRecord[] = [];
  dataRows.forEach((cells, index) => {
    const row = index + 1;
    if (cells.every((cell) => cell.trim() === '')) return;
    const fields = fieldValuesOf(columns.map((column, i): [string, unknown] => [column, cells[i]]));
    const built = recordFromFields(fields, { decimalComma: separator === ';' });
    issues.push(...issuesAt(file, row, built.issues));
    if (built.record) records.push({ row, record: built.record, sources: built.sources });
  });
  if (records.length === 0 && issues.length === 0) {
    issues.push({ file, row: null, field: null, reason: 'no data rows: the file holds no sensor installations' });
  }
  return { records, issues, unread };
}
