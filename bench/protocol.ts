import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { CpuProfiler } from './cpu-profiler.js';

/** The messages between the bench (parent) and the servers it runs in child processes. */
export const commandSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('latency'), ms: z.number().int().min(0) }),
  z.object({ kind: z.literal('reset-log') }),
  z.object({ kind: z.literal('requests') }),
  z.object({ kind: z.literal('auto-trim-log'), on: z.boolean() }),
  z.object({ kind: z.literal('usage') }),
  z.object({ kind: z.literal('gc') }),
  z.object({ kind: z.literal('profile-start') }),
  /** Answers the V8 CPU profile taken since `profile-start`, as JSON text. */
  z.object({ kind: z.literal('profile-stop') }),
]);
export type Command = z.infer<typeof commandSchema>;

export const requestSchema = z.object({ id: z.number().int(), command: commandSchema });
export type Request = z.infer<typeof requestSchema>;

export const usageSchema = z.object({
  /** process.cpuUsage() user + system, in microseconds. */
  cpuMicros: z.number(),
  rssBytes: z.number(),
  heapUsedBytes: z.number(),
  /**
   * What V8 has reserved for its heap, and memory outside it (Buffers, native); absent from the
   * servers of older checkouts (bench/cpu.ts --baseline).
   */
  heapTotalBytes: z.number().optional(),
  externalBytes: z.number().optional(),
});
export type Usage = z.infer<typeof usageSchema>;

export const loggedSchema = z.array(
  z.object({
    vendor: z.string(),
    method: z.string(),
    path: z.string(),
    at: z.number(),
    /** What bench/dashboard-floor.ts needs to send the same request again. */
    query: z.record(z.string(), z.string()).optional(),
    headers: z.record(z.string(), z.string()).optional(),
    body: z.unknown().optional(),
  }),
);
export type Logged = z.infer<typeof loggedSchema>;

export const readySchema = z.object({
  kind: z.literal('ready'),
  url: z.string(),
  sandboxUrls: z.record(z.string(), z.string()),
});
export type Ready = z.infer<typeof readySchema>;

export const replySchema = z.object({
  kind: z.literal('reply'),
  id: z.number().int(),
  result: z.unknown(),
  error: z.string().optional(),
});
export type Reply = z.infer<typeof replySchema>;

/** What a child reports about itself; shared by the gateway and the floor server. */
export function usage(): Usage {
  const cpu = process.cpuUsage();
  const memory = process.memoryUsage();
  return {
    cpuMicros: cpu.user + cpu.system,
    rssBytes: memory.rss,
    heapUsedBytes: memory.heapUsed,
    heapTotalBytes: memory.heapTotal,
    externalBytes: memory.external,
  };
}

/** Answers the parent's commands over the IPC channel with `handle`'s result. */
export function serveCommands(handle: (command: Command) => unknown): void {
  process.on('message', (message: unknown) => {
    const parsed = requestSchema.safeParse(message);
    if (!parsed.success) return;
    const { id, command } = parsed.data;
    const send = (reply: Reply) => process.send?.(reply);
    Promise.resolve()
      .then(() => handle(command))
      .then(
        (result) => send({ kind: 'reply', id, result: result ?? null }),
        (error: unknown) => send({ kind: 'reply', id, result: null, error: String(error) }),
      );
  });
  // The parent going away must not leave a gateway running.
  process.on('disconnect', () => process.exit(0));
}

/**
 * For the floor servers (bench/floor.ts, bare-yoga.ts, passthrough.ts, minimal-gateway.ts): listens on an ephemeral
 * loopback port, answers the parent's usage, gc and profile commands, and reports where it listens.
 */
export async function serveFloor(server: Server): Promise<void> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const profiler = new CpuProfiler();
  serveCommands((command) => {
    if (command.kind === 'gc') globalThis.gc?.();
    if (command.kind === 'profile-start') return profiler.start();
    if (command.kind === 'profile-stop') return profiler.stop();
    return command.kind === 'usage' || command.kind === 'gc' ? usage() : null;
  });
  const ready: Ready = { kind: 'ready', url: `http://127.0.0.1:${port}/graphql`, sandboxUrls: {} };
  process.send?.(ready);
}
