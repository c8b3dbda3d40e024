/**
 * Recognises coordinate reference system names in import files — GML `srsName` and the legacy GeoJSON
 * `crs` member — in their URN, URL and short spellings, for the two systems the register accepts:
 * RD New (EPSG:28992) and WGS84 (EPSG:4326 / OGC CRS84).
 */

/** The register's name for a CRS, or `undefined` when the name is not one the import accepts. */
export type ImportCrs = 'EPSG:4326' | 'EPSG:28992';

function epsgCode(name: string): string | undefined {
  const text = name.trim();
  // urn:ogc:def:crs:EPSG::28992, urn:ogc:def:crs:EPSG:6.9:28992, urn:x-ogc:def:crs:EPSG:28992, EPSG:28992,
  // http(s)://www.opengis.net/def/crs/EPSG/0/28992, http://www.opengis.net/gml/srs/epsg.xml#28992
  const match = /epsg(?::[\d.]*)?[:/#](?:0\/)?(\d+)$/i.exec(text) ?? /epsg\.xml#(\d+)$/i.exec(text);
  return match?.[1];
}

/** `EPSG:28992` or `EPSG:4326` for any accepted spelling of RD New, WGS84 or OGC CRS84; else `undefined`. */
export function importCrsOf(name: string): ImportCrs | undefined {
  if (/crs:?84$/i.test(name.trim())) return 'EPSG:4326';
  const code = epsgCode(name);
  if (code === '28992') return 'EPSG:28992';
  if (code === '4326') return 'EPSG:4326';
  return undefined;
}
