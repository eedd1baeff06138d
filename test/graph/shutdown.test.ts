import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { expect, it } from 'vitest';

it('finishes an in-flight query on SIGTERM, then exits 0', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/server.ts', '--sandbox-faults', 'ovia=latency:1500'],
    {
      env: { PATH: process.env.PATH, PORT: '0', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start-up line in: ${output}`)), 15_000);
    child.stdout.on('data', () => {
      const match = /GraphiQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });

  const started = performance.now();
  const slow = fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: '{ calls(first: 2, filter: { providers: [OVIA] }) { edges { node { id } } } }',
    }),
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
  const exited = once(child, 'exit');
  child.kill('SIGTERM');

  const response = await slow;
  const body = await response.json();
  expect(response.status).toBe(200);
  expect(body.errors).toBeUndefined();
  expect(body.data.calls.edges).toHaveLength(2);
  expect(performance.now() - started).toBeGreaterThan(1400);

  const [code] = await exited;
  expect(code).toBe(0);
  expect(output).toContain('SIGTERM: finishing in-flight requests');
  // New connections are refused once it has gone.
  await expect(fetch(url, { method: 'POST', body: '{}' })).rejects.toThrow();
}, 30_000);
