/**
 * Real OGC API – Features clients against a real HTTP server on 127.0.0.1: GDAL's OAPIF driver (ogrinfo,
 * ogr2ogr paging through `next` into a GeoPackage, with and without -spat), OWSLib and QGIS's own OAPIF
 * provider (PyQGIS). A missing client fails with the package to install — CI installs them (see .ci/run).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import { promisify } from 'node:util';
import express from 'express';
import type { Database } from '../../src/db/connect';
import { openTestDatabase } from '../support/test-database';
import { addSensorFixture, featuresApp, RD_POINT, type FixtureIds } from './support';

const run = promisify(execFile);
const PYTHON = '/usr/bin/python3';
const CLIENTS = path.join(__dirname, 'clients');

let db: Database;
let ids: FixtureIds;
let server: Server;
let landing: string;
let work: string;
const requests: string[] = [];

/** Fails (does not skip) when a client is missing, naming the Debian package. */
function requireFile(file: string, install: string): void {
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: install it with 'apt-get install -y --no-install-recommends ${install}'`);
}

async function requirePythonModule(module: string, install: string): Promise<void> {
  requireFile(PYTHON, 'python3');
  try {
    await run(PYTHON, ['-c', `import ${module}`]);
  } catch {
    throw new Error(`${PYTHON} cannot import ${module}: install it with 'apt-get install -y --no-install-recommends ${install}'`);
  }
}

const gdal = (tool: string): string => {
  const file = `/usr/bin/${tool}`;
  requireFile(file, 'gdal-bin');
  return file;
};

beforeAll(async () => {
  db = await openTestDatabase();
  ids = await addSensorFixture(db.knex);
  const app = express();
  app.use((req, _res, next) => {
    requests.push(req.url);
    next();
  });
  app.use(featuresApp(db));
  server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  landing = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ogc/v1`;
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'features-clients-'));
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
  await db.close();
});

const GDAL_ENV = { ...process.env, GDAL_HTTP_TIMEOUT: '30', CPL_DEBUG: 'OFF' };

test('ogrinfo: GDAL opens the API and reports the exact feature count and CRS84 extent', async () => {
  const { stdout } = await run(gdal('ogrinfo'), ['-ro', '-so', `OAPIF:${landing}`, 'sensors'], { env: GDAL_ENV });
  expect(stdout).toContain('Layer name: sensors');
  expect(stdout).toMatch(/Feature Count: 4\n/);
  expect(stdout).toMatch(/Geometry: Point/);
  expect(stdout).toContain('name: String');
  expect(stdout).toContain('personal_data: Integer(Boolean)');
});

test('ogr2ogr: pages through next links into a GeoPackage with every published feature, once', async () => {
  const out = path.join(work, 'all.gpkg');
  requests.length = 0;
  await run(gdal('ogr2ogr'), ['-f', 'GPKG', out, `OAPIF:${landing}`, 'sensors', '-preserve_fid', '-oo', 'PAGE_SIZE=1'], { env: GDAL_ENV });
  const pages = requests.filter((url) => url.startsWith('/ogc/v1/collections/sensors/items?') && url.includes('offset='));
  expect(pages.length).toBeGreaterThanOrEqual(3);
  await requirePythonModule('osgeo.ogr', 'python3-gdal');
  const { stdout } = await run(PYTHON, [path.join(CLIENTS, 'gpkg_ids.py'), out]);
  const result = JSON.parse(stdout);
  expect(result.rows.map((row: [number, string]) => [row[0], row[1]])).toEqual([
    [ids.a, 'Camera Spui'],
    [ids.b, 'Camera Plein'],
    [ids.c, 'Geluidsmeter Amersfoort'],
    [ids.script, '<script>alert(1)</script>'],
  ]);
  expect(result.rows[0].slice(2)).toEqual([4.3, 52.08]);
});

test('ogr2ogr -spat: the bbox goes to the server and exactly the Things inside come back', async () => {
  const out = path.join(work, 'spat.gpkg');
  requests.length = 0;
  await run(gdal('ogr2ogr'), ['-f', 'GPKG', out, `OAPIF:${landing}`, 'sensors', '-spat', '4.2', '52', '4.35', '52.1', '-preserve_fid', '-oo', 'PAGE_SIZE=1'], { env: GDAL_ENV });
  expect(requests.some((url) => url.includes('bbox=4.2'))).toBe(true);
  await requirePythonModule('osgeo.ogr', 'python3-gdal');
  const { stdout } = await run(PYTHON, [path.join(CLIENTS, 'gpkg_ids.py'), out]);
  expect(JSON.parse(stdout).rows.map((row: [number]) => row[0])).toEqual([ids.a, ids.b]);
});

test('OWSLib: conformance, collections, items with bbox, items in EPSG:28992', async () => {
  await requirePythonModule('owslib.ogcapi.features', 'python3-owslib');
  const { stdout } = await run(PYTHON, [path.join(CLIENTS, 'owslib_check.py'), landing]);
  const result = JSON.parse(stdout);
  expect(result.conformance).toContain('http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core');
  expect(result.conformance).toContain('http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs');
  expect(result.collections).toEqual(['sensors']);
  expect(result.storageCrs).toBe('http://www.opengis.net/def/crs/OGC/1.3/CRS84');
  expect(result.numberMatched).toBe(4);
  expect(result.ids).toEqual([ids.a, ids.b, ids.c, ids.script]);
  expect(result.bboxIds).toEqual([ids.c, ids.script]);
  const [x, y] = result.rd[String(ids.c)];
  expect(Math.abs(x - RD_POINT.x)).toBeLessThan(0.01);
  expect(Math.abs(y - RD_POINT.y)).toBeLessThan(0.01);
  expect(result.queryables).toContain('organisation_slug');
});

test('QGIS: the OAPIF provider loads the layer with all features, fields and a server-side extent filter', async () => {
  await requirePythonModule('qgis.core', 'qgis python3-qgis');
  const runtime = fs.mkdtempSync(path.join(os.tmpdir(), 'qgis-runtime-'));
  fs.chmodSync(runtime, 0o700);
  try {
    const { stdout } = await run(PYTHON, [path.join(CLIENTS, 'qgis_check.py'), landing], {
      env: { ...process.env, QT_QPA_PLATFORM: 'offscreen', XDG_RUNTIME_DIR: runtime, HOME: runtime },
      timeout: 120000,
    });
    const result = JSON.parse(stdout.trim().split('\n').pop() as string);
    expect(result.valid).toBe(true);
    expect(result.featureCount).toBe(4);
    // QGIS shows the CRS84 storageCrs as EPSG:4326 with GIS axis order.
    expect(result.crs).toBe('EPSG:4326');
    expect(result.extent).toEqual([4.3, 52.08, expect.any(Number), expect.any(Number)]);
    expect(result.names).toEqual(['<script>alert(1)</script>', 'Camera Plein', 'Camera Spui', 'Geluidsmeter Amersfoort']);
    expect(result.bboxNames).toEqual(['<script>alert(1)</script>', 'Geluidsmeter Amersfoort']);
    expect(result.fields).toEqual(expect.arrayContaining(['name', 'organisation_slug', 'sensor_type', 'personal_data', 'updated']));
  } finally {
    fs.rmSync(runtime, { recursive: true, force: true });
  }
}, 180000);
