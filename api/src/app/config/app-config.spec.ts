import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('applies defaults when the environment is empty', () => {
    const config = loadConfig({});
    expect(config.PORT).toBe(3000);
    expect(config.RUN_WORKERS).toBe(true);
    expect(config.DATABASE_URL).toMatch(/^postgres:/);
  });

  it('converts numbers and booleans from strings', () => {
    const config = loadConfig({ PORT: '4100', RUN_WORKERS: 'false' });
    expect(config.PORT).toBe(4100);
    expect(config.RUN_WORKERS).toBe(false);
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'abc', REDIS_URL: 'http://x' })).toThrow(
      ConfigError,
    );
    try {
      loadConfig({ PORT: 'abc', REDIS_URL: 'http://x' });
    } catch (error) {
      expect((error as Error).message).toContain('PORT');
      expect((error as Error).message).toContain('REDIS_URL');
    }
  });

  it('refuses the development JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/JWT_SECRET/);
    expect(
      loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })
        .isProduction,
    ).toBe(true);
  });
});
