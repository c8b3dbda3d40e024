/**
 * An import from file to database: parse, validate every record, then write the whole file in one
 * transaction — or nothing, with a report naming file, row, field and reason for every problem.
 */
import type { Knex } from 'knex';
import { referenceIssues } from './check-references';
import { parseImportFile } from './parse-import-file';
import type { ImportIssue, RecordUnit } from './types';
import { validateRecords } from './validate-records';
import { organisationBySlug } from '../organisations';
import { writeRecords } from '../store/write-graph';
import { loadVocabularies } from '../vocabularies/lookup';

export interface ImportRequest {
  organisationSlug: string;
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  publish: boolean;
  actor: string;
  onProgress?: (written: number, total: number) => void;
}

export interface ImportReport {
  file: string;
  organisation: string;
  /** Records read from the file. */
  records: number;
  /** Things written (0 on a dry run or when refused). */
  written: number;
  issues: ImportIssue[];
  /** What the issues' numbers count: CSV rows or GeoJSON/GML features. */
  unit: RecordUnit;
  /** Columns of the file that feed no register field (not an error: e.g. SensRNet's `Connectiviteit`). */
  unread: string[];
  dryRun: boolean;
}

/** File-level problems first, then by row, keeping the order of problems within a row. */
function byPosition(a: ImportIssue, b: ImportIssue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/** Runs an import; the database is unchanged unless the whole file is valid (and not a dry run). */
export async function importFile(knex: Knex, request: ImportRequest): Promise<ImportReport> {
  const organisation = await organisationBySlug(knex, request.organisationSlug);
  const parsed = parseImportFile(request.fileName, request.content);
  const vocabularies = await loadVocabularies(knex);
  const validated = validateRecords(request.fileName, parsed.records, vocabularies);
  const unit = parsed.unit ?? 'row';
  // Every record that could be read, also one with other problems: a repeated reference is reported too.
  const duplicates = await referenceIssues(knex, request.fileName, organisation.id, parsed.records, unit);
  const issues = [...parsed.issues, ...validated.issues, ...duplicates].sort(byPosition);
  const report: ImportReport = {
    file: request.fileName,
    organisation: organisation.slug,
    records: parsed.records.length,
    written: 0,
    issues,
    unit,
    unread: parsed.unread ?? [],
    dryRun: request.dryRun,
  };
  if (issues.length > 0 || request.dryRun || validated.records.length === 0) return report;
  const records = validated.records.map((parsedRecord) => parsedRecord.record);
  report.written = await knex.transaction((trx) =>
    writeRecords(trx, records, {
      organisationId: organisation.id,
      publish: request.publish,
      actor: request.actor,
      onProgress: (written) => request.onProgress?.(written, records.length),
    }),
  );
  return report;
}
