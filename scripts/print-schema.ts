import { readFileSync, writeFileSync } from 'node:fs';
import { printSubgraphSchema } from '@apollo/subgraph';
import { printSchema } from 'graphql';
import { schema, subgraphSchema } from '../src/schema/index.js';

/**
 * Prints the schemas the builder makes: schema.graphql (what the gateway serves) and
 * schema.subgraph.graphql (the Apollo Federation v2 subgraph it serves with
 * SWITCHBOARD_FEDERATION=1, printed with its federation directives as composition reads it).
 * With --check, fails when either committed file differs.
 */
const outputs = [
  { name: 'schema.graphql', printed: `${printSchema(schema)}\n` },
  { name: 'schema.subgraph.graphql', printed: `${printSubgraphSchema(subgraphSchema())}\n` },
];

if (process.argv.includes('--check')) {
  let stale = false;
  for (const { name, printed } of outputs) {
    let committed = '';
    try {
      committed = readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');
    } catch {
      // missing counts as stale
    }
    if (committed === printed) {
      process.stdout.write(`${name} matches the builder\n`);
    } else {
      process.stderr.write(
        `${name} is stale: run \`npm run schema:print\` and commit the result\n`,
      );
      stale = true;
    }
  }
  if (stale) process.exit(1);
} else {
  for (const { name, printed } of outputs) {
    writeFileSync(new URL(`../${name}`, import.meta.url), printed);
    process.stdout.write(`wrote ${name}\n`);
  }
}
