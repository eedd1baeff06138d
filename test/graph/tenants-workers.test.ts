import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { startSandbox } from '../../src/sandbox/server.js';
import { redisTestsEnabled, TEST_REDIS_URL, testPrefix } from '../support/redis.js';

const enabled = await redisTestsEnabled('test/graph/tenants-workers.test.ts');

/**
 * `{ providers }` with `key`, on a connection of its own: the cluster hands out connections to
 * the workers in turn, so fresh ones reach both.
 */
function probe(url: string, key: string): Promise<number> {
  const body = JSON.stringify({ query: '{ providers { provider } }' });
  return new Promise((resolve, reject) => {
    request(
      url,
      {
        method: 'POST',
        agent: false,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${key}`,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
      },
    )
      .on('error', reject)
      .end(body);
  });
}

async function waitFor(test: () => boolean, what: () => string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; output: ${what()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

it.runIf(enabled)(
  'passes SIGHUP from the cluster primary to every worker, which each reload the tenants file',
  async () => {
    const sandbox = await startSandbox();
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-workers-'));
    const file = join(folder, 'tenants.json');
    const write = (key: string) =>
      writeFileSync(
        file,
        JSON.stringify({
          tenants: [
            {
              id: 'live',
              apiKeys: [key],
              vendors: { ovia: { baseUrl: sandbox.urls.ovia, ...SANDBOX_CREDENTIALS.ovia } },
            },
          ],
        }),
      );
    write('old-key');
    const keys = testPrefix();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: {
        PATH: process.env.PATH,
        PORT: '0',
        SWITCHBOARD_WORKERS: '2',
        REDIS_URL: TEST_REDIS_URL,
        SWITCHBOARD_REDIS_PREFIX: keys.prefix,
        SWITCHBOARD_TENANTS_FILE: file,
        SWITCHBOARD_DRAIN_DELAY_MS: '100',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      await waitFor(
        () => /listening with 2 workers; GraphiQL at (http:\/\/\S+\/graphql)/.test(output),
        () => output,
      );
      const url = /GraphiQL at (http:\/\/\S+\/graphql)/.exec(output)![1]!;
      for (let round = 0; round < 4; round += 1) expect(await probe(url, 'old-key')).toBe(200);

      write('new-key');
      child.kill('SIGHUP');
      const reloads = () => output.match(/"msg":"tenants reloaded"/g)?.length ?? 0;
      await waitFor(
        () => reloads() === 2,
        () => output,
      );
      // Fresh connections alternate between the workers: both answer with the new file.
      for (let round = 0; round < 4; round += 1) {
        expect(await probe(url, 'old-key')).toBe(401);
        expect(await probe(url, 'new-key')).toBe(200);
      }
    } finally {
      child.kill('SIGTERM');
      await once(child, 'exit');
      await sandbox.close();
      await keys.cleanup();
      rmSync(folder, { recursive: true, force: true });
    }
  },
  60_000,
);
