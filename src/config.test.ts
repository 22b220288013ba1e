import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';
import { DEFAULT_SECURITY_SETTINGS } from './http/access/security-settings.js';

it('defaults to SQLite under ./data, port 3000 on 127.0.0.1', () => {
  assert.deepEqual(loadConfig({}, '/srv/gongkai'), {
    databaseUrl: null, dataDir: '/srv/gongkai/data', sqliteFile: '/srv/gongkai/data/gongkai.sqlite', port: 3000, host: '127.0.0.1',
    feeStopsClock: false, security: DEFAULT_SECURITY_SETTINGS,
  });
  assert.equal(loadConfig({ GONGKAI_FEE_STOPS_CLOCK: 'true' }).feeStopsClock, true);
  assert.equal(loadConfig({ GONGKAI_FEE_STOPS_CLOCK: '否' }).feeStopsClock, false);
});

it('reads PostgreSQL URLs, the data directory, port and host', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://gk:secret@db:5432/gongkai', GONGKAI_DATA_DIR: 'var/gk', PORT: '8080', HOST: '0.0.0.0',
  }, '/srv');
  assert.equal(config.databaseUrl, 'postgresql://gk:secret@db:5432/gongkai');
  assert.equal(config.dataDir, '/srv/var/gk');
  assert.equal(config.port, 8080);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres:///gongkai' }).databaseUrl, 'postgres:///gongkai');
  assert.equal(loadConfig({ DATABASE_URL: '  ', GONGKAI_DATA_DIR: '/abs' }).sqliteFile, '/abs/gongkai.sqlite');
});

it('names the variable of a bad value in Chinese and English', () => {
  const fails = (env: NodeJS.ProcessEnv, variable: string) =>
    assert.throws(() => loadConfig(env), (e: unknown) =>
      e instanceof ConfigError && e.variable === variable && e.code === 'CONFIG_INVALID'
      && e.message.includes(`环境变量 ${variable}`) && e.message.includes(`Invalid ${variable}`));
  fails({ DATABASE_URL: 'mysql://localhost/gk' }, 'DATABASE_URL');
  fails({ DATABASE_URL: 'sqlite:./x.db' }, 'DATABASE_URL');
  fails({ PORT: '0' }, 'PORT');
  fails({ PORT: '65536' }, 'PORT');
  fails({ PORT: '80a' }, 'PORT');
  fails({ PORT: '3000.5' }, 'PORT');
  fails({ HOST: 'a b' }, 'HOST');
  fails({ HOST: 'http://x' }, 'HOST');
  fails({ GONGKAI_FEE_STOPS_CLOCK: 'maybe' }, 'GONGKAI_FEE_STOPS_CLOCK');
});

it('reads the web-security settings: trusted host names, session lifetimes, proxy', () => {
  const config = loadConfig({
    HOST: 'gk.huancui.gov.cn', GONGKAI_SESSION_IDLE_MINUTES: '15', GONGKAI_SESSION_MAX_HOURS: '8', GONGKAI_TRUST_PROXY: 'true',
  });
  assert.ok(config.security.allowedHosts.includes('gk.huancui.gov.cn'));
  assert.equal(config.security.signIn.idleMinutes, 15);
  assert.equal(config.security.signIn.absoluteMinutes, 480);
  assert.equal(config.security.trustProxy, true);
  assert.deepEqual(loadConfig({ GONGKAI_ALLOWED_HOSTS: 'gk.example.gov.cn, [::1] ,10.1.2.3' }).security.allowedHosts, ['gk.example.gov.cn', '::1', '10.1.2.3']);
  assert.throws(() => loadConfig({ GONGKAI_SESSION_IDLE_MINUTES: '0' }), (e: unknown) => e instanceof ConfigError && /GONGKAI_SESSION_IDLE_MINUTES/.test(e.message));
  assert.throws(() => loadConfig({ GONGKAI_ALLOWED_HOSTS: 'http://evil/' }), (e: unknown) => e instanceof ConfigError);
});
