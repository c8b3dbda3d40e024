/**
 * An organisation's reference identifies one installation: a record may not reuse the reference of another
 * record in the file, or of a Thing the organisation already has (unless that one is retired). Terminated
 * records become retired and are exempt, as the database's unique index on active references is.
 */
import type { Knex } from 'knex';
import { toPgArray } from '../store/pg-array';
import { publicationOf } from '../store/write-graph';
import type { ImportIssue, ParsedRecord, RecordUnit } from './types';


export async function referenceIssues(
  knex: Knex,
  file: string,
  organisationId: number,
  records: readonly ParsedRecord[],
  unit: RecordUnit,
): Promise<ImportIssue[]> {
  const active = records.filter(({ record }) => record.thing?.reference !== undefined && publicationOf(record, false) !== 'retired');
  if (active.length === 0) return [];
  const references = [...new Set(active.map(({ record }) => record.thing?.reference as string))];
  const existing = new Map<string, number>();
  for (let start = 0; start < references.length; start += 5000) {
    const rows: Array<{ id: number; reference: string }> = await knex('things')
      .select('id', knex.raw(`properties->>'reference' AS reference`))
      .where('organisation_id', organisationId)
      .whereNot('publication', 'retired')
      .whereRaw(`properties->>'reference' = ANY(?::text[])`, [toPgArray(references.slice(start, start + 5000))]);
    for (const row of rows) existing.set(row.reference, Number(row.id));
  }
  const firstRow = new Map<string, number>();
  const issues: ImportIssue[] = [];
  for (const { row, record } of active) {
    const reference = record.thing?.reference as string;
    const thing = existing.get(reference);
    const earlier = firstRow.get(reference);
    if (thing !== undefined) {
      issues.push({ file, row, field: 'reference', reason: `reference ${JSON.stringify(reference)} is already registered by this organisation (Thing ${thing}); a reference identifies one installation` });
    } else if (earlier !== undefined) {
      issues.push({ file, row, field: 'reference', reason: `reference ${JSON.stringify(reference)} was already used in ${unit} ${earlier} of this file` });
    } else {
      firstRow.set(reference, row);
    }
  }
  return issues;
}
