import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('configuration', () => {
  it('defaults to the sandbox on 127.0.0.1:4000 with nothing configured', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 4000,
      host: '127.0.0.1',
      upstreamTimeoutMs: 5000,
      sandbox: true,
      apiKeys: [],
    });
    expect(config.vendors).toEqual({});
  });

  it('reads every vendor and turns the sandbox off once one is configured', () => {
    const config = loadConfig({
      FREYA_BASE_URL: 'https://freya.example.com',
      FREYA_API_KEY: 'fk',
      FREYA_WORKSPACE_ID: 'ws',
      CX_BASE_URL: 'https://cx.example.com',
      CX_USERNAME: 'u',
      CX_PASSWORD: 'p',
      SWITCHBOARD_API_KEYS: 'a, b,,',
      UPSTREAM_TIMEOUT_MS: '2500',
    });
    expect(config.sandbox).toBe(false);
    expect(config.vendors.freya).toEqual({
      baseUrl: 'https://freya.example.com',
      apiKey: 'fk',
      workspaceId: 'ws',
    });
    expect(config.vendors.cx).toEqual({
      baseUrl: 'https://cx.example.com',
      username: 'u',
      password: 'p',
    });
    expect(config.apiKeys).toEqual(['a', 'b']);
    expect(config.upstreamTimeoutMs).toBe(2500);
    expect(
      loadConfig({ OVIA_BASE_URL: 'http://x.test', OVIA_API_KEY: 'k', SWITCHBOARD_SANDBOX: '1' })
        .sandbox,
    ).toBe(true);
  });

  it.each([
    [{ OVIA_BASE_URL: 'https://ovia.example.com' }, 'OVIA_API_KEY'],
    [{ OVIA_BASE_URL: 'not a url', OVIA_API_KEY: 'k' }, 'OVIA_BASE_URL'],
    [{ CX_BASE_URL: 'https://cx.example.com', CX_USERNAME: 'u' }, 'CX_PASSWORD'],
    [{ FREYA_BASE_URL: 'https://f.example.com', FREYA_API_KEY: 'k' }, 'FREYA_WORKSPACE_ID'],
    [{ PORT: 'eighty' }, 'PORT'],
    [{ UPSTREAM_TIMEOUT_MS: '0' }, 'UPSTREAM_TIMEOUT_MS'],
    [{ SWITCHBOARD_SANDBOX: 'yes' }, 'SWITCHBOARD_SANDBOX'],
  ])('rejects %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(variable);
  });

  it('stops start-up with one line naming the variable when a base URL has no credential', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { PATH: process.env.PATH, OVIA_BASE_URL: 'https://ovia.example.com', PORT: '0' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(child.status).not.toBe(0);
    expect(child.stderr.trim().split('\n')).toHaveLength(1);
    expect(child.stderr).toContain('OVIA_API_KEY');
  });
});

describe('a tenants file in the configuration', () => {
  const file = (tenants: unknown[]) => {
    const folder = mkdtempSync(join(tmpdir(), 'switchboard-config-'));
    const path = join(folder, 'tenants.json');
    writeFileSync(path, JSON.stringify({ tenants }));
    return path;
  };

  it('replaces the environment: no sandbox flag, and it counts as configured in production', () => {
    const path = file([{ id: 'one', apiKeys: ['k'], sandbox: { seed: 1 } }]);
    const config = loadConfig({ SWITCHBOARD_TENANTS_FILE: path, NODE_ENV: 'production' });
    expect(config.sandbox).toBe(false);
    expect(config.tenants?.tenants.map((tenant) => tenant.id)).toEqual(['one']);
  });

  it('refuses SWITCHBOARD_API_KEYS beside it, and sandbox tenants with several workers', () => {
    const path = file([{ id: 'one', apiKeys: ['k'], sandbox: { seed: 1 } }]);
    expect(() => loadConfig({ SWITCHBOARD_TENANTS_FILE: path, SWITCHBOARD_API_KEYS: 'x' })).toThrow(
      /SWITCHBOARD_TENANTS_FILE and SWITCHBOARD_API_KEYS are both set/,
    );
    expect(() =>
      loadConfig({
        SWITCHBOARD_TENANTS_FILE: path,
        SWITCHBOARD_WORKERS: '2',
        REDIS_URL: 'redis://127.0.0.1:6379',
      }),
    ).toThrow(/each worker would hold a sandbox of its own/);
  });
});
