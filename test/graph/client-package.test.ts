import { execFile, spawn } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';
import { openSubscriptions } from '../support/live.js';

/*
 * The partner client as another project gets it (README.md, "Partner client"): `npm pack` of
 * packages/client, a new project that installs the tarball from the npm cache the repository's
 * own install filled, and scripts there that import it by name and run with node against a real
 * gateway. The README's examples are run (or type-checked) as they are written.
 */

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = `${ROOT}node_modules/.bin/`;
const API_KEY = 'package-test-key';
const AUTH = { authorization: `Bearer ${API_KEY}` };
const README = readFileSync(`${ROOT}README.md`, 'utf8');
const START_CALL = JSON.parse(
  readFileSync(`${ROOT}examples/operations/start-call.variables.json`, 'utf8'),
);

/** The README's code block whose first line is `// <name>…`. */
function readmeBlock(name: string): string {
  const block = [...README.matchAll(/```(?:ts|js)\n([\s\S]*?)```/g)]
    .map((match) => match[1]!)
    .find((code) => code.startsWith(`// ${name}`));
  if (!block) throw new Error(`README.md has no block starting with // ${name}`);
  return block;
}

/** The README's TypeScript block that starts with `import { createSwitchboardClient }`. */
const configureBlock = [...README.matchAll(/```ts\n([\s\S]*?)```/g)]
  .map((match) => match[1]!)
  .find((code) =>
    code.startsWith("import { createSwitchboardClient } from '@switchboard/client';"),
  );

/** The scratch project's check of the shipped declarations; a @ts-expect-error without an error fails. */
const TYPE_CHECKS = `import {
  createSwitchboardClient,
  NewestCallsDocument,
  SwitchboardError,
  type LiveCallsSubscription,
  type SwitchboardSubscription,
} from '@switchboard/client';

const client = createSwitchboardClient({ url: 'http://127.0.0.1:9/graphql', tenants: { acme: 'k' } });

export async function check(): Promise<string> {
  const { calls } = await client.forTenant('acme').request(NewestCallsDocument, { first: 1 });
  // DateTime is a string in the shipped types.
  const startedAt: string | null | undefined = calls.edges[0]?.node.startedAt;
  // @ts-expect-error \`first\` is an Int
  await client.listCalls({ first: 'ten' });
  // @ts-expect-error CallDetail needs its id
  await client.callDetail();
  const events: SwitchboardSubscription<LiveCallsSubscription> = client.callEvents({ after: 'x' });
  for await (const { callEvents } of events) {
    const type: 'CREATED' | 'STATUS_CHANGED' | 'UPDATED' | 'ENDED' = callEvents.type;
    if (type === 'ENDED') break;
  }
  try {
    await client.listCalls();
  } catch (error) {
    if (error instanceof SwitchboardError) return \`\${error.code} \${error.provider ?? ''}\`;
  }
  return startedAt ?? String(events.cursor);
}
`;

/** The script the brief of the package asks for: list, start, a wrong key, one event. */
const PARTNER_CHECK = `import { inspect } from 'node:util';
import { createSwitchboardClient, SwitchboardError } from '@switchboard/client';

const url = process.env.SWITCHBOARD_URL;
const print = (step, value) => console.log(JSON.stringify({ step, ...value }));
const client = createSwitchboardClient({ url, apiKey: process.env.SWITCHBOARD_API_KEY });

const { calls } = await client.listCalls({ first: 5 });
print('list', { totalCount: calls.totalCount, providers: calls.edges.map(({ node }) => node.provider) });

const events = client.callEvents({ filter: { providers: ['OVIA'] } });
const pending = events.next();
await new Promise((resolve) => setTimeout(resolve, 300));
const input = JSON.parse(process.env.START_CALL_INPUT);
const first = await client.startCall({ input, idempotencyKey: 'partner-check-1' });
const again = await client.startCall({ input, idempotencyKey: 'partner-check-1' });
const id = first.startCall.call?.id;
print('start', { id, againId: again.startCall.call?.id, userErrors: first.startCall.userErrors });

let event = (await pending).value;
while (event.callEvents.call.id !== id) event = (await events.next()).value;
print('event', { type: event.callEvents.type, callId: event.callEvents.call.id, cursor: events.cursor });
await events.close();

try {
  await createSwitchboardClient({ url, apiKey: 'wrong-key' }).listCalls();
  print('wrong-key', { thrown: false });
} catch (error) {
  print('wrong-key', {
    isSwitchboardError: error instanceof SwitchboardError,
    code: error.code,
    status: error.status,
    message: error.message,
    printed: inspect(error),
  });
}
`;

/** Runs a tool of this repository in the project; its output is the error when it fails. */
async function tool(name: string, args: string[]): Promise<void> {
  await exec(`${BIN}${name}`, args, { cwd: project, timeout: 60_000 }).catch(
    (error: { stdout?: string; stderr?: string }) => {
      throw new Error(`${name} failed:\n${error.stdout ?? ''}\n${error.stderr ?? ''}`);
    },
  );
}

const lines = (text: string) =>
  text
    .trim()
    .split('\n')
    .filter((line) => line !== '');

let t: TestGateway;
let project: string;
let tarball: string;
let packedFiles: string[] = [];
let tarballName = '';
const timings: Record<string, number> = {};

async function timed<T>(step: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    return await work();
  } finally {
    timings[step] = Date.now() - started;
  }
}

function node(script: string, env: Record<string, string> = {}) {
  return exec(process.execPath, [script], {
    cwd: project,
    env: {
      ...process.env,
      SWITCHBOARD_URL: t.url,
      SWITCHBOARD_API_KEY: API_KEY,
      START_CALL_INPUT: JSON.stringify(START_CALL.input),
      ...env,
    },
    timeout: 30_000,
  });
}

beforeAll(async () => {
  t = await startTestGateway(
    { SWITCHBOARD_API_KEYS: API_KEY },
    { sandboxLive: { stepDelayMs: 200 } },
  );
  project = mkdtempSync(join(tmpdir(), 'switchboard-partner-app-'));
  const packed = await timed('npm pack', () =>
    exec(
      'npm',
      ['pack', '--workspace', '@switchboard/client', '--pack-destination', project, '--json'],
      {
        cwd: ROOT,
        timeout: 180_000,
      },
    ),
  );
  // Its stdout also holds the output of the package's prepack (the build), before the JSON.
  const json = packed.stdout.slice(packed.stdout.search(/^\[/m));
  const [info] = JSON.parse(json) as Array<{ filename: string; files: Array<{ path: string }> }>;
  tarball = join(project, info!.filename);
  tarballName = info!.filename;
  packedFiles = info!.files.map((file) => file.path);
  // A partner app that already uses graphql, at the version this repository locks.
  const graphqlVersion = JSON.parse(
    readFileSync(`${ROOT}node_modules/graphql/package.json`, 'utf8'),
  ).version;
  writeFileSync(
    join(project, 'package.json'),
    JSON.stringify({
      name: 'partner-app',
      private: true,
      type: 'module',
      dependencies: { graphql: graphqlVersion },
    }),
  );
  await timed('npm install', () =>
    exec('npm', ['install', tarball, '--prefer-offline', '--no-audit', '--no-fund'], {
      cwd: project,
      timeout: 180_000,
    }),
  );
  writeFileSync(join(project, 'partner-check.mjs'), PARTNER_CHECK);
  writeFileSync(
    join(project, 'uncaught.mjs'),
    "import { createSwitchboardClient } from '@switchboard/client';\n" +
      "await createSwitchboardClient({ url: process.env.SWITCHBOARD_URL, apiKey: 'wrong-key' }).listCalls();\n",
  );
  writeFileSync(join(project, 'partner.mjs'), readmeBlock('partner.mjs'));
  writeFileSync(join(project, 'watch-calls.mjs'), readmeBlock('watch-calls.mjs'));
}, 400_000);

afterAll(async () => {
  console.log(
    `partner client: ${Object.entries(timings)
      .map(([step, ms]) => `${step} ${(ms / 1000).toFixed(1)} s`)
      .join(', ')}`,
  );
  await t?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('the packed client, installed in a new project', () => {
  it('ships built JavaScript and declarations, and installs the versions the lock file has', () => {
    expect(README).toContain(`npm install /path/to/${tarballName}`);
    expect(packedFiles).toEqual(
      expect.arrayContaining(['package.json', 'README.md', 'dist/index.js']),
    );
    expect(packedFiles.filter((file) => !file.startsWith('dist/'))).toEqual([
      'README.md',
      'package.json',
    ]);
    const installed = join(project, 'node_modules/@switchboard/client/');
    const manifest = JSON.parse(readFileSync(`${installed}package.json`, 'utf8'));
    expect(manifest.exports['.']).toEqual({
      types: './dist/index.d.ts',
      default: './dist/index.js',
    });
    for (const file of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/generated/graphql.d.ts',
      'README.md',
    ]) {
      expect(() => readFileSync(`${installed}${file}`), file).not.toThrow();
    }
    expect(() => readFileSync(`${installed}src/client.ts`)).toThrow();
    // Every dependency came at the version the repository's lock file (and so its npm ci) has.
    const lock = JSON.parse(readFileSync(`${ROOT}package-lock.json`, 'utf8')).packages;
    for (const name of [...Object.keys(manifest.dependencies), 'graphql']) {
      const version = JSON.parse(
        readFileSync(join(project, 'node_modules', name, 'package.json'), 'utf8'),
      ).version;
      expect(version, name).toBe(lock[`node_modules/${name}`].version);
    }
  });

  // First: the only call moving is then the one it watches.
  it('runs the README’s watch-calls.mjs: every step of a new call, then the cursor to resume with', async () => {
    const child = spawn(process.execPath, ['watch-calls.mjs'], {
      cwd: project,
      env: { ...process.env, SWITCHBOARD_URL: t.url, SWITCHBOARD_API_KEY: API_KEY },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      await expect.poll(() => openSubscriptions(t.url, AUTH), { timeout: 10_000 }).toBe(1);
      const started = await t.query(
        'mutation ($input: StartCallInput!) { startCall(input: $input) { call { id } userErrors { message } } }',
        { input: START_CALL.input },
        { headers: AUTH },
      );
      const id: string = started.data!.startCall.call.id;
      expect(await exited).toBe(0);
      const output = lines(stdout);
      const steps = output.slice(0, -1).map((line) => line.split(' '));
      expect(steps.map(([, type, callId, status]) => [type, callId, status])).toEqual([
        ['CREATED', id, 'QUEUED'],
        ['STATUS_CHANGED', id, 'RINGING'],
        ['STATUS_CHANGED', id, 'IN_PROGRESS'],
        ['ENDED', id, 'COMPLETED'],
      ]);
      expect(output.at(-1)).toBe(`resume with ${steps.at(-1)![0]}`);
    } finally {
      child.kill();
    }
  });

  it('lists calls, starts one idempotently, is refused with a wrong key, and streams an event', async () => {
    const { stdout } = await timed('first script run', () => node('partner-check.mjs'));
    const steps = Object.fromEntries(
      lines(stdout).map((line) => {
        const record = JSON.parse(line);
        return [record.step, record];
      }),
    );
    expect(steps.list.totalCount).toBeGreaterThanOrEqual(200);
    expect(steps.list.providers).toHaveLength(5);
    expect(steps.start.userErrors).toEqual([]);
    expect(steps.start.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(steps.start.againId).toBe(steps.start.id);
    expect(steps.event.callId).toBe(steps.start.id);
    expect(['CREATED', 'STATUS_CHANGED', 'ENDED']).toContain(steps.event.type);
    expect(steps.event.cursor).toEqual(expect.any(String));
    expect(steps['wrong-key']).toMatchObject({
      isSwitchboardError: true,
      code: 'UNAUTHENTICATED',
      status: 401,
      message:
        'NewestCalls: A valid API key is required: Authorization: Bearer <key> (UNAUTHENTICATED, HTTP 401)',
    });
    expect(steps['wrong-key'].printed).not.toMatch(/query NewestCalls|totalCount|edges/);
  });

  it('dies of a wrong key with a short error that holds no query text', async () => {
    const failed: { code?: number; stderr?: string } = await node('uncaught.mjs').then(
      () => ({}),
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(failed.code).toBe(1);
    const stderr = failed.stderr ?? '';
    expect(stderr).toContain(
      'SwitchboardError: NewestCalls: A valid API key is required: Authorization: Bearer <key> (UNAUTHENTICATED, HTTP 401)',
    );
    expect(stderr).not.toMatch(/query NewestCalls|totalCount|edges/);
    expect(lines(stderr).length).toBeLessThan(30);
  });

  it('runs the README’s partner.mjs as printed there', async () => {
    const { stdout } = await node('partner.mjs');
    const output = lines(stdout);
    expect(output).toHaveLength(5);
    for (const line of output.slice(0, 3)) expect(line).toMatch(/^OVIA [A-Z_]+ \+\d+$/);
    expect(output[3]).toMatch(/^started [A-Za-z0-9_-]+ \[\]$/);
    expect(output[4]).toBe(
      'INVALID_INPUT CallDetail: "not-an-id" is not a Switchboard id (INVALID_INPUT, HTTP 200)',
    );
    expect(README).toContain(
      '`INVALID_INPUT CallDetail: "not-an-id" is not a Switchboard id (INVALID_INPUT, HTTP 200)`',
    );
  });

  it('types: the README’s codegen.ts and component compile against the installed client', async () => {
    mkdirSync(join(project, 'src'));
    // The app's `npm install -D @graphql-codegen/cli @graphql-codegen/client-preset`: this
    // repository's copy, whose preset the CLI looks up from the project.
    symlinkSync(
      `${ROOT}node_modules/@graphql-codegen`,
      join(project, 'node_modules/@graphql-codegen'),
    );
    copyFileSync(`${ROOT}schema.graphql`, join(project, 'schema.graphql'));
    writeFileSync(join(project, 'codegen.ts'), readmeBlock('codegen.ts'));
    writeFileSync(join(project, 'src/recent-calls.ts'), readmeBlock('src/recent-calls.ts'));
    expect(configureBlock).toBeDefined();
    writeFileSync(
      join(project, 'src/configure.ts'),
      `${configureBlock}\nexport { switchboard, acme };\n`,
    );
    writeFileSync(join(project, 'src/client-types.ts'), TYPE_CHECKS);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'Bundler',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          types: [],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
        },
        include: ['src'],
      }),
    );
    await tool('graphql-codegen', ['--config', 'codegen.ts']);
    const generated = readFileSync(join(project, 'src/gql/graphql.ts'), 'utf8');
    expect(generated).toMatch(/export type RecentCallsQuery = .*startedAt: string \| null/s);
    await tool('tsc', ['-p', 'tsconfig.json']);

    // Without the scalars line, the preset types DateTime as unknown (README, "Typed operations").
    writeFileSync(
      join(project, 'codegen-plain.ts'),
      readmeBlock('codegen.ts')
        .replace(/\n\s*scalars: \{[^}]*\},/, '')
        .replace("'src/gql/'", "'plain/'"),
    );
    await tool('graphql-codegen', ['--config', 'codegen-plain.ts']);
    const plain = readFileSync(join(project, 'plain/graphql.ts'), 'utf8');
    expect(plain).toMatch(/export type RecentCallsQuery = .*startedAt: unknown/s);
  }, 120_000);
});
