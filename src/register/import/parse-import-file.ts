/**
 * The entry point of the import: reads an uploaded file (GeoJSON, CSV or BGT GML, UTF-8) into normalised
 * records and issues. Vocabulary and schema checks follow in `validate-records.ts`.
 */
import { detectFormat, type ImportFormat } from './detect-format';
import { parseBgtGml } from './parse-bgt-gml';
import { parseCsv } from './parse-csv';
import { parseGeoJson } from './parse-geojson';
import type { ParseResult } from './types';

const PARSERS: Readonly<Record<ImportFormat, (file: string, text: string) => ParseResult>> = {
  geojson: parseGeoJson,
  csv: parseCsv,
  gml: parseBgtGml,
};

/**
 * Reads the records of an import file.
 * @param fileName the file's name; its extension decides the format, and issues name the file by it
 * @param content the file's bytes (UTF-8) or text
 */
export function parseImportFile(fileName: string, content: Buffer | string): ParseResult {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  const format = detectFormat(fileName, text);
  if (!format) {
    return {
      records: [],
      issues: [
        {
          file: fileName,
          row: null,
          field: null,
          reason: 'unsupported file type: use GeoJSON (.geojson, .json), CSV (.csv) or BGT GML (.gml, .xml); save a spreadsheet as CSV',
        },
      ],
    };
  }
  return { ...PARSERS[format](fileName, text), unit: format === 'csv' ? 'row' : 'feature' };
}
