import { SANDBOX_VENDORS } from '../src/sandbox/faults.js';
import { startSandbox } from '../src/sandbox/server.js';
import { padOviaCalls } from './pad-ovia.js';
import { serveCommands, usage, type Ready } from './protocol.js';

/**
 * The sandbox vendors in a process of their own, so that their CPU (serialising 100-call pages,
 * filtering contacts) is not counted as the gateway's, as it would not be in production.
 */
const OVIA_CALLS = 150;

const sandbox = await startSandbox();
padOviaCalls(sandbox.data.ovia.calls, OVIA_CALLS);

// Under sustained load the request log (kept for counting) would otherwise grow without bound.
let trimmer: NodeJS.Timeout | null = null;

serveCommands((command) => {
  switch (command.kind) {
    case 'latency':
      for (const vendor of SANDBOX_VENDORS)
        sandbox.setFault(vendor, command.ms > 0 ? { latencyMs: command.ms } : null);
      return null;
    case 'reset-log':
      sandbox.resetLog();
      return null;
    case 'requests':
      return sandbox.requests().map(({ vendor, method, path, query, headers, body, at }) => ({
        vendor,
        method,
        path,
        query,
        headers,
        body,
        at,
      }));
    case 'auto-trim-log':
      if (trimmer) clearInterval(trimmer);
      trimmer = command.on ? setInterval(() => sandbox.resetLog(), 100) : null;
      return null;
    case 'usage':
      return usage();
    case 'gc':
      globalThis.gc?.();
      return usage();
    default:
      return null;
  }
});

const ready: Ready = { kind: 'ready', url: '', sandboxUrls: sandbox.urls };
process.send?.(ready);
