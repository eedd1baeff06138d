import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

/** Resolves once `output()` matches `pattern`, or fails after `ms` with what was written. */
async function waitFor(
  output: () => string,
  pattern: RegExp,
  ms = 15_000,
): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(output());
    if (match) return match;
    if (Date.now() > deadline) throw new Error(`no ${pattern} in: ${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const probe = (url: string, key: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: '{ providers { provider } }' }),
  }).then((response) => response.status);

it('reloads the tenants file on SIGHUP in the real process, and keeps it when the file is bad', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'switchboard-sighup-'));
  const file = join(folder, 'tenants.json');
  const write = (keys: string[]) =>
    writeFileSync(
      file,
      JSON.stringify({ tenants: [{ id: 'demo', apiKeys: keys, sandbox: { seed: 3 } }] }),
    );
  write(['old-key']);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: { PATH: process.env.PATH, PORT: '0', SWITCHBOARD_TENANTS_FILE: file },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  try {
    const url = (await waitFor(() => output, /GraphiQL at (http:\/\/\S+\/graphql)/))[1]!;
    expect(output).toMatch(/tenant demo: sandbox mode/);
    expect(await probe(url, 'old-key')).toBe(200);

    write(['new-key']);
    child.kill('SIGHUP');
    await waitFor(() => output, /"msg":"tenants reloaded"/);
    expect(await probe(url, 'old-key')).toBe(401);
    expect(await probe(url, 'new-key')).toBe(200);

    writeFileSync(file, '{ "tenants": [] ');
    child.kill('SIGHUP');
    await waitFor(() => output, /tenants not reloaded, the old configuration stays: .*JSON/);
    expect(await probe(url, 'new-key')).toBe(200);
  } finally {
    child.kill('SIGTERM');
    await once(child, 'exit');
    rmSync(folder, { recursive: true, force: true });
  }
});
