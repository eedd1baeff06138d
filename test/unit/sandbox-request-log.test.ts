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
});
