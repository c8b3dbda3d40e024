/**
 * Reads the nested parts of an entry of Amsterdam's sensor register (`/iothings/devices/`, the shape of
 * `amsterdam_sensorenregister_sample_redacted.geojson`) into register fields. Its flat keys (`reference`,
 * `type`, `themes`, `contains_pi_data`, `active_until`, `location_description`) are aliases in
 * `field-mapping.ts`. `owner.organisation` (a business or institution) is the operator; `owner.name` and
 * `owner.email` are personal data and are never read.
 *
 * | Amsterdam property                          | register field                           |
 * |---------------------------------------------|------------------------------------------|
 * | `datastream`                                | datastream name and description          |
 * | `observation_goals[0].observation_goal`     | purpose                                  |
 * | `observation_goals[0].legal_ground`         | legal ground                             |
 * | `observation_goals[0].privacy_declaration`  | privacy statement URL                    |
 * | `type` + `reference` (no `name` given)      | name, e.g. `Optische / camera sensor 8151-9408.0` |
 * | `owner.organisation`                        | operator                                 |
 */
import { addFieldValue, type FieldKey, type FieldValues } from './field-mapping';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Adds the register fields found in the nested Amsterdam properties to `values`, where not given already. */
export function addAmsterdamFieldValues(properties: Record<string, unknown>, values: FieldValues): void {
  const fill = (field: FieldKey, source: string, value: unknown): void => {
    if (!values.has(field)) addFieldValue(values, field, source, value);
  };
  fill('datastream_name', 'datastream', properties.datastream);
  fill('datastream_description', 'datastream', properties.datastream);
  const goals = properties.observation_goals;
  const goal = Array.isArray(goals) ? goals[0] : undefined;
  if (isObject(goal)) {
    const source = (key: string): string => `observation_goals[0].${key}`;
    fill('purpose', source('observation_goal'), goal.observation_goal);
    fill('legal_ground', source('legal_ground'), goal.legal_ground);
    fill('privacy_statement_url', source('privacy_declaration'), goal.privacy_declaration);
  }
  if (isObject(properties.owner)) fill('operator', 'owner.organisation', properties.owner.organisation);
  if (typeof properties.type === 'string' && typeof properties.reference === 'string') {
    fill('name', 'reference', `${properties.type} ${properties.reference}`);
  }
}
