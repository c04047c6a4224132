/** `npm run docs:error-codes`: rewrites the README's list of error codes from the enums. */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { withErrorCodes } from './error-codes.js';

const path = resolve(process.argv[2] ?? 'README.md');
const before = readFileSync(path, 'utf8');
const after = withErrorCodes(before);
if (after === before) {
  console.log(`${path}: the error-code list is current`);
} else {
  writeFileSync(path, after);
  console.log(`${path}: the error-code list is rewritten`);
}
