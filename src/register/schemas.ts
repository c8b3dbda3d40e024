/**
 * The register profile's JSON Schemas (`schemas/*.schema.json`) compiled once with ajv. The same files
 * generate the TypeScript types (`profile-types.ts`) and feed the OpenAPI documents.
 */
import fs from 'node:fs';
import path from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { projectPath } from '../paths';

export const SCHEMA_DIR = projectPath('schemas');

/** A problem found by schema validation, with a dotted field path (`datastream.properties.legalGround`). */
export interface SchemaIssue {
  field: string;
  reason: string;
}

/** Loads every schema of `schemas/` into one ajv instance. */
export function createProfileAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  for (const file of fs.readdirSync(SCHEMA_DIR).filter((name) => name.endsWith('.schema.json'))) {
    ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMA_DIR, file), 'utf8')), file);
  }
  return ajv;
}

/** The compiled validator of `schemas/<file>`. */
export function validatorFor(ajv: Ajv, file: string): ValidateFunction {
  const validate = ajv.getSchema(file);
  if (!validate) throw new Error(`no schema ${file}`);
  return validate;
}

/** ajv errors as field/reason pairs. */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  return (errors ?? []).map((error) => {
    const segments = error.instancePath.split('/').filter(Boolean);
    if (error.keyword === 'required') segments.push(String(error.params.missingProperty));
    if (error.keyword === 'additionalProperties') segments.push(String(error.params.additionalProperty));
    const reason =
      error.keyword === 'additionalProperties'
        ? 'is not a known field'
        : error.keyword === 'enum'
          ? `must be one of ${(error.params.allowedValues as unknown[]).join(', ')}`
          : (error.message ?? 'is invalid');
    return { field: segments.join('.') || '(record)', reason };
  });
}
