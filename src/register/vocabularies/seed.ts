/**
 * Reads the vocabulary seed files in `seed/vocabularies/` (Amsterdam IoT register and SensRNet value lists)
 * into rows for the vocabulary tables: sensor types, themes, the six GDPR legal grounds and the allowed
 * public contact e-mail patterns.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { slugify } from '../../text/slug';
import { projectPath } from '../../paths';

const SEED_DIR = projectPath('seed', 'vocabularies');

export interface SensorTypeRow {
  code: string;
  label_nl: string;
  label_en: string | null;
  broader: string | null;
  definition_nl: string | null;
  source: 'amsterdam' | 'sensrnet';
}
export interface ThemeRow {
  code: string;
  label_nl: string;
  label_en: string | null;
  source: 'amsterdam' | 'sensrnet';
}
export interface LegalGroundRow {
  code: string;
  label_nl: string;
  label_en: string;
  gdpr_article: string;
}

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(SEED_DIR, file)), { columns: true, bom: true, skip_empty_lines: true, trim: true });
}

function amsterdam(list: string): string[] {
  return readCsv('amsterdam_iot_vocabularies.csv')
    .filter((row) => row.list === list)
    .map((row) => row.value ?? '');
}

/** Amsterdam's 11 sensor types, mapped onto the SensRNet category they belong to. */
const AMSTERDAM_BROADER: Record<string, string> = {
  'Optische / camera sensor': 'Optical / camerasensor',
  Geluidsensor: 'Sound sensor',
  Klimaatsensor: 'Environmental sensor / weather station',
  Chemiesensor: 'Chemical sensor',
  Electriciteitssensor: 'Electric current sensor',
  'Vloeistof- en gasstroomsensor': 'Flow sensor',
  'Positie- of verplaatsingsensor': 'Position and displacement sensor',
  Druksensor: 'Pressure sensor',
  Dichtheidssensor: 'Density sensor',
  Temperatuursensor: 'Temperature sensor',
  'Aanwezigheid of nabijheidsensor': 'Proximity sensor',
};

/** Sensor types: SensRNet's categories and types, then Amsterdam's 11 (as narrower terms of a category). */
export function sensorTypeRows(): SensorTypeRow[] {
  const rows = new Map<string, SensorTypeRow>();
  for (const row of readCsv('sensrnet_waardelijst_sensortypes.csv')) {
    const code = slugify(row.type_en ?? '');
    if (!code || rows.has(code)) continue;
    const isCategory = row.is_category === 'yes';
    rows.set(code, {
      code,
      label_nl: row.type_nl ?? '',
      label_en: row.type_en ?? null,
      broader: isCategory ? null : slugify(row.category_en ?? ''),
      definition_nl: row.definition_nl || null,
      source: 'sensrnet',
    });
  }
  for (const label of amsterdam('sensor_type')) {
    const code = slugify(label);
    if (rows.has(code)) continue;
    const broader = AMSTERDAM_BROADER[label];
    rows.set(code, {
      code,
      label_nl: label,
      label_en: null,
      broader: broader ? slugify(broader) : null,
      definition_nl: null,
      source: 'amsterdam',
    });
  }
  return [...rows.values()];
}

/** Themes: SensRNet's 23 (English key, Dutch label) and Amsterdam's 20. */
export function themeRows(): ThemeRow[] {
  const rows = new Map<string, ThemeRow>();
  for (const row of readCsv('sensrnet_waardelijst_themes.csv')) {
    const code = slugify(row.theme_en ?? '');
    rows.set(code, { code, label_nl: row.theme_nl ?? '', label_en: row.theme_en ?? null, source: 'sensrnet' });
  }
  for (const label of amsterdam('theme')) {
    const code = slugify(label);
    if (!rows.has(code)) rows.set(code, { code, label_nl: label, label_en: null, source: 'amsterdam' });
  }
  return [...rows.values()];
}

/** The six lawful bases of GDPR article 6(1), with Amsterdam's Dutch labels. */
export function legalGroundRows(): LegalGroundRow[] {
  const dutch = amsterdam('legal_ground');
  const byPrefix = (prefix: string): string => dutch.find((label) => label.startsWith(prefix)) ?? prefix;
  return [
    { code: 'consent', label_nl: byPrefix('Toestemming'), label_en: 'Consent', gdpr_article: '6(1)(a)' },
    { code: 'contract', label_nl: byPrefix('Uitvoering overeenkomst'), label_en: 'Contract', gdpr_article: '6(1)(b)' },
    { code: 'legal-obligation', label_nl: byPrefix('Wettelijke verplichting'), label_en: 'Legal obligation', gdpr_article: '6(1)(c)' },
    { code: 'vital-interests', label_nl: byPrefix('Bescherming vitale belangen'), label_en: 'Vital interests', gdpr_article: '6(1)(d)' },
    { code: 'public-task', label_nl: byPrefix('Publieke taak'), label_en: 'Public task', gdpr_article: '6(1)(e)' },
    { code: 'legitimate-interests', label_nl: byPrefix('Gerechtvaardigd belang'), label_en: 'Legitimate interests', gdpr_article: '6(1)(f)' },
  ];
}

/** Allowed public contact e-mail patterns (`info*@*.*`): role mailboxes only. */
export function publicEmailPatternRows(): { pattern: string }[] {
  return readCsv('sensrnet_waardelijst_public_email_mask.csv').map((row) => ({
    pattern: row.allowed_public_email_pattern ?? '',
  }));
}
