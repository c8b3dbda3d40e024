/**
 * Well-Known Text → GeoJSON geometry, shared by the STA `geography'…'`/`geometry'…'` literals (OData ABNF
 * `geographyLiteral`, STA 1.1 geospatial functions) and CQL2 text spatial literals (OGC 21-065r2
 * `spatialInstance`: POINT, LINESTRING, POLYGON, MULTIPOINT, MULTILINESTRING, MULTIPOLYGON, GEOMETRYCOLLECTION,
 * each with an optional `Z`). Keywords are case-insensitive; positions in errors are offsets in the caller's text.
 */
import { geometryProblem, type Geometry, type Position, type SimpleGeometry } from './geometry';
import { quoteToken, type Fail } from './query-error';

/** A parsed geometry and the offset just past its closing parenthesis. */
export interface WktParse {
  geometry: Geometry;
  end: number;
}

/** The WKT keywords that start a geometry, upper case. */
export const WKT_TYPES: ReadonlySet<string> = new Set([
  'POINT',
  'LINESTRING',
  'POLYGON',
  'MULTIPOINT',
  'MULTILINESTRING',
  'MULTIPOLYGON',
  'GEOMETRYCOLLECTION',
]);

const NUMBER = /[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z]+/y;

/** Parses one WKT geometry that starts at `start` (its keyword) and does not extend past `limit`. */
export function parseWkt(text: string, start: number, limit: number, fail: Fail): WktParse {
  const scanner = new WktScanner(text.slice(0, limit), start, fail);
  const geometry = scanner.geometry(true);
  const problem = geometryProblem(geometry);
  if (problem) fail(start, text.slice(start, scanner.pos), problem);
  return { geometry, end: scanner.pos };
}

class WktScanner {
  /** Number of coordinates per position, fixed by a `Z` tag or by the first position. */
  private dims: number | undefined;

  constructor(
    private readonly text: string,
    public pos: number,
    private readonly fail: Fail,
  ) {}

  geometry(allowCollection: boolean): Geometry {
    this.skipSpace();
    const keywordPos = this.pos;
    const keyword = this.word()?.toUpperCase();
    if (keyword === undefined || !WKT_TYPES.has(keyword)) {
      this.fail(keywordPos, this.tokenAt(keywordPos), 'expected a WKT geometry type (POINT, LINESTRING, POLYGON, …)');
    }
    if (keyword === 'GEOMETRYCOLLECTION' && !allowCollection) {
      this.fail(keywordPos, keyword, 'a GEOMETRYCOLLECTION cannot contain another GEOMETRYCOLLECTION');
    }
    this.dimensionTag();
    switch (keyword) {
      case 'POINT':
        return { type: 'Point', coordinates: this.parenthesised(() => this.position()) };
      case 'LINESTRING':
        return { type: 'LineString', coordinates: this.positions() };
      case 'POLYGON':
        return { type: 'Polygon', coordinates: this.list(() => this.positions()) };
      case 'MULTIPOINT':
        return { type: 'MultiPoint', coordinates: this.list(() => this.multiPointMember()) };
      case 'MULTILINESTRING':
        return { type: 'MultiLineString', coordinates: this.list(() => this.positions()) };
      case 'MULTIPOLYGON':
        return { type: 'MultiPolygon', coordinates: this.list(() => this.list(() => this.positions())) };
      default:
        return { type: 'GeometryCollection', geometries: this.list(() => this.geometry(false) as SimpleGeometry) };
    }
  }

  /** Optional `Z`; `M`, `ZM` and `EMPTY` cannot be expressed in GeoJSON and are refused. */
  private dimensionTag(): void {
    this.skipSpace();
    const tagPos = this.pos;
    const tag = this.word()?.toUpperCase();
    if (tag === undefined) return;
    if (tag === 'Z') {
      if (this.dims !== undefined && this.dims !== 3) this.fail(tagPos, tag, 'mixed 2D and 3D geometries');
      this.dims = 3;
      return;
    }
    if (tag === 'EMPTY') this.fail(tagPos, tag, 'empty geometries are not supported');
    if (tag === 'M' || tag === 'ZM') this.fail(tagPos, tag, 'measured (M) coordinates are not supported');
    this.fail(tagPos, tag, `unexpected ${quoteToken(tag)} in geometry`);
  }

  /** A MULTIPOINT member, written either `(x y)` or, as many writers do, bare `x y`. */
  private multiPointMember(): Position {
    this.skipSpace();
    return this.text[this.pos] === '(' ? this.parenthesised(() => this.position()) : this.position();
  }

  private positions(): Position[] {
    return this.list(() => this.position());
  }

  private position(): Position {
    this.skipSpace();
    const start = this.pos;
    const coordinates = [this.number(), this.number()];
    this.skipSpace();
    if (/[-+.\d]/.test(this.text[this.pos] ?? '')) coordinates.push(this.number());
    if (this.dims === undefined) this.dims = coordinates.length;
    if (coordinates.length !== this.dims) {
      this.fail(start, this.text.slice(start, this.pos), `expected ${this.dims} coordinates per position`);
    }
    return coordinates;
  }

  /** `( item {, item} )` */
  private list<T>(item: () => T): T[] {
    return this.parenthesised(() => {
      const items = [item()];
      while (this.accept(',')) items.push(item());
      return items;
    });
  }

  private parenthesised<T>(inner: () => T): T {
    this.expect('(');
    const value = inner();
    this.expect(')');
    return value;
  }

  private number(): number {
    this.skipSpace();
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(this.pos, this.tokenAt(this.pos), 'expected a coordinate');
    this.pos = NUMBER.lastIndex;
    const value = Number(match[0]);
    if (!Number.isFinite(value)) this.fail(match.index, match[0], 'coordinate out of range');
    return value;
  }

  private word(): string | undefined {
    WORD.lastIndex = this.pos;
    const match = WORD.exec(this.text);
    if (!match) return undefined;
    this.pos = WORD.lastIndex;
    return match[0];
  }

  private accept(ch: string): boolean {
    this.skipSpace();
    if (this.text[this.pos] !== ch) return false;
    this.pos += 1;
    return true;
  }

  private expect(ch: string): void {
    if (!this.accept(ch)) {
      const token = this.tokenAt(this.pos);
      this.fail(
        this.pos,
        token,
        token ? `expected '${ch}' in geometry, found ${quoteToken(token)}` : `expected '${ch}' in geometry`,
      );
    }
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos] as string)) this.pos += 1;
  }

  private tokenAt(pos: number): string {
    const match = /[A-Za-z]+|[-+.\d]+|\S/y;
    match.lastIndex = pos;
    return match.exec(this.text)?.[0] ?? '';
  }
}
