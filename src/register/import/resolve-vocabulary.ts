/**
 * Replaces the vocabulary values of an import record — sensor type, themes, legal ground, as a code or a
 * Dutch or English label — by their codes, and reports values the vocabularies do not know.
 * A theme `Overig` / `Other` that the theme list does not know is a catch-all (Amsterdam's register uses it)
 * and is dropped rather than refused: it classifies nothing. Typographic quotes (`’`, as spreadsheets
 * autocorrect `Gezondheidsrisico's`) are looked up as straight ones.
 */
import type { DatastreamProperties, ImportRecord } from '../profile-types';
import type { Vocabularies } from '../vocabularies/lookup';
import type { FieldIssue } from './types';

/** The look-ups, with typographic single quotes read as straight ones. */
function lookUps(vocabularies: Vocabularies): Pick<Vocabularies, 'sensorType' | 'theme' | 'legalGround'> {
  const straight = (value: string): string => value.replace(/[\u2018\u2019]/g, "'");
  return {
    sensorType: (value) => vocabularies.sensorType(straight(value)),
    theme: (value) => vocabularies.theme(straight(value)),
    legalGround: (value) => vocabularies.legalGround(straight(value)),
  };
}

const CATCH_ALL_THEMES = new Set(['overig', 'other']);

const LEGAL_GROUNDS = 'consent, contract, legal-obligation, vital-interests, public-task, legitimate-interests';

/** The record with vocabulary codes, and an issue for every unknown value. */
export function resolveVocabulary(
  record: ImportRecord,
  vocabularies: Vocabularies,
): { record: ImportRecord; issues: FieldIssue[] } {
  const lookUp = lookUps(vocabularies);
  const resolved = structuredClone(record);
  const issues: FieldIssue[] = [];
  const sensorProperties = resolved.sensor.properties;
  const sensorType = sensorProperties?.sensorType;
  if (sensorProperties && sensorType !== undefined) {
    const code = lookUp.sensorType(sensorType);
    if (code) sensorProperties.sensorType = code;
    else {
      issues.push({
        field: 'sensor.properties.sensorType',
        reason: `unknown sensor type ${JSON.stringify(sensorType)}: use a code or label from the sensor type list (/api/v1/vocabularies/sensor-types)`,
      });
    }
  }
  const datastreamProperties = resolved.datastream.properties;
  const themes = datastreamProperties?.themes;
  if (datastreamProperties && themes) {
    const codes = new Set<string>();
    for (const theme of themes) {
      const code = lookUp.theme(theme);
      if (code) codes.add(code);
      else if (!CATCH_ALL_THEMES.has(theme.trim().toLowerCase())) {
        issues.push({
          field: 'datastream.properties.themes',
          reason: `unknown theme ${JSON.stringify(theme)}: use a code or label from the theme list (/api/v1/vocabularies/themes)`,
        });
      }
    }
    if (codes.size > 0) datastreamProperties.themes = [...codes];
    else delete datastreamProperties.themes;
  }
  const legalGround = datastreamProperties?.legalGround;
  if (datastreamProperties && legalGround !== undefined) {
    const code = lookUp.legalGround(legalGround);
    if (code) datastreamProperties.legalGround = code as DatastreamProperties['legalGround'];
    else {
      issues.push({
        field: 'datastream.properties.legalGround',
        reason: `unknown legal ground ${JSON.stringify(legalGround)}: use one of the six GDPR art. 6(1) bases (${LEGAL_GROUNDS}) or its Dutch label`,
      });
    }
  }
  return { record: resolved, issues };
}
