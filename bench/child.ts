import { fork, type ChildProcess } from 'node:child_process';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  loggedSchema,
  readySchema,
  replySchema,
  usageSchema,
  type Command,
  type Logged,
  type Usage,
} from './protocol.js';

export interface Child {
  url: string;
  sandboxUrls: Record<string, string>;
  pid: number;
  send(command: Command): Promise<unknown>;
  usage(): Promise<Usage>;
  gc(): Promise<Usage>;
  requests(): Promise<Logged>;
  stop(): Promise<void>;
}

/**
 * Starts `bench/<script>` in a child Node process (through tsx, with --expose-gc) and waits for
 * it to report where it listens. `extraArgs` go to node, e.g. `--cpu-prof`.
 */
export async function startChild(
  /** A script of bench/, or an absolute path (another checkout's bench/serve.ts). */
  script: string,
  options: { env?: Record<string, string>; nodeArgs?: string[] } = {},
): Promise<Child> {
  const path = isAbsolute(script) ? script : fileURLToPath(new URL(script, import.meta.url));
  const child: ChildProcess = fork(path, [], {
    execArgv: ['--import', 'tsx', '--expose-gc', ...(options.nodeArgs ?? [])],
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (e: Error) => void }
  >();
  let nextId = 1;
  const ready = await new Promise<{ url: string; sandboxUrls: Record<string, string> }>(
    (resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`bench/${script} exited with ${code}`)));
      child.on('message', (message: unknown) => {
        const isReady = readySchema.safeParse(message);
        if (isReady.success) return resolve(isReady.data);
        const reply = replySchema.safeParse(message);
        if (!reply.success) return;
        const waiter = pending.get(reply.data.id);
        pending.delete(reply.data.id);
        if (reply.data.error) waiter?.reject(new Error(reply.data.error));
        else waiter?.resolve(reply.data.result);
      });
    },
  );
  const send = (command: Command) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, command });
    });
  return {
    ...ready,
    pid: child.pid ?? -1,
    send,
    usage: async () => usageSchema.parse(await send({ kind: 'usage' })),
    gc: async () => usageSchema.parse(await send({ kind: 'gc' })),
    requests: async () => loggedSchema.parse(await send({ kind: 'requests' })),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.removeAllListeners('exit');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        // Closing the channel makes the child exit normally, which lets --cpu-prof write.
        child.disconnect();
      }),
  };
}
