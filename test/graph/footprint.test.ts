import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const run = promisify(execFile);
const MB = 1024 * 1024;

/** The heap a fresh gateway holds after a GC, in a process of its own. */
async function heapAfterStart(loadPage: boolean): Promise<number> {
  const { stdout } = await run(
    process.execPath,
    [
      '--expose-gc',
      '--import',
      'tsx',
      'test/support/heap-after-start.ts',
      ...(loadPage ? ['page'] : []),
    ],
    { env: { PATH: process.env.PATH }, timeout: 60_000 },
  );
  return Number(stdout.trim());
}

it('loads GraphiQL’s bundle only when its page is first asked for', async () => {
  const [idle, afterPage] = await Promise.all([heapAfterStart(false), heapAfterStart(true)]);
  // The bundle is ≈ 30 MB of heap: a gateway that never served the page does not hold it.
  expect(afterPage - idle).toBeGreaterThan(20 * MB);
  expect(idle).toBeLessThan(60 * MB);
}, 90_000);
