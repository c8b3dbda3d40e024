/** The TypeScript types are generated from the JSON Schemas: the committed file must be current. */
import fs from 'node:fs';
import { generateTypes, TYPES_FILE } from '../../scripts/generate-types';

test('src/register/profile-types.ts matches schemas/ (run `npm run schemas:types` after editing a schema)', async () => {
  expect(fs.readFileSync(TYPES_FILE, 'utf8')).toBe(await generateTypes());
});
