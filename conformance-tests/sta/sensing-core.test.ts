/**
 * Conformance class Sensing Core (OGC 18-088 A.1; ets-sta10 level 1): service root, every entity set, entity,
 * property, $value, navigation path to depth 4 and $ref, with the exact totals of the ets fixture.
 */
import { ids, openTarget, type Target } from './target';

const SETS: Record<string, { count: number; properties: string[]; relations: string[] }> = {
  Things: { count: 2, properties: ['name', 'description'], relations: ['Datastreams', 'HistoricalLocations', 'Locations'] },
  Locations: { count: 2, properties: ['name', 'description', 'encodingType', 'location'], relations: ['HistoricalLocations', 'Things'] },
  HistoricalLocations: { count: 4, properties: ['time'], relations: ['Thing', 'Locations'] },
  Datastreams: {
    count: 4,
    properties: ['name', 'description', 'unitOfMeasurement', 'observationType'],
    relations: ['Thing', 'Sensor', 'ObservedProperty', 'Observations'],
  },
  Sensors: { count: 4, properties: ['name', 'description', 'encodingType', 'metadata'], relations: ['Datastreams'] },
  ObservedProperties: { count: 3, properties: ['name', 'definition', 'description'], relations: ['Datastreams'] },
  Observations: { count: 12, properties: ['phenomenonTime', 'result', 'resultTime'], relations: ['Datastream', 'FeatureOfInterest'] },
  FeaturesOfInterest: { count: 2, properties: ['name', 'description', 'encodingType', 'feature'], relations: ['Observations'] },
};
const SINGULAR: Record<string, string> = {
  Thing: 'Things',
  Sensor: 'Sensors',
  ObservedProperty: 'ObservedProperties',
  Datastream: 'Datastreams',
  FeatureOfInterest: 'FeaturesOfInterest',
};
const OBJECT_VALUED = new Set(['location', 'feature', 'unitOfMeasurement']);

let target: Target;
beforeAll(async () => {
  target = await openTarget();
});
afterAll(() => target.close());

test('service root lists the eight entity sets with absolute URLs, and the conformance classes', async () => {
  const res = await target.get('').expect(200);
  expect(res.body.value.map((set: { name: string }) => set.name).sort()).toEqual(Object.keys(SETS).sort());
  for (const set of res.body.value) expect(set.url).toBe(`${target.root}/${set.name}`);
  expect(res.body.serverSettings.conformance).toEqual(
    expect.arrayContaining(['http://www.opengis.net/spec/iot_sensing/1.1/req/datamodel', 'http://www.opengis.net/spec/iot_sensing/1.1/req/request-data']),
  );
});

describe.each(Object.entries(SETS))('%s', (set, spec) => {
  test('the collection holds the exact fixture total, each entity with id, selfLink, properties and links', async () => {
    const res = await target.get(`/${set}?$count=true`).expect(200);
    expect(res.body['@iot.count']).toBe(spec.count);
    expect(res.body.value).toHaveLength(spec.count);
    for (const entity of res.body.value) {
      expect(Number.isInteger(entity['@iot.id'])).toBe(true);
      expect(entity['@iot.selfLink']).toBe(`${target.root}/${set}(${entity['@iot.id']})`);
      for (const property of spec.properties) expect(entity).toHaveProperty([property]);
      for (const relation of spec.relations) {
        expect(entity[`${relation}@iot.navigationLink`]).toBe(`${target.root}/${set}(${entity['@iot.id']})/${relation}`);
      }
    }
  });

  test('an entity by id; 404 for an id that does not exist', async () => {
    const first = (await target.get(`/${set}?$top=1`).expect(200)).body.value[0];
    const res = await target.get(`/${set}(${first['@iot.id']})`).expect(200);
    expect(res.body).toEqual(first);
    const missing = await target.get(`/${set}(9223372036854775807)`).expect(404);
    expect(missing.body).toMatchObject({ code: 404, type: 'error' });
  });

  test('every required property and its $value', async () => {
    const first = (await target.get(`/${set}?$top=1`).expect(200)).body.value[0];
    for (const property of spec.properties) {
      const res = await target.get(`/${set}(${first['@iot.id']})/${property}`).expect(200);
      expect(res.body).toEqual({ [property]: first[property] });
      const value = await target.get(`/${set}(${first['@iot.id']})/${property}/$value`).expect(200);
      if (first[property] === null) {
        expect(value.text).toBe('null');
        continue;
      }
      if (OBJECT_VALUED.has(property)) {
        expect(value.text.startsWith('{')).toBe(true);
        expect(JSON.parse(value.text)).toEqual(first[property]);
      } else {
        expect(value.text).not.toContain('{');
        expect(value.text).toBe(String(first[property]));
      }
    }
  });
});

test('every navigation path to four entity segments answers, non-empty, with matching $ref', async () => {
  let checked = 0;
  async function walk(path: string, set: string, depth: number): Promise<void> {
    for (const relation of SETS[set]!.relations) {
      const next = `${path}/${relation}`;
      const res = await target.get(next).expect(200);
      const refs = await target.get(`${next}/$ref`).expect(200);
      checked++;
      const targetSet = SINGULAR[relation] ?? relation;
      if (relation in SINGULAR) {
        expect(Number.isInteger(res.body['@iot.id'])).toBe(true);
        expect(refs.body).toEqual({ '@iot.selfLink': `${target.root}/${targetSet}(${res.body['@iot.id']})` });
        if (depth < 4) await walk(next, targetSet, depth + 1);
      } else {
        expect(res.body.value.length).toBeGreaterThan(0);
        expect(refs.body.value).toEqual(res.body.value.map((entity: { '@iot.id': number }) => ({ '@iot.selfLink': `${target.root}/${targetSet}(${entity['@iot.id']})` })));
        if (depth < 4) await walk(`${next}(${res.body.value[0]['@iot.id']})`, targetSet, depth + 1);
      }
    }
  }
  for (const set of ['Things', 'Datastreams', 'FeaturesOfInterest']) {
    const first = (await target.get(`/${set}?$top=1`).expect(200)).body.value[0];
    await walk(`/${set}(${first['@iot.id']})`, set, 2);
  }
  expect(checked).toBe(68);
}, 120000);

test('a path that does not belong to its parent is 404; so are unknown segments', async () => {
  const things = (await target.get('/Things').expect(200)).body;
  const [thing1, thing2] = ids(things);
  const datastreamsOf2 = ids((await target.get(`/Things(${thing2})/Datastreams`).expect(200)).body);
  await target.get(`/Things(${thing1})/Datastreams(${datastreamsOf2[0]})`).expect(404);
  await target.get(`/Things(${thing2})/Datastreams(${datastreamsOf2[0]})`).expect(200);
  await target.get(`/Things(${thing1})/Sensors`).expect(404);
  await target.get(`/Things(${thing1})/name/$value/extra`).expect(404);
  await target.get(`/Datastreams(${datastreamsOf2[0]})/Thing(${thing2})`).expect(404);
});
