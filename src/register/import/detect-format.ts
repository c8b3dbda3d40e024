/**
 * Decides how to read an import file: by its extension (`.geojson`/`.json`, `.csv`, `.gml`/`.xml`), or —
 * for any other extension — by its first characters (`{`/`[` → GeoJSON, `<` → GML, a header row with `,`
 * or `;` → CSV).
 */

/** The import formats. */
export type ImportFormat = 'geojson' | 'csv' | 'gml';

const BY_EXTENSION: Readonly<Record<string, ImportFormat>> = {
  geojson: 'geojson',
  json: 'geojson',
  csv: 'csv',
  gml: 'gml',
  xml: 'gml',
};

function sniff(text: string): ImportFormat | undefined {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return 'geojson';
  if (start.startsWith('<')) return 'gml';
  const header = start.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;]/.test(header) && !/[\u0000-\u0008]/.test(header)) return 'csv';
  return undefined;
}

/** The format of a file by its name, else by its content; `undefined` when neither tells. */
export function detectFormat(fileName: string, text: string): ImportFormat | undefined {
  const extension = /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase();
  return (extension !== undefined ? BY_EXTENSION[extension] : undefined) ?? sniff(text);
}
