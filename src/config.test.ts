import assert from 'node:assert/strict';
import { it } from 'node:test';
import { ConfigError, loadConfig } from './config.js';
import { DEFAULT_SECURITY_SETTINGS } from './http/access/security-settings.js';
import { DEFAULT_SITE_SETTINGS } from './portal/site-settings.js';

const KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

it('defaults to SQLite under ./data, port 3000 on 127.0.0.1', () => {
  assert.deepEqual(loadConfig({}, '/srv/gongkai'), {
    databaseUrl: null, dataDir: '/srv/gongkai/data', sqliteFile: '/srv/gongkai/data/gongkai.sqlite', port: 3000, host: '127.0.0.1',
    feeStopsClock: false, security: DEFAULT_SECURITY_SETTINGS, piiKey: null, piiKeyFile: '/srv/gongkai/data/pii.key',
    site: DEFAULT_SITE_SETTINGS,
  });
  assert.equal(loadConfig({ GONGKAI_FEE_STOPS_CLOCK: 'true' }).feeStopsClock, true);
  assert.equal(loadConfig({ GONGKAI_FEE_STOPS_CLOCK: '否' }).feeStopsClock, false);
});

it('reads PostgreSQL URLs, the data directory, port and host', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://gk:secret@db:5432/gongkai', GONGKAI_DATA_DIR: 'var/gk', PORT: '8080', HOST: '0.0.0.0', GONGKAI_PII_KEY: KEY,
  }, '/srv');
  assert.equal(config.databaseUrl, 'postgresql://gk:secret@db:5432/gongkai');
  assert.equal(config.dataDir, '/srv/var/gk');
  assert.equal(config.port, 8080);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(loadConfig({ DATABASE_URL: 'postgres:///gongkai', GONGKAI_PII_KEY: KEY }).databaseUrl, 'postgres:///gongkai');
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

it('reads GONGKAI_PII_KEY (64 hex characters), requires it with PostgreSQL and never repeats it in a message', () => {
  assert.deepEqual(loadConfig({ GONGKAI_PII_KEY: ` ${KEY.toUpperCase()} ` }).piiKey, Buffer.from(KEY, 'hex'));
  assert.equal(loadConfig({ GONGKAI_PII_KEY: '  ' }).piiKey, null);
  assert.equal(loadConfig({ GONGKAI_DATA_DIR: '/abs' }).piiKeyFile, '/abs/pii.key');
  const refused = (env: NodeJS.ProcessEnv, re: RegExp) =>
    assert.throws(() => loadConfig(env), (e: unknown) =>
      e instanceof ConfigError && e.variable === 'GONGKAI_PII_KEY' && e.code === 'CONFIG_INVALID' && re.test(e.message)
      && e.message.includes('环境变量 GONGKAI_PII_KEY') && e.message.includes('GONGKAI_PII_KEY'));
  const almost = `${KEY.slice(0, 62)}zz`;
  for (const bad of [KEY.slice(2), `${KEY}00`, almost, 'secret-password']) {
    refused({ GONGKAI_PII_KEY: bad }, /64 位十六进制.*Invalid GONGKAI_PII_KEY: expected 64 hexadecimal/s);
    assert.throws(() => loadConfig({ GONGKAI_PII_KEY: bad }), (e: unknown) => !(e as Error).message.includes(bad));
  }
  refused({ DATABASE_URL: 'postgresql://gk@db/gongkai' }, /使用 PostgreSQL 时必须设置.*openssl rand -hex 32.*required with PostgreSQL/s);
});

it('reads the site settings of the footer and meta tags, and names a bad one', () => {
  const site = loadConfig({
    GONGKAI_SITE_NAME: '示例市人民政府', GONGKAI_SITE_ID_CODE: 'bm55000001', GONGKAI_SITE_DOMAIN: 'www.shili.gov.cn',
    GONGKAI_SITE_POLICE: '鲁公网安备 37100202000123号', GONGKAI_SITE_ICP: '鲁ICP备05012345号-1',
  }).site;
  assert.equal(site.name, '示例市人民政府');
  assert.equal(site.idCode, 'bm55000001');
  assert.equal(site.sponsor, DEFAULT_SITE_SETTINGS.sponsor);
  assert.throws(() => loadConfig({ GONGKAI_SITE_ID_CODE: '12345' }), /GONGKAI_SITE_ID_CODE[^]*网站标识码应为 10 位数字/);
  assert.throws(() => loadConfig({ GONGKAI_SITE_POLICE: '鲁公网安备' }), /GONGKAI_SITE_POLICE/);
  assert.throws(() => loadConfig({ GONGKAI_SITE_ERROR_REPORT_URL: 'javascript:alert(1)' }), /GONGKAI_SITE_ERROR_REPORT_URL[^]*http/);
  assert.throws(() => loadConfig({ GONGKAI_SITE_DOMAIN: 'a b' }), /GONGKAI_SITE_DOMAIN/);
  assert.equal(loadConfig({ HOST: '::' }).host, '::');
});
