/**
 * The command line on a SQLite data directory without GONGKAI_PII_KEY: the key is generated once into
 * <dataDir>/pii.key (0600) and never printed, the database holds no plaintext identity number or phone, `show`
 * reads them back decrypted; a different GONGKAI_PII_KEY is refused with exit code 2 before anything is written.
 */
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { gongkai, hasStackTrace, tempDir } from './run-gongkai.js';

const PERSON_ID = '11010519491231002X';
const PHONE = '13812345678';

describe('gongkai and the personal-data key (SQLite)', () => {
  const data = tempDir();
  after(() => data.cleanup());
  const run = (args: string[], env?: Record<string, string>) => gongkai(['application', ...args], data.path, { env });

  it('generates pii.key once, stores ciphertext only and shows the plain values', async () => {
    const r = await run(['receive', '--agency', '环翠区人民政府', '--channel', 'in-person', '--date', '2025-09-26', '--type', '自然人',
      '--name', '张三丰', '--id-number', PERSON_ID, '--phone', PHONE, '--subject', '行政许可事项清单', '--form', '电子邮件']);
    assert.equal(r.code, 0, r.stderr);
    const keyFile = join(data.path, 'pii.key');
    assert.equal(statSync(keyFile).mode & 0o777, 0o600);
    const key = readFileSync(keyFile, 'utf8').trim();
    assert.match(key, /^[0-9a-f]{64}$/);
    assert.ok(!r.stdout.includes(key) && !r.stderr.includes(key));

    const sqlite = new BetterSqlite3(join(data.path, 'gongkai.sqlite'), { readonly: true });
    try {
      const rows = sqlite.prepare('select * from applicant_details').all();
      assert.equal(rows.length, 1);
      const text = JSON.stringify(rows);
      for (const secret of [PERSON_ID, PHONE, '张三丰']) assert.ok(!text.includes(secret), `plaintext ${secret} in the database`);
      assert.match(text, /sm4:v1:/);
    } finally {
      sqlite.close();
    }

    const show = await run(['show', '1']);
    assert.equal(show.code, 0, show.stderr);
    assert.match(show.stdout, /申请人：张三丰（自然人）/); // decrypted (the table holds the name encrypted)
    assert.equal(readFileSync(keyFile, 'utf8').trim(), key, 'the key file is kept');
  });

  it('refuses another GONGKAI_PII_KEY for data encrypted under the generated key (exit code 2, no stack trace)', async () => {
    const r = await run(['list'], { GONGKAI_PII_KEY: 'ab'.repeat(32) });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /GONGKAI_PII_KEY/);
    assert.match(r.stderr, /无法解密/);
    assert.ok(!hasStackTrace(r.stderr), r.stderr);
    const bad = await run(['list'], { GONGKAI_PII_KEY: 'not-a-key' });
    assert.equal(bad.code, 2, bad.stderr);
    assert.match(bad.stderr, /Invalid GONGKAI_PII_KEY/);
    assert.ok(!bad.stderr.includes('not-a-key'));
  });
});
