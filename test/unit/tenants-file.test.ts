import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError } from '../../src/config-values.js';
import { parseTenantsFile, readTenantsFile } from '../../src/tenants/tenants-file.js';

const SOURCE = '/etc/switchboard/tenants.json';
const PREFIX = `SWITCHBOARD_TENANTS_FILE (${SOURCE}): `;
const WHSEC = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OTHER_WHSEC = `whsec_${Buffer.alloc(24, 9).toString('base64')}`;

const env = {
  ACME_KEY: 'sk-acme-secret-1',
  ACME_KEY_2: 'sk-acme-secret-2',
  ACME_OVIA_KEY: 'ovia-secret-value',
  ACME_FREYA_KEY: 'freya-secret-value',
  ACME_FREYA_WS: 'ws-42',
  ACME_CX_USER: 'cx-user',
  ACME_CX_PASSWORD: 'cx-password-secret',
  ACME_OVIA_WEBHOOK_SECRET: WHSEC,
  BETA_KEY: 'sk-beta-secret',
  EMPTY: '',
};

type Json = Record<string, unknown>;
const file = (...tenants: unknown[]) => JSON.stringify({ tenants });
const acme = (overrides: Json = {}): Json => ({
  id: 'acme',
  apiKeys: ['${ACME_KEY}'],
  vendors: { ovia: { baseUrl: 'https://ovia.example.com', apiKey: '${ACME_OVIA_KEY}' } },
  ...overrides,
});

/** The one-line ConfigError that parsing `text` throws. */
function errorOf(text: string, environment: Record<string, string | undefined> = env): string {
  try {
    parseTenantsFile(text, environment, SOURCE);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message.startsWith(PREFIX)).toBe(true);
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ConfigError');
}

/** Asserts the message holds none of the environment's values (the secrets). */
function expectNoSecret(message: string, ...extra: string[]) {
  for (const value of [...Object.values(env).filter((value) => value !== ''), ...extra]) {
    expect(message).not.toContain(value);
  }
}

describe('parseTenantsFile', () => {
  it('reads a complete file, resolving ${NAME} references from the environment', () => {
    const text = JSON.stringify({
      tenants: [
        {
          id: 'acme',
          apiKeys: ['${ACME_KEY}', '${ACME_KEY_2}', ' literal-key '],
          vendors: {
            cx: {
              baseUrl: 'https://cx.example.com',
              username: '${ACME_CX_USER}',
              password: '${ACME_CX_PASSWORD}',
            },
            ovia: { baseUrl: 'https://ovia.example.com/v1', apiKey: '${ACME_OVIA_KEY}' },
            freya: {
              baseUrl: 'http://localhost:9000',
              apiKey: '${ACME_FREYA_KEY}',
              workspaceId: '${ACME_FREYA_WS}',
            },
          },
          webhookSecrets: { ovia: '${ACME_OVIA_WEBHOOK_SECRET}', happyrobot: OTHER_WHSEC },
          sandbox: { seed: 1 },
        },
        { id: 'beta_2', apiKeys: ['${BETA_KEY}'], sandbox: { seed: 0 } },
        { id: '9-bare', apiKeys: ['bare-key'], sandbox: null },
      ],
    });
    expect(parseTenantsFile(text, env, SOURCE)).toEqual([
      {
        id: 'acme',
        apiKeys: ['sk-acme-secret-1', 'sk-acme-secret-2', 'literal-key'],
        vendors: {
          freya: {
            baseUrl: 'http://localhost:9000',
            apiKey: 'freya-secret-value',
            workspaceId: 'ws-42',
          },
          ovia: { baseUrl: 'https://ovia.example.com/v1', apiKey: 'ovia-secret-value' },
          cx: {
            baseUrl: 'https://cx.example.com',
            username: 'cx-user',
            password: 'cx-password-secret',
          },
        },
        webhookSecrets: { ovia: WHSEC, happyrobot: OTHER_WHSEC },
        sandbox: { seed: 1 },
      },
      {
        id: 'beta_2',
        apiKeys: ['sk-beta-secret'],
        vendors: {},
        webhookSecrets: {},
        sandbox: { seed: 0 },
      },
      // Neither vendors nor sandbox: allowed, the tenant just has no vendors.
      { id: '9-bare', apiKeys: ['bare-key'], vendors: {}, webhookSecrets: {}, sandbox: null },
    ]);
  });

  it('resolves the id from the environment too, and accepts a byte-order mark', () => {
    const text = `\uFEFF${file({ id: '${TENANT}', apiKeys: ['k'] })}`;
    expect(parseTenantsFile(text, { TENANT: 'from-env' }, SOURCE)).toEqual([
      { id: 'from-env', apiKeys: ['k'], vendors: {}, webhookSecrets: {}, sandbox: null },
    ]);
  });

  describe('environment references', () => {
    it('refuses an unset variable, naming the tenant, the field and the variable', () => {
      const message = errorOf(
        file(acme({ vendors: { ovia: { baseUrl: 'https://o.example.com', apiKey: '${NOPE}' } } })),
      );
      expect(message).toBe(
        `${PREFIX}tenant "acme" vendors.ovia.apiKey: refers to \${NOPE}, but NOPE is not set`,
      );
    });

    it('refuses an empty variable', () => {
      const message = errorOf(file(acme({ apiKeys: ['${ACME_KEY}', '${EMPTY}'] })));
      expect(message).toBe(
        `${PREFIX}tenant "acme" apiKeys[1]: refers to \${EMPTY}, but EMPTY is not set`,
      );
    });

    it('reads only the environment’s own variables, not Object.prototype’s', () => {
      const message = errorOf(file(acme({ apiKeys: ['${constructor}'] })));
      expect(message).toContain('tenant "acme" apiKeys[0]: refers to ${constructor}');
    });

    it('refuses partial substitution without echoing the value', () => {
      const message = errorOf(
        file(
          acme({
            vendors: {
              ovia: { baseUrl: 'https://o.example.com', apiKey: 'Bearer ${ACME_OVIA_KEY}' },
            },
          }),
        ),
      );
      expect(message).toContain('tenant "acme" vendors.ovia.apiKey: holds "${" but is not exactly');
      expect(message).toContain('partial substitution is not supported');
      expect(message).not.toContain('Bearer');
      expectNoSecret(message);
    });

    it('names the tenant by index when its id is a variable that is not set', () => {
      expect(errorOf(file({ id: '${TENANT}', apiKeys: ['k'] }))).toBe(
        `${PREFIX}tenants[0] id: refers to \${TENANT}, but TENANT is not set`,
      );
    });
  });

  describe('the file', () => {
    it('refuses invalid JSON in one line, without quoting the text', () => {
      const message = errorOf('{"tenants": [{"id": "acme", "apiKeys": [sk-literal-secret]}]}');
      expect(message).toMatch(/^SWITCHBOARD_TENANTS_FILE \(.*\): is not valid JSON: /);
      expect(message).not.toContain('sk-literal-secret');
      expect(message).not.toContain('acme');
    });

    it('gives the line and column of a JSON error that has a position', () => {
      const message = errorOf('{\n  "tenants": [\n    {"id": "acme",}\n  ]\n}');
      expect(message).toContain('is not valid JSON: ');
      expect(message).toContain('(line 3 column');
    });

    it('refuses a file that is not an object with tenants', () => {
      expect(errorOf('[]')).toBe(`${PREFIX}must be a JSON object { "tenants": [...] }`);
      expect(errorOf('{}')).toBe(`${PREFIX}tenants: must be set`);
      expect(errorOf('{"tenants": {}}')).toBe(`${PREFIX}tenants: must be a list of tenants`);
    });

    it('needs at least one tenant and at most 1000', () => {
      expect(errorOf(file())).toBe(`${PREFIX}tenants: must list at least one tenant`);
      const many = Array.from({ length: 1001 }, (_, index) => ({
        id: `t${index}`,
        apiKeys: [`k${index}`],
      }));
      expect(errorOf(file(...many))).toBe(`${PREFIX}tenants: must list at most 1000 tenants`);
      expect(parseTenantsFile(file(...many.slice(0, 1000)), env, SOURCE)).toHaveLength(1000);
    });

    it('refuses an unknown top-level member', () => {
      expect(errorOf(JSON.stringify({ tenants: [acme()], defaults: {} }))).toBe(
        `${PREFIX}defaults: is not a member of the file (expected tenants)`,
      );
    });
  });

  describe('a tenant', () => {
    it('must be an object', () => {
      expect(errorOf(file(acme(), 'acme'))).toBe(`${PREFIX}tenants[1]: must be an object`);
    });

    it('needs a valid id, and is named by its index without one', () => {
      expect(errorOf(file(acme(), { apiKeys: ['k'] }))).toBe(`${PREFIX}tenants[1] id: must be set`);
      for (const id of ['Acme', '-acme', 'a'.repeat(64), 'ac me', 'ac/me', '']) {
        expect(errorOf(file({ id, apiKeys: ['k'] }))).toBe(
          `${PREFIX}tenants[0] id: must be 1 to 63 lowercase letters, digits, _ or -, starting with a letter or digit`,
        );
      }
      expect(errorOf(file({ id: 7, apiKeys: ['k'] }))).toBe(
        `${PREFIX}tenants[0] id: must be a string`,
      );
      expect(
        parseTenantsFile(file({ id: 'a'.repeat(63), apiKeys: ['k'] }), env, SOURCE),
      ).toHaveLength(1);
    });

    it('refuses an unknown member, including __proto__', () => {
      expect(errorOf(file(acme({ plan: 'gold' })))).toBe(
        `${PREFIX}tenant "acme" plan: is not a member of a tenant (expected id, apiKeys, vendors, webhookSecrets, sandbox)`,
      );
      const proto = `{"tenants": [{"id": "acme", "apiKeys": ["k"], "__proto__": {"x": 1}}]}`;
      expect(errorOf(proto)).toContain('tenant "acme" __proto__: is not a member of a tenant');
    });

    it('refuses tenant ids that repeat', () => {
      const message = errorOf(
        file(acme(), { id: 'beta', apiKeys: ['${BETA_KEY}'] }, { id: 'acme', apiKeys: ['other'] }),
      );
      expect(message).toBe(
        `${PREFIX}tenant "acme" id: tenants[0] and tenants[2] both have this id; ids must be unique`,
      );
    });
  });

  describe('API keys', () => {
    it('needs at least one, and at most 100', () => {
      expect(errorOf(file(acme({ apiKeys: [] })))).toBe(
        `${PREFIX}tenant "acme" apiKeys: must hold at least one API key`,
      );
      expect(errorOf(file(acme({ apiKeys: undefined })))).toBe(
        `${PREFIX}tenant "acme" apiKeys: must be set`,
      );
      expect(errorOf(file(acme({ apiKeys: 'k' })))).toBe(
        `${PREFIX}tenant "acme" apiKeys: must be a list of API keys`,
      );
      const keys = Array.from({ length: 101 }, (_, index) => `key-${index}`);
      expect(errorOf(file(acme({ apiKeys: keys })))).toBe(
        `${PREFIX}tenant "acme" apiKeys: must hold at most 100 API keys`,
      );
    });

    it('refuses an empty or blank key', () => {
      expect(errorOf(file(acme({ apiKeys: ['k', '   '] })))).toBe(
        `${PREFIX}tenant "acme" apiKeys[1]: must not be empty`,
      );
      expect(errorOf(file(acme({ apiKeys: [''] })))).toBe(
        `${PREFIX}tenant "acme" apiKeys[0]: must not be empty`,
      );
      expect(errorOf(file(acme({ apiKeys: [5] })))).toBe(
        `${PREFIX}tenant "acme" apiKeys[0]: must be a string`,
      );
    });

    it('refuses a key shared by two tenants, naming both but not the key', () => {
      const message = errorOf(
        file(acme(), { id: 'beta', apiKeys: ['${BETA_KEY}', '${ACME_KEY}'] }),
      );
      expect(message).toBe(
        `${PREFIX}tenant "beta" apiKeys[1]: is also apiKeys[0] of tenant "acme"; an API key may belong to one tenant only, once`,
      );
      expectNoSecret(message);
    });

    it('refuses a key shared once resolved and trimmed, and a key listed twice', () => {
      const shared = errorOf(file(acme(), { id: 'beta', apiKeys: [' sk-acme-secret-1 '] }));
      expect(shared).toContain('tenant "beta" apiKeys[0]: is also apiKeys[0] of tenant "acme"');
      expectNoSecret(shared);
      const twice = errorOf(file(acme({ apiKeys: ['${ACME_KEY}', 'x', '${ACME_KEY}'] })));
      expect(twice).toBe(
        `${PREFIX}tenant "acme" apiKeys[2]: is also apiKeys[0] of tenant "acme"; an API key may belong to one tenant only, once`,
      );
      expectNoSecret(twice);
    });
  });

  describe('vendors', () => {
    it('refuses a vendor that is not registered', () => {
      const message = errorOf(
        file(
          acme({
            vendors: { vapi: { baseUrl: 'https://v.example.com', apiKey: '${ACME_OVIA_KEY}' } },
          }),
        ),
      );
      expect(message).toBe(
        `${PREFIX}tenant "acme" vendors.vapi: is not a registered vendor (registered: freya, ovia, llamadapro, cx, happyrobot)`,
      );
    });

    it('needs each credential member of the vendor', () => {
      const message = errorOf(
        file(
          acme({
            vendors: { freya: { baseUrl: 'https://f.example.com', apiKey: '${ACME_FREYA_KEY}' } },
          }),
        ),
      );
      expect(message).toBe(`${PREFIX}tenant "acme" vendors.freya.workspaceId: must be set`);
      expect(
        errorOf(
          file(
            acme({
              vendors: { cx: { baseUrl: 'https://c.example.com', username: 'u', password: ' ' } },
            }),
          ),
        ),
      ).toBe(`${PREFIX}tenant "acme" vendors.cx.password: must not be empty`);
      expect(errorOf(file(acme({ vendors: { ovia: { apiKey: 'k' } } })))).toBe(
        `${PREFIX}tenant "acme" vendors.ovia.baseUrl: must be set`,
      );
    });

    it('refuses a member the vendor does not have', () => {
      const message = errorOf(
        file(
          acme({
            vendors: {
              ovia: {
                baseUrl: 'https://o.example.com',
                apiKey: '${ACME_OVIA_KEY}',
                username: '${ACME_CX_USER}',
              },
            },
          }),
        ),
      );
      expect(message).toBe(
        `${PREFIX}tenant "acme" vendors.ovia.username: is not a member of vendors.ovia (expected baseUrl, apiKey)`,
      );
      expectNoSecret(message);
    });

    it('must be objects', () => {
      expect(errorOf(file(acme({ vendors: [] })))).toBe(
        `${PREFIX}tenant "acme" vendors: must be an object`,
      );
      expect(errorOf(file(acme({ vendors: { ovia: 'https://o.example.com' } })))).toBe(
        `${PREFIX}tenant "acme" vendors.ovia: must be an object`,
      );
    });

    it('checks base URLs like the environment, without echoing credentials in them', () => {
      const withPassword = errorOf(
        file(
          acme({
            vendors: {
              ovia: { baseUrl: 'https://user:hunter2-secret@o.example.com', apiKey: 'k' },
            },
          }),
        ),
      );
      expect(withPassword).toContain(
        'tenant "acme" vendors.ovia.baseUrl: must not hold a user name or password',
      );
      expect(withPassword).not.toContain('hunter2-secret');
      expect(withPassword).not.toContain('user:');
      const fromEnv = errorOf(
        file(acme({ vendors: { ovia: { baseUrl: '${URL}', apiKey: 'k' } } })),
        { ...env, URL: 'https://admin:env-secret@o.example.com' },
      );
      expect(fromEnv).toContain('vendors.ovia.baseUrl: must not hold a user name or password');
      expect(fromEnv).not.toContain('env-secret');
      for (const baseUrl of ['ftp://o.example.com', 'not a url', 'o.example.com']) {
        expect(errorOf(file(acme({ vendors: { ovia: { baseUrl, apiKey: 'k' } } })))).toBe(
          `${PREFIX}tenant "acme" vendors.ovia.baseUrl: must be an http(s) URL`,
        );
      }
    });
  });

  describe('webhook secrets', () => {
    it('refuses a secret that is not whsec_ and 24 bytes of base64, without echoing it', () => {
      const short = `whsec_${Buffer.alloc(16, 1).toString('base64')}`;
      for (const secret of ['plain-secret-value', short, `${WHSEC}!`]) {
        const message = errorOf(file(acme({ webhookSecrets: { ovia: secret } })));
        expect(message).toBe(
          `${PREFIX}tenant "acme" webhookSecrets.ovia: must be whsec_ followed by the base64 of at least 24 random bytes`,
        );
        expectNoSecret(message, secret);
      }
      const fromEnv = errorOf(file(acme({ webhookSecrets: { cx: '${BAD}' } })), {
        ...env,
        BAD: 'env-secret-hook',
      });
      expect(fromEnv).toContain('tenant "acme" webhookSecrets.cx: must be whsec_');
      expect(fromEnv).not.toContain('env-secret-hook');
    });

    it('accepts secrets only for registered vendors', () => {
      expect(errorOf(file(acme({ webhookSecrets: { vapi: WHSEC } })))).toBe(
        `${PREFIX}tenant "acme" webhookSecrets.vapi: is not a registered vendor (registered: freya, ovia, llamadapro, cx, happyrobot)`,
      );
    });
  });

  describe('sandbox', () => {
    it('needs a whole seed from 0 to 1 000 000', () => {
      const problem = 'must be a whole number from 0 to 1000000';
      for (const seed of [-1, 1.5, 1_000_001, '1']) {
        expect(errorOf(file(acme({ sandbox: { seed } })))).toBe(
          `${PREFIX}tenant "acme" sandbox.seed: ${problem}`,
        );
      }
      expect(errorOf(file(acme({ sandbox: {} })))).toBe(
        `${PREFIX}tenant "acme" sandbox.seed: must be set`,
      );
      expect(
        parseTenantsFile(file(acme({ sandbox: { seed: 1_000_000 } })), env, SOURCE)[0]?.sandbox,
      ).toEqual({
        seed: 1_000_000,
      });
    });

    it('refuses other members and other shapes', () => {
      expect(errorOf(file(acme({ sandbox: { seed: 1, faults: 'x' } })))).toBe(
        `${PREFIX}tenant "acme" sandbox.faults: is not a member of sandbox (expected seed)`,
      );
      expect(errorOf(file(acme({ sandbox: true })))).toBe(
        `${PREFIX}tenant "acme" sandbox: must be an object { "seed": <number> } or null`,
      );
    });
  });
});

describe('a vendor registered later', () => {
  afterEach(() => {
    vi.doUnmock('../../src/vendors/registry.js');
    vi.resetModules();
  });

  it('is accepted with its own credential members, without touching the tenants file module', async () => {
    vi.resetModules();
    vi.doMock('../../src/vendors/registry.js', async (importOriginal) => {
      const actual = await importOriginal<typeof import('../../src/vendors/registry.js')>();
      const sixth = {
        key: 'sixth',
        env: { prefix: 'SIXTH', credentials: { token: 'SIXTH_TOKEN' } },
      };
      return { ...actual, VENDORS: [...actual.VENDORS, sixth] };
    });
    const { parseTenantsFile: parse } = await import('../../src/tenants/tenants-file.js');
    const vendors = { sixth: { baseUrl: 'https://six.example.com', token: '${SIX}' } };
    expect(
      parse(
        file(acme({ vendors, webhookSecrets: { sixth: WHSEC } })),
        { ...env, SIX: 't' },
        SOURCE,
      ),
    ).toEqual([
      {
        id: 'acme',
        apiKeys: ['sk-acme-secret-1'],
        vendors: { sixth: { baseUrl: 'https://six.example.com', token: 't' } },
        webhookSecrets: { sixth: WHSEC },
        sandbox: null,
      },
    ]);
    expect(() =>
      parse(
        file(acme({ vendors: { sixth: { baseUrl: 'https://six.example.com' } } })),
        env,
        SOURCE,
      ),
    ).toThrow('tenant "acme" vendors.sixth.token: must be set');
  });
});

describe('readTenantsFile', () => {
  it('reads and parses a file', () => {
    const directory = mkdtempSync(join(tmpdir(), 'tenants-'));
    try {
      const path = join(directory, 'tenants.json');
      writeFileSync(path, file(acme()));
      expect(readTenantsFile(path, env)).toEqual([
        {
          id: 'acme',
          apiKeys: ['sk-acme-secret-1'],
          vendors: { ovia: { baseUrl: 'https://ovia.example.com', apiKey: 'ovia-secret-value' } },
          webhookSecrets: {},
          sandbox: null,
        },
      ]);
      writeFileSync(path, file(acme({ apiKeys: [] })));
      expect(() => readTenantsFile(path, env)).toThrow(
        `SWITCHBOARD_TENANTS_FILE (${path}): tenant "acme" apiKeys: must hold at least one API key`,
      );
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a missing file, naming its path', () => {
    const path = join(tmpdir(), 'switchboard-no-such-dir', 'tenants.json');
    expect(() => readTenantsFile(path, env)).toThrow(ConfigError);
    expect(() => readTenantsFile(path, env)).toThrow(
      `SWITCHBOARD_TENANTS_FILE (${path}): cannot be read (no such file)`,
    );
  });

  it('refuses a directory', () => {
    expect(() => readTenantsFile(tmpdir(), env)).toThrow(
      `SWITCHBOARD_TENANTS_FILE (${tmpdir()}): cannot be read (is a directory)`,
    );
  });
});
