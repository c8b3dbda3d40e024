/**
 * Validates parsed import records before anything is written: vocabulary values resolved to codes, the
 * record checked against `schemas/import-record.schema.json`, the point inside the Netherlands, the public
 * contact a role mailbox, and the active period in order. Every problem becomes an issue naming file, row,
 * field (the column or property it was read from, else a record path such as
 * `datastream.properties.privacyStatementUrl`) and reason — at most one per field.
 * A record with any issue is left out of the valid records.
 */
import type { ValidateFunction } from 'ajv';
import type { ImportRecord } from '../profile-types';
import { createProfileAjv, schemaIssues, validatorFor } from '../schemas';
import type { Vocabularies } from '../vocabularies/lookup';
import { sourceOf } from './build-record';
import { positionIssue } from './check-position';
import { resolveVocabulary } from './resolve-vocabulary';
import { issuesAt, type FieldIssue, type ImportIssue, type ParsedRecord } from './types';

let compiled: ValidateFunction | undefined;

/** The compiled import record schema (compiled on first use, then kept: it never changes at run time). */
function importRecordValidator(): ValidateFunction {
  compiled ??= validatorFor(createProfileAjv(), 'import-record.schema.json');
  return compiled;
}

/** The value at a dotted record path, to quote it in a reason. */
function valueAt(record: ImportRecord, path: string): unknown {
  let node: unknown = record;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node;
}

/** ajv's wording for the formats import files get wrong most, in an editor's words. */
const PLAIN_REASONS: Readonly<Record<string, string>> = {
  'must match pattern "^https?://"': 'must be a web address starting with http:// or https://',
  'must match format "uri"': 'must be a web address starting with http:// or https://',
  'must match format "email"': 'must be an e-mail address',
  'must match format "date"': 'must be a date written as YYYY-MM-DD',
};

function schemaProblems(record: ImportRecord): FieldIssue[] {
  const validate = importRecordValidator();
  if (validate(record)) return [];
  return schemaIssues(validate.errors).map(({ field, reason }) => {
    const value = valueAt(record, field);
    const quoted = typeof value === 'string' || typeof value === 'number' ? `${JSON.stringify(value)} ` : '';
    return { field, reason: `${quoted}${PLAIN_REASONS[reason] ?? reason}` };
  });
}

function contactProblem(record: ImportRecord, vocabularies: Vocabularies): FieldIssue | undefined {
  const contact = record.thing?.publicContact;
  if (contact === undefined || vocabularies.isAllowedPublicEmail(contact)) return undefined;
  return {
    field: 'thing.publicContact',
    reason:
      'the public contact must be a role mailbox (such as info@…, sensoren@…, privacy@…), not a personal address: it is published',
  };
}

function periodProblem(record: ImportRecord): FieldIssue | undefined {
  const { activeFrom, activeUntil } = record.thing ?? {};
  if (!activeFrom || !activeUntil || activeUntil >= activeFrom) return undefined;
  return { field: 'thing.activeUntil', reason: `active until (${activeUntil}) lies before active from (${activeFrom})` };
}

/** Whether field path `inner` is `outer` or lies inside it (`datastream.properties.themes.0` in `…themes`). */
function isWithin(inner: string | null, outer: string | null): boolean {
  return inner !== null && outer !== null && `${inner}.`.startsWith(`${outer}.`);
}

/** All problems of one record, at most one per field (a field's first problem is the one to fix). */
function recordProblems(
  record: ImportRecord,
  vocabularies: Vocabularies,
): { record: ImportRecord; issues: FieldIssue[] } {
  const resolved = resolveVocabulary(record, vocabularies);
  const candidates = [
    ...resolved.issues,
    ...schemaProblems(resolved.record),
    positionIssue(resolved.record.position),
    contactProblem(resolved.record, vocabularies),
    periodProblem(resolved.record),
  ];
  const issues: FieldIssue[] = [];
  for (const candidate of candidates) {
    if (!candidate) continue;
    const covered = issues.some((issue) => isWithin(candidate.field, issue.field));
    if (!covered) issues.push(candidate);
  }
  return { record: resolved.record, issues };
}

/**
 * Validates the records of one file.
 * @param file the file name, for the issues
 * @param parsed records as the parsers read them (vocabulary values as written)
 * @returns the valid records, with vocabulary values replaced by codes, and the issues of the others
 */
export function validateRecords(
  file: string,
  parsed: ParsedRecord[],
  vocabularies: Vocabularies,
): { records: ParsedRecord[]; issues: ImportIssue[] } {
  const records: ParsedRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const { row, record, sources } of parsed) {
    const checked = recordProblems(record, vocabularies);
    if (checked.issues.length === 0) records.push({ row, record: checked.record, sources });
    else issues.push(...issuesAt(file, row, checked.issues.map((issue) => ({ ...issue, field: sourceOf(issue.field, sources) }))));
  }
  return { records, issues };
}
