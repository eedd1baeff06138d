import { readFileSync, writeFileSync } from 'node:fs';
import { printSchema } from 'graphql';
import { schema } from '../src/schema/index.js';

/** Prints the schema the builder makes to schema.graphql; with --check, fails when it differs. */
const file = new URL('../schema.graphql', import.meta.url);
const printed = `${printSchema(schema)}\n`;

if (process.argv.includes('--check')) {
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // missing counts as stale
  }
  if (committed !== printed) {
    process.stderr.write(
      'schema.graphql is stale: run `npm run schema:print` and commit the result\n',
    );
    process.exit(1);
  }
  process.stdout.write('schema.graphql matches the builder\n');
} else {
  writeFileSync(file, printed);
  process.stdout.write('wrote schema.graphql\n');
}
