import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { ConfigError } from '../config.js';
import { createSm4PiiCipher } from './pii-cipher.js';
import { loadPiiCipher } from './pii-key.js';

const dir = mkdtempSync(join(tmpdir(), 'gongkai-pii-key-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');

it('uses GONGKAI_PII_KEY when set, and never touches the key file then', () => {
  const file = join(dir, 'env', 'pii.key');
  const { cipher, source } = loadPiiCipher({ piiKey: KEY, piiKeyFile: file, databaseUrl: 'postgresql:///gk' });
  assert.equal(source, 'env');
  assert.equal(createSm4PiiCipher(KEY).decrypt(cipher.encrypt('13812345678')), '13812345678');
  assert.throws(() => statSync(file), /ENOENT/);
});

it('SQLite without a key: generates <dataDir>/pii.key once (mode 0600) and reads it on every later start', () => {
  const file = join(dir, 'data', 'pii.key');
  const first = loadPiiCipher({ piiKey: null, piiKeyFile: file, databaseUrl: null });
  assert.equal(first.source, 'generated-file');
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.match(readFileSync(file, 'utf8'), /^[0-9a-f]{64}\n$/);
  const second = loadPiiCipher({ piiKey: null, piiKeyFile: file, databaseUrl: null });
  assert.equal(second.source, 'file');
  assert.equal(second.cipher.decrypt(first.cipher.encrypt('11010519491231002X')), '11010519491231002X');
  assert.equal(second.cipher.blindIndex('X'), first.cipher.blindIndex('X'));
});

it('refuses a damaged key file and PostgreSQL without a key', () => {
  const file = join(dir, 'bad.key');
  writeFileSync(file, 'not a key\n');
  assert.throws(() => loadPiiCipher({ piiKey: null, piiKeyFile: file, databaseUrl: null }),
    (e: unknown) => e instanceof ConfigError && e.message.includes(file) && /64 位十六进制/.test(e.message));
  assert.throws(() => loadPiiCipher({ piiKey: null, piiKeyFile: join(dir, 'pg.key'), databaseUrl: 'postgresql:///gk' }), ConfigError);
  assert.throws(() => statSync(join(dir, 'pg.key')), /ENOENT/);
});

it('reports a key file that cannot be created as a configuration error naming the file', () => {
  const notDir = join(dir, 'not-a-dir');
  writeFileSync(notDir, 'x');
  const file = join(notDir, 'pii.key');
  assert.throws(() => loadPiiCipher({ piiKey: null, piiKeyFile: file, databaseUrl: null }),
    (e: unknown) => e instanceof ConfigError && e.message.includes(`无法读取或创建个人信息密钥文件 ${file}`));
});
