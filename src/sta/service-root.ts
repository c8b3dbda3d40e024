/**
 * The SensorThings service root (OGC 18-088 §9.2.1): the eight entity sets with absolute URLs and, in 1.1,
 * `serverSettings.conformance` listing the requirement classes this server implements.
 */
import { ENTITIES } from '../model/entities';

export type StaVersion = 'v1.0' | 'v1.1';

const REQ = 'http://www.opengis.net/spec/iot_sensing/1.1/req';

/** Requirement classes implemented (grows with the implementation). */
export const CONFORMANCE = [
  `${REQ}/datamodel`,
  `${REQ}/resource-path/resource-path-to-entities`,
  `${REQ}/request-data`,
];

export function serviceRoot(root: string, version: StaVersion): Record<string, unknown> {
  const value = ENTITIES.map((entity) => ({ name: entity.set, url: `${root}/${entity.set}` }));
  return version === 'v1.1' ? { value, serverSettings: { conformance: CONFORMANCE } } : { value };
}
