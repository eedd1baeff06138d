import { Session } from 'node:inspector/promises';

/**
 * Starts and stops V8's CPU profiler inside this process on command, so a profile covers only
 * the steady state under load (`--cpu-prof` would also hold start-up and module loading).
 */
export class CpuProfiler {
  private session: Session | null = null;

  async start(): Promise<void> {
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
    this.session = session;
  }

  async stop(): Promise<string> {
    const session = this.session;
    if (!session) throw new Error('the profiler is not running');
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    this.session = null;
    return JSON.stringify(profile);
  }
}
