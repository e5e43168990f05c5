import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseDuration } from '../../src/config.js';

describe('parseDuration', () => {
  it.each([
    ['24h', 86_400_000],
    ['30m', 1_800_000],
    ['90s', 90_000],
    ['30d', 2_592_000_000],
    ['1500ms', 1500],
    ['3600', 3_600_000],
    [' 2 h ', 7_200_000],
    ['1.5h', 5_400_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', 'soon', '-5m', '0', '5w', '1h30m'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());
});

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toEqual({
      nodeEnv: 'development',
      port: 3000,
      host: '0.0.0.0',
      logLevel: 'info',
      dataDir: '/srv/app/data',
      contentDir: '/srv/app',
      sessionTtlMs: 86_400_000,
      requestTtlMs: 2_592_000_000,
      sessions: 'sqlite',
      database: undefined,
      adminToken: undefined,
      watchContent: true,
      rateLimitPerMinute: 300,
      conversationRateLimitPerMinute: 30,
      corsOrigins: '*',
      trustProxy: false,
      metricsToken: undefined,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig(
      {
        NODE_ENV: 'production',
        PORT: '8080',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        MEDSPILLER_DATA_DIR: '/var/lib/medspiller',
        MEDSPILLER_CONTENT_DIR: 'council',
        MEDSPILLER_SESSION_TTL: '30m',
        MEDSPILLER_REQUEST_TTL: '7d',
        MEDSPILLER_SESSIONS: 'memory',
        MEDSPILLER_ADMIN_TOKEN: 'a-long-enough-secret',
        MEDSPILLER_RATE_LIMIT: '0',
        MEDSPILLER_CORS_ORIGINS: 'https://a.dk, https://b.dk',
      },
      '/srv/app',
    );
    expect(config).toMatchObject({
      nodeEnv: 'production',
      port: 8080,
      host: '127.0.0.1',
      logLevel: 'warn',
      dataDir: '/var/lib/medspiller',
      contentDir: '/srv/app/council',
      sessionTtlMs: 1_800_000,
      requestTtlMs: 604_800_000,
      sessions: 'memory',
      adminToken: 'a-long-enough-secret',
      watchContent: false,
      rateLimitPerMinute: 0,
      corsOrigins: ['https://a.dk', 'https://b.dk'],
    });
  });

  it('does not watch content in production unless asked, and treats empty variables as unset', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).watchContent).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', MEDSPILLER_WATCH_CONTENT: 'yes' }).watchContent).toBe(true);
    expect(loadConfig({ MEDSPILLER_WATCH_CONTENT: '0' }).watchContent).toBe(false);
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it('reads MEDSPILLER_TRUST_PROXY as a flag, a hop count or proxy addresses', () => {
    expect(loadConfig({ MEDSPILLER_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ MEDSPILLER_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ MEDSPILLER_TRUST_PROXY: '10.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({ MEDSPILLER_TRUST_PROXY: 'loopback,fd00::/8,10.0.0.0/255.0.0.0' }).trustProxy).toEqual([
      'loopback',
      'fd00::/8',
      '10.0.0.0/255.0.0.0',
    ]);
  });

  it('names MEDSPILLER_TRUST_PROXY when it is mistyped, instead of failing later at start-up', () => {
    for (const typo of ['ture', '10.0.0.1,10.0.0/8', '10.0.0.0/33', '::1/129', '10.0.0.1/8/8']) {
      expect(() => loadConfig({ MEDSPILLER_TRUST_PROXY: typo }), typo).toThrow(/MEDSPILLER_TRUST_PROXY: expected true, false, a number of hops/);
    }
  });

  it('accepts redis:// and postgres:// URLs', () => {
    const config = loadConfig({ MEDSPILLER_SESSIONS: 'redis://localhost:6379/0', MEDSPILLER_DATABASE: 'postgres://u:p@db/medspiller' });
    expect(config.sessions).toBe('redis://localhost:6379/0');
    expect(config.database).toBe('postgres://u:p@db/medspiller');
  });

  it('names every wrong variable and what is expected, without echoing secrets', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        MEDSPILLER_SESSION_TTL: 'a while',
        MEDSPILLER_WATCH_CONTENT: 'perhaps',
        LOG_LEVEL: 'loud',
        MEDSPILLER_SESSIONS: 'mongodb://x',
        MEDSPILLER_DATABASE: 'mysql://user:hunter2@db',
        MEDSPILLER_ADMIN_TOKEN: 'short-secret',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toEqual([
      expect.stringMatching(/^PORT: expected a whole number from 0 to 65535, got "eighty"$/),
      expect.stringMatching(/^LOG_LEVEL: /),
      expect.stringMatching(/^MEDSPILLER_SESSION_TTL: expected a duration like "24h".*got "a while"$/),
      expect.stringMatching(/^MEDSPILLER_SESSIONS: expected "sqlite", "memory" or a redis/),
      expect.stringMatching(/^MEDSPILLER_DATABASE: expected a postgres:\/\//),
      expect.stringMatching(/^MEDSPILLER_ADMIN_TOKEN: expected at least 16 characters$/),
      expect.stringMatching(/^MEDSPILLER_WATCH_CONTENT: expected true or false, got "perhaps"$/),
    ]);
    expect((error as Error).message).not.toContain('hunter2');
    expect((error as Error).message).not.toContain('short-secret');
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT: expected a whole number from 0 to 65535/);
  });
});
