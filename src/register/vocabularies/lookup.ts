/**
 * Vocabulary look-ups: resolves what people type (a code, a Dutch or an English label, any case) to the
 * vocabulary code, and checks public contact addresses against the role-mailbox patterns.
 */
import type { Knex } from 'knex';
import type { LegalGroundRow, SensorTypeRow, ThemeRow } from './seed';

/** Resolved vocabularies used by validation and import. */
export interface Vocabularies {
  /** The sensor type code for a code or label, if known. */
  sensorType(value: string): string | undefined;
  /** The theme code for a code or label, if known. */
  theme(value: string): string | undefined;
  /** The legal ground code for a code or label, if known. */
  legalGround(value: string): string | undefined;
  /** Whether `email` is a role mailbox allowed as public contact. */
  isAllowedPublicEmail(email: string): boolean;
}

export interface VocabularyRows {
  sensorTypes: Pick<SensorTypeRow, 'code' | 'label_nl' | 'label_en'>[];
  themes: Pick<ThemeRow, 'code' | 'label_nl' | 'label_en'>[];
  legalGrounds: Pick<LegalGroundRow, 'code' | 'label_nl' | 'label_en'>[];
  publicEmailPatterns: { pattern: string }[];
}

const normalise = (value: string): string => value.trim().toLocaleLowerCase('nl');

function index(rows: { code: string; label_nl: string; label_en: string | null }[]): (value: string) => string | undefined {
  const map = new Map<string, string>();
  for (const row of rows) {
    for (const key of [row.label_en, row.label_nl, row.code]) if (key) map.set(normalise(key), row.code);
  }
  return (value) => map.get(normalise(value));
}

/** `info*@*.*` → a regular expression where `*` matches any run of characters except `@`. */
export function emailPatternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .trim()
    .toLowerCase()
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('[^@\\s]*');
  return new RegExp(`^${escaped}$`);
}

/** Builds the look-ups from vocabulary rows. */
export function vocabulariesFrom(rows: VocabularyRows): Vocabularies {
  const patterns = rows.publicEmailPatterns.map((row) => emailPatternToRegExp(row.pattern));
  return {
    sensorType: index(rows.sensorTypes),
    theme: index(rows.themes),
    legalGround: index(rows.legalGrounds),
    isAllowedPublicEmail: (email) => patterns.some((pattern) => pattern.test(email.trim().toLowerCase())),
  };
}

/** Loads the vocabularies from the database. */
export async function loadVocabularies(knex: Knex): Promise<Vocabularies> {
  const [sensorTypes, themes, legalGrounds, publicEmailPatterns] = await Promise.all([
    knex('sensor_types').select('code', 'label_nl', 'label_en'),
    knex('themes').select('code', 'label_nl', 'label_en'),
    knex('legal_grounds').select('code', 'label_nl', 'label_en'),
    knex('public_email_patterns').select('pattern'),
  ]);
  return vocabulariesFrom({ sensorTypes, themes, legalGrounds, publicEmailPatterns });
}
