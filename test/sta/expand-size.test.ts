/**
 * The size guard of `$expand` on the ets-sta10 fixture (2 Things, 4 Datastreams, 12 Observations on 2
 * Features of Interest), with a response limit of 20 entities: requests are counted with their expansions,
 * only the published data counts, and a request over the limit is a 400 naming the number.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { buildEtsFixture } from '../../conformance-tests/sta/ets-fixture';
import { testApp } from '../support/app';
import { openTestDatabase } from '../support/test-database';

let db: Database;
let app: ReturnType<typeof testApp>;

beforeAll(async () => {
  db = await openTestDatabase();
  await buildEtsFixture(db.knex);
  // Unpublished data that would push every request over the limit if it were counted.
  await buildEtsFixture(db.knex, 'drafts');
  await db.knex('things').whereIn('organisation_id', db.knex('organisations').select('id').where('slug', 'drafts')).update({ publication: 'draft' });
  app = testApp(db, { maxResponseEntities: 20 });
});

afterAll(() => db.close());

const get = (path: string) => request(app).get(`/sta/v1.1${path}`);

test('responses up to the limit are served, counting the expanded entities', async () => {
  // 2 Things + 4 Datastreams + 12 Observations = 18; with the 2 Locations 20.
  const res = await get('/Things?$expand=Datastreams/Observations').expect(200);
  expect(res.body.value.flatMap((t: { Datastreams: Array<{ Observations: unknown[] }> }) => t.Datastreams.map((d) => d.Observations.length))).toEqual([3, 3, 3, 3]);
  await get('/Things?$expand=Datastreams/Observations,Locations').expect(200);
  // Nested $top lowers the count: 2 + 4 + 4 + 4 = 14.
  await get('/Things?$expand=Datastreams($expand=Observations($top=1;$expand=FeatureOfInterest))').expect(200);
  // One Thing: 1 + 2 + 6 + 6 = 15.
  await get('/Things?$top=1&$expand=Datastreams/Observations/FeatureOfInterest').expect(200);
});

test('a request over the limit is a 400 that says how many entities it would return', async () => {
  const res = await get('/Things?$expand=Datastreams/Observations/FeatureOfInterest').expect(400);
  expect(res.body).toMatchObject({ code: 400, type: 'error', option: '$expand' });
  expect(res.body.message).toBe(
    '$expand: this request would return 30 entities, more than the 20 one response may hold; ask for fewer with a smaller $top, or a $top or $filter inside the $expand',
  );
  const thingId = (await get('/Things?$top=1&$select=id').expect(200)).body.value[0]['@iot.id'];
  // One entity: 1 Thing + 2 Datastreams + 6 Observations + 6 FoIs + 6 Datastreams + 6 Sensors = 27.
  await get(`/Things(${thingId})?$expand=Datastreams/Observations($expand=FeatureOfInterest,Datastream($expand=Sensor))`).expect(400);
  await request(app).get('/health').expect(200);
});
