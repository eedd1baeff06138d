import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('socket and shutdown configuration', () => {
  it('bounds sockets and drains for a second by default', () => {
    const config = loadConfig({});
    expect(config.sockets).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5000,
      maxConnections: 1000,
    });
    expect(config.drainDelayMs).toBe(1000);
    expect(config.shutdownTimeoutMs).toBe(10_000);
  });

  it('reads each variable', () => {
    const config = loadConfig({
      SWITCHBOARD_HEADERS_TIMEOUT_MS: '2000',
      SWITCHBOARD_REQUEST_TIMEOUT_MS: '4000',
      SWITCHBOARD_KEEP_ALIVE_TIMEOUT_MS: '61000',
      SWITCHBOARD_MAX_CONNECTIONS: '50',
      SWITCHBOARD_DRAIN_DELAY_MS: '0',
    });
    expect(config.sockets).toEqual({
      headersTimeoutMs: 2000,
      requestTimeoutMs: 4000,
      keepAliveTimeoutMs: 61_000,
      maxConnections: 50,
    });
    expect(config.drainDelayMs).toBe(0);
  });

  it.each([
    ['SWITCHBOARD_HEADERS_TIMEOUT_MS', '0'],
    ['SWITCHBOARD_REQUEST_TIMEOUT_MS', 'soon'],
    ['SWITCHBOARD_KEEP_ALIVE_TIMEOUT_MS', '1.5'],
    ['SWITCHBOARD_MAX_CONNECTIONS', '0'],
    ['SWITCHBOARD_DRAIN_DELAY_MS', '-1'],
  ])('refuses %s=%s, naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(variable);
  });

  it('refuses a headers timeout longer than the request timeout', () => {
    expect(() =>
      loadConfig({
        SWITCHBOARD_HEADERS_TIMEOUT_MS: '5000',
        SWITCHBOARD_REQUEST_TIMEOUT_MS: '1000',
      }),
    ).toThrow(/SWITCHBOARD_HEADERS_TIMEOUT_MS must be at most SWITCHBOARD_REQUEST_TIMEOUT_MS/);
  });
});
