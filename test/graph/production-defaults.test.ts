import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** A request as a browser on `origin` sends it, and the CORS headers of the answer. */
async function fromBrowser(t: TestGateway, origin: string, method: 'POST' | 'OPTIONS' = 'POST') {
  const response = await fetch(t.url, {
    method,
    headers:
      method === 'POST'
        ? { 'content-type': 'application/json', origin, 'x-graphql-csrf': '1' }
        : {
            origin,
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type',
          },
    ...(method === 'POST' ? { body: JSON.stringify({ query: '{ providers { provider } }' }) } : {}),
  });
  await response.arrayBuffer();
  return {
    allowOrigin: response.headers.get('access-control-allow-origin'),
    allowCredentials: response.headers.get('access-control-allow-credentials'),
  };
}

describe('CORS', () => {
  const gateways: TestGateway[] = [];
  const start = async (env: Record<string, string>) => {
    const t = await startTestGateway(env);
    gateways.push(t);
    return t;
  };
  afterAll(async () => {
    await Promise.all(gateways.map((t) => t.close()));
  });

  it('grants no origin in production unless one is listed', async () => {
    const t = await start({ NODE_ENV: 'production' });
    for (const method of ['POST', 'OPTIONS'] as const) {
      const grant = await fromBrowser(t, 'https://evil.example', method);
      expect(grant.allowOrigin).toBeNull();
      expect(grant.allowCredentials).toBeNull();
    }
  });

  it('grants a listed origin with credentials and refuses every other one', async () => {
    const t = await start({
      NODE_ENV: 'production',
      SWITCHBOARD_CORS_ORIGINS: 'https://app.example.com, http://localhost:5173',
    });
    for (const origin of ['https://app.example.com', 'http://localhost:5173']) {
      for (const method of ['POST', 'OPTIONS'] as const) {
        expect(await fromBrowser(t, origin, method)).toEqual({
          allowOrigin: origin,
          allowCredentials: 'true',
        });
      }
    }
    for (const origin of ['https://evil.example', 'https://app.example.com.evil.example']) {
      expect(await fromBrowser(t, origin)).toEqual({ allowOrigin: null, allowCredentials: null });
    }
  });

  it('grants * without credentials', async () => {
    const t = await start({ NODE_ENV: 'production', SWITCHBOARD_CORS_ORIGINS: '*' });
    // yoga answers `*` with the caller's origin, which without credentials grants the same.
    expect(await fromBrowser(t, 'https://anyone.example')).toEqual({
      allowOrigin: 'https://anyone.example',
      allowCredentials: null,
    });
  });

  it('grants any origin with credentials outside production, for development', async () => {
    const t = await start({});
    expect(await fromBrowser(t, 'http://localhost:3000')).toEqual({
      allowOrigin: 'http://localhost:3000',
      allowCredentials: 'true',
    });
  });

  it.each(['app.example.com', 'https://app.example.com/path', 'ftp:'])(
    'rejects SWITCHBOARD_CORS_ORIGINS=%s at start-up',
    (value) => {
      expect(() => loadConfig({ SWITCHBOARD_CORS_ORIGINS: value })).toThrow(
        'SWITCHBOARD_CORS_ORIGINS',
      );
    },
  );
});

describe('production never serves fake data by accident', () => {
  it('refuses to start in production with no vendor and no explicit sandbox', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', SWITCHBOARD_SANDBOX: '0' })).toThrow(
      'SWITCHBOARD_SANDBOX=1',
    );
    expect(loadConfig({ NODE_ENV: 'production', SWITCHBOARD_SANDBOX: '1' }).sandbox).toBe(true);
    expect(
      loadConfig({ NODE_ENV: 'production', OVIA_BASE_URL: 'https://o.test', OVIA_API_KEY: 'k' })
        .sandbox,
    ).toBe(false);
  });

  it('exits with one line when started that way', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', PORT: '0' },
      encoding: 'utf8',
      timeout: 15_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/SWITCHBOARD_SANDBOX=1/);
  });
});

describe('credentials in a base URL', () => {
  it.each([
    'https://user:secret@ovia.example.com',
    'https://user@ovia.example.com',
    'https://:secret@ovia.example.com',
  ])('rejects %s at start-up without echoing the secret', (url) => {
    let message = '';
    try {
      loadConfig({ OVIA_BASE_URL: url, OVIA_API_KEY: 'k' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/OVIA_BASE_URL/);
    expect(message).not.toMatch(/secret/);
  });

  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('shows clean base URLs in providers', async () => {
    const answer = await t.query('{ providers { baseUrl } }');
    for (const { baseUrl } of answer.data!.providers) {
      expect(new URL(baseUrl).username).toBe('');
      expect(new URL(baseUrl).password).toBe('');
    }
  });
});
