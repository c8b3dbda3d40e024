/**
 * The server under test. With `STA_BASE_URL` (e.g. `http://localhost:8080/sta/v1.1`) the suites run black-box
 * against that server, which must hold exactly the ets-sta10 fixture (`ets-fixture.ts`) as its published data;
 * otherwise they start this project's app on a fresh test database loaded with the fixture.
 */
import request from 'supertest';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../../test/support/test-database';
import { testApp } from '../../test/support/app';
import { buildEtsFixture } from './ets-fixture';

export interface Target {
  /** GET a path below the service root (`/Things?$top=1`), returning the supertest response. */
  get(path: string): request.Test;
  /** The absolute service root URL as the server links it. */
  root: string;
  close(): Promise<void>;
}

const LOCAL_ROOT = 'http://sta.test/sta/v1.1';

export async function openTarget(): Promise<Target> {
  const external = process.env.STA_BASE_URL?.replace(/\/+$/, '');
  if (external) {
    const url = new URL(external);
    return {
      get: (path) => request(url.origin).get(`${url.pathname}${path}`),
      root: external,
      close: async () => undefined,
    };
  }
  const db: Database = await openTestDatabase();
  await buildEtsFixture(db.knex);
  const app = testApp(db, { publicBaseUrl: 'http://sta.test' });
  return {
    get: (path) => request(app).get(`/sta/v1.1${path}`),
    root: LOCAL_ROOT,
    close: () => db.close(),
  };
}

/** The `@iot.id`s of a collection response, in order. */
export function ids(body: { value: Array<{ '@iot.id': number }> }): number[] {
  return body.value.map((entity) => entity['@iot.id']);
}

/** Looks an entity up by name: `idOf(target, 'Things', 'thing 1')`. */
export async function idOf(target: Target, set: string, name: string): Promise<number> {
  const res = await target.get(`/${set}?$filter=${encodeURIComponent(`name eq '${name}'`)}`).expect(200);
  if (res.body.value.length !== 1) throw new Error(`expected one ${set} named '${name}', got ${res.body.value.length}`);
  return res.body.value[0]['@iot.id'];
}
