/**
 * Black-box harness for the OGC API – Features conformance suites: every check speaks HTTP only. Set
 * `FEATURES_API_URL` (the landing page, e.g. `https://register.example.nl/ogc/v1`) to test a deployment;
 * without it an in-process server is started on 127.0.0.1 over a fresh test database with the known fixture.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '../../src/db/connect';
import { addSensorFixture, featuresApp } from '../../test/features/support';
import { openTestDatabase } from '../../test/support/test-database';

export interface Target {
  /** The landing page URL, without trailing slash. */
  readonly landing: string;
  close(): Promise<void>;
}

/** The API under test: `FEATURES_API_URL`, or a local server. */
export async function openTarget(): Promise<Target> {
  const configured = process.env.FEATURES_API_URL;
  if (configured) return { landing: configured.replace(/\/+$/, ''), close: async () => undefined };
  const db: Database = await openTestDatabase();
  await addSensorFixture(db.knex);
  const server = await new Promise<Server>((resolve) => {
    const listening = featuresApp(db).listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    landing: `http://127.0.0.1:${port}/ogc/v1`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  json<T = any>(): T;
}

/** GET `url` with an Accept header (JSON by default). */
export async function get(url: string, accept = 'application/json'): Promise<Reply> {
  const res = await fetch(url, { headers: { Accept: accept }, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
}

export interface Link {
  href: string;
  rel: string;
  type?: string;
}

export function linksOf(doc: { links?: Link[] }, rel: string, type?: string): Link[] {
  return (doc.links ?? []).filter((link) => link.rel === rel && (type === undefined || link.type === type));
}

/** `url` with `params` added to its query string. */
export function withParams(url: string, params: Record<string, string>): string {
  const parsed = new URL(url);
  for (const [name, value] of Object.entries(params)) parsed.searchParams.set(name, value);
  return parsed.toString();
}

/** The JSON `items` href of every collection. */
export async function itemsUrls(landing: string): Promise<Array<{ id: string; items: string; collection: any }>> {
  const collections = (await get(`${landing}/collections`)).json();
  return collections.collections.map((collection: any) => ({
    id: collection.id,
    items: linksOf(collection, 'items', 'application/geo+json')[0]?.href,
    collection,
  }));
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
