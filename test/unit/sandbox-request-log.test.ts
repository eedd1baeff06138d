import { describe, expect, it } from 'vitest';
import { SANDBOX_CREDENTIALS } from '../../src/sandbox/credentials.js';
import { createSandboxData } from '../../src/sandbox/data.js';
import { createOviaDialect } from '../../src/sandbox/ovia/dialect.js';
import { VendorServer } from '../../src/sandbox/vendor-server.js';

describe('the sandbox request log', () => {
  it('keeps only the newest requests, so a long run cannot grow it without end', async () => {
    const server = new VendorServer(
      createOviaDialect(createSandboxData().ovia, SANDBOX_CREDENTIALS.ovia),
      { maxLogged: 25 },
    );
    const url = await server.listen();
    try {
      for (let index = 0; index < 60; index += 1) {
        const response = await fetch(`${url}/api/v1/calls?limit=1&offset=${index}`, {
          headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.ovia.apiKey}` },
        });
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      expect(server.log).toHaveLength(25);
      expect(server.log[0]!.query['offset']).toBe('35');
      expect(server.log.at(-1)!.query['offset']).toBe('59');
    } finally {
      await server.close();
    }
  });

  it('counts the requests it was still answering when each arrived', async () => {
    const server = new VendorServer(
      createOviaDialect(createSandboxData().ovia, SANDBOX_CREDENTIALS.ovia),
    );
    const url = await server.listen();
    const get = async (offset: number) => {
      const response = await fetch(`${url}/api/v1/calls?limit=1&offset=${offset}`, {
        headers: { authorization: `Bearer ${SANDBOX_CREDENTIALS.ovia.apiKey}` },
      });
      await response.arrayBuffer();
      return response.status;
    };
    try {
      // Held long enough that all three arrive before the first is answered.
      server.fault = { latencyMs: 300 };
      expect(await Promise.all([get(0), get(1), get(2)])).toEqual([200, 200, 200]);
      server.fault = null;
      expect(await get(3)).toBe(200);
      expect(await get(4)).toBe(200);
      expect(server.log.map((request) => request.inFlight)).toEqual([1, 2, 3, 1, 1]);
    } finally {
      await server.close();
    }
  });
});
