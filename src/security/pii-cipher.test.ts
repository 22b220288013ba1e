import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { createSm4PiiCipher, normaliseForIndex, parsePiiKeyHex, PiiCipherError, piiKeyId, storedKeyId } from './pii-cipher.js';

const KEY = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const OTHER_KEY = Buffer.from('ff'.repeat(32), 'hex');
const ID = '11010519491231002X';

describe('the SM algorithms are the standard ones', () => {
  it('SM3 (GB/T 32905-2016, appendix A): "abc" and the 512-bit message', () => {
    assert.equal(createHash('sm3').update('abc').digest('hex'), '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    assert.equal(createHash('sm3').update('abcd'.repeat(16)).digest('hex'), 'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  it('SM4 (GB/T 32907-2016, appendix A example 1): one block encrypted and decrypted', () => {
    const key = Buffer.from('0123456789abcdeffedcba9876543210', 'hex');
    const enc = createCipheriv('sm4-ecb', key, null).setAutoPadding(false);
    const ct = Buffer.concat([enc.update(key), enc.final()]);
    assert.equal(ct.toString('hex'), '681edf34d206965e86b3e94f536e4246');
    const dec = createDecipheriv('sm4-ecb', key, null).setAutoPadding(false);
    assert.equal(Buffer.concat([dec.update(ct), dec.final()]).toString('hex'), key.toString('hex'));
  });

  it('HMAC-SM3 is available (the MAC and the blind index)', () => {
    // RFC 2104 construction over SM3, checked against a hand-made HMAC.
    const key = Buffer.alloc(64, 0x0b);
    const inner = createHash('sm3').update(Buffer.concat([key.map((b) => b ^ 0x36), Buffer.from('abc')])).digest();
    const outer = createHash('sm3').update(Buffer.concat([key.map((b) => b ^ 0x5c), inner])).digest('hex');
    assert.equal(createHmac('sm3', key).update('abc').digest('hex'), outer);
  });
});

describe('createSm4PiiCipher', () => {
  const pii = createSm4PiiCipher(KEY);

  it('round-trips text of any length (empty, Chinese, a block boundary) with a random IV each time', () => {
    for (const plain of ['', ID, '13812345678', '山东省威海市环翠区青岛北路1号', 'x'.repeat(16), 'é'.repeat(1000)]) {
      const stored = pii.encrypt(plain);
      assert.match(stored, /^sm4:v1:[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
      assert.equal(pii.decrypt(stored), plain);
      assert.ok(!stored.includes(plain) || plain === '');
    }
    assert.notEqual(pii.encrypt(ID), pii.encrypt(ID));
    assert.equal(storedKeyId(pii.encrypt(ID)), piiKeyId(KEY));
    assert.equal(storedKeyId(ID), null);
  });

  it('detects every changed byte: a clear PiiCipherError, never garbage', () => {
    const stored = pii.encrypt(ID);
    const prefix = stored.slice(0, stored.lastIndexOf(':') + 1);
    const raw = Buffer.from(stored.slice(prefix.length), 'base64');
    for (let i = 0; i < raw.length; i++) {
      const changed = Buffer.from(raw);
      changed[i] = changed[i]! ^ 0x01;
      assert.throws(() => pii.decrypt(prefix + changed.toString('base64')),
        (e: unknown) => e instanceof PiiCipherError && e.reason === 'integrity' && /完整性校验失败/.test(e.message), `byte ${i}`);
    }
    // Truncated, extended, not base64, not the format, plaintext.
    for (const bad of [stored.slice(0, -8), `${stored}AAAA`, `${prefix}!!!!`, stored.replace('sm4:v1', 'sm4:v2'), ID, '']) {
      assert.throws(() => pii.decrypt(bad), PiiCipherError, bad);
    }
    // The header is authenticated too: another key id is refused (unknown), not tried.
    assert.throws(() => pii.decrypt(stored.replace(/:[0-9a-f]{8}:/, ':00000000:')), (e: unknown) => e instanceof PiiCipherError && e.reason === 'unknown-key');
  });

  it('refuses a value written under another key; reads it when that key is given as a previous one', () => {
    const other = createSm4PiiCipher(OTHER_KEY);
    const stored = other.encrypt(ID);
    assert.throws(() => pii.decrypt(stored), (e: unknown) => e instanceof PiiCipherError && e.reason === 'unknown-key' && /GONGKAI_PII_KEY/.test(e.message));
    const rotated = createSm4PiiCipher(KEY, [OTHER_KEY]);
    assert.equal(rotated.decrypt(stored), ID);
    assert.equal(storedKeyId(rotated.encrypt(ID)), piiKeyId(KEY));
  });

  it('blind index: stable, normalised, keyed, and not the plain hash', () => {
    const index = pii.blindIndex(ID);
    assert.match(index, /^[0-9a-f]{64}$/);
    assert.equal(createSm4PiiCipher(KEY).blindIndex(ID), index);
    assert.equal(pii.blindIndex(' 11010519491231002x '), index);
    assert.equal(pii.blindIndex('１１０１０５１９４９１２３１００２Ｘ'), index); // full-width
    assert.notEqual(pii.blindIndex('110105194912310037'), index);
    assert.notEqual(createSm4PiiCipher(OTHER_KEY).blindIndex(ID), index);
    assert.notEqual(createHash('sm3').update(ID).digest('hex'), index);
    assert.equal(normaliseForIndex(' 9137 1000ma3c8k2l10\t'), '91371000MA3C8K2L10');
  });

  it('derives separate keys: the blind index is not a MAC of the same key, the key id reveals nothing usable', () => {
    assert.notEqual(pii.blindIndex(ID), createHmac('sm3', KEY).update(ID).digest('hex'));
    assert.match(piiKeyId(KEY), /^[0-9a-f]{8}$/);
    assert.notEqual(piiKeyId(KEY), piiKeyId(OTHER_KEY));
    assert.throws(() => createSm4PiiCipher(Buffer.alloc(16)), /32/);
  });

  it('parses a master key of 64 hex characters only', () => {
    assert.deepEqual(parsePiiKeyHex(` ${KEY.toString('hex').toUpperCase()}\n`), KEY);
    for (const bad of ['', 'abc', KEY.toString('hex').slice(1), `${KEY.toString('hex')}00`, 'g'.repeat(64)]) assert.equal(parsePiiKeyHex(bad), null);
  });
});
