/**
 * Coordinate reference systems of the Features API — OGC API – Features Part 2 (OGC 18-058r1):
 * `/req/crs/crs-uri`, `fc-md-crs-list` (CRS84 always listed), `fc-md-storageCrs`, `fc-crs-valid-value` and
 * `fc-bbox-crs-valid-value` (unknown CRS → 400), and the NL ADR Geospatial rules (CRS84 default and first;
 * 8 decimals in degrees, 3 in metres). Axis order is the authority's: lat,lon for EPSG:4326 and EPSG:4258.
 */
import { BadRequestError } from '../errors/errors';
import { DEGREE_DECIMALS } from '../model/precision';

/** One CRS the API serves. */
export interface CrsDef {
  /** The OGC URI, e.g. `http://www.opengis.net/def/crs/EPSG/0/28992`. */
  readonly uri: string;
  /** Short name for people (`RD New`). */
  readonly title: string;
  /** PostGIS SRID for ST_Transform. */
  readonly srid: number;
  /** True when the authority axis order is latitude first (output and bbox are flipped). */
  readonly latLon: boolean;
  /** Decimals kept in output coordinates. */
  readonly decimals: number;
  /** Where coordinates of this CRS are valid, in its own axis order: [minA, minB, maxA, maxB]. */
  readonly validArea: readonly [number, number, number, number];
  /** Geographic (degrees, may cross the antimeridian) or projected. */
  readonly geographic: boolean;
}

export const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';
const EPSG = (code: number): string => `http://www.opengis.net/def/crs/EPSG/0/${code}`;

/** Supported CRSs, CRS84 first (the default, NL `/geo/default-crs`). */
export const SUPPORTED_CRS: readonly CrsDef[] = [
  { uri: CRS84, title: 'WGS 84 (lon, lat)', srid: 4326, latLon: false, decimals: DEGREE_DECIMALS, validArea: [-180, -90, 180, 90], geographic: true },
  { uri: EPSG(4326), title: 'WGS 84 (lat, lon)', srid: 4326, latLon: true, decimals: DEGREE_DECIMALS, validArea: [-90, -180, 90, 180], geographic: true },
  { uri: EPSG(4258), title: 'ETRS89 (lat, lon)', srid: 4258, latLon: true, decimals: DEGREE_DECIMALS, validArea: [-90, -180, 90, 180], geographic: true },
  // EPSG:28992 area of use (Netherlands onshore and offshore) with a margin, in metres.
  { uri: EPSG(28992), title: 'Amersfoort / RD New', srid: 28992, latLon: false, decimals: 3, validArea: [-100000, 200000, 400000, 900000], geographic: false },
  { uri: EPSG(3857), title: 'WGS 84 / Pseudo-Mercator', srid: 3857, latLon: false, decimals: 3, validArea: [-20037508.35, -20048966.11, 20037508.35, 20048966.11], geographic: false },
];

/** The CRS the data is stored in (PostGIS SRID 4326, lon/lat order): CRS84. */
export const STORAGE_CRS = CRS84;

export const DEFAULT_CRS: CrsDef = SUPPORTED_CRS[0] as CrsDef;

const byUri = new Map(SUPPORTED_CRS.map((crs) => [crs.uri, crs]));

/** Accepted spellings besides the canonical URI (`EPSG:28992`, `https://…`, the OGC URN). */
function canonical(value: string): string {
  const trimmed = value.trim();
  const short = /^EPSG:(\d+)$/i.exec(trimmed);
  if (short) return EPSG(Number(short[1]));
  const urn = /^urn:ogc:def:crs:EPSG::?(\d+)$/i.exec(trimmed);
  if (urn) return EPSG(Number(urn[1]));
  if (/^urn:ogc:def:crs:OGC:1\.3:CRS84$/i.test(trimmed)) return CRS84;
  return trimmed.replace(/^https:\/\//, 'http://');
}

/** The CRS a `crs`, `bbox-crs` or `filter-crs` query parameter names; 400 when it is not supported. */
export function parseCrs(parameter: 'crs' | 'bbox-crs' | 'filter-crs', value: string | undefined): CrsDef {
  if (value === undefined) return DEFAULT_CRS;
  const found = byUri.get(canonical(value));
  if (!found) {
    throw new BadRequestError(
      `${parameter} '${value}' is not supported; use one of ${SUPPORTED_CRS.map((crs) => crs.uri).join(', ')}`,
    );
  }
  return found;
}

/** The `Content-Crs` header value: the URI in angle brackets, no spaces. */
export function contentCrsHeader(crs: CrsDef): string {
  return `<${crs.uri}>`;
}
