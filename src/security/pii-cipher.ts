/**
 * Encryption of applicants' personal data at rest (个人信息保护法 Art. 51; GB/T 39786-2021 8.4: confidentiality
 * and integrity of important data in storage) with the SM algorithms of Node's OpenSSL.
 *
 * `PiiCipher` is the adapter the repositories use. The default implementation here encrypts with SM4-CBC (random IV
 * per value) and authenticates with HMAC-SM3 over the header, IV and ciphertext (encrypt-then-MAC; OpenSSL has no
 * SM4-GCM); the blind index (finding a value by equality without decrypting) is HMAC-SM3 with a separate key over the
 * normalised value. For 密评 level 3 a certified module (服务器密码机, a 商密-certified KMS) can replace it behind the
 * same interface: the stored values name their scheme, version and key, so both can coexist and keys can rotate.
 *
 * Stored value: `sm4:v1:<key id, 8 hex>:<base64 of IV (16) ‖ ciphertext ‖ HMAC-SM3 tag (32)>`.
 * Keys: one 32-byte master key (GONGKAI_PII_KEY or <dataDir>/pii.key) → HKDF-SM3 with distinct labels → the SM4 key,
 * the MAC key, the blind-index key and the public key id. Nothing secret is ever stored in the database.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/** Encrypts, decrypts and indexes personal data; the one seam for a certified crypto module. */
export interface PiiCipher {
  /** The stored (self-describing, authenticated) form of a value. */
  encrypt(plain: string): string;
  /** The plain value of a stored one; throws PiiCipherError when it was altered, is malformed or its key is unknown. */
  decrypt(stored: string): string;
  /** A keyed hash of the normalised value (equal values → equal index), for lookups by equality. */
  blindIndex(value: string): string;
}

/** Why a stored value could not be decrypted. */
export type PiiCipherFailure = 'format' | 'unknown-key' | 'integrity';

/** A stored value that cannot be read: never garbage, always this error (an operator's matter, not the user's). */
export class PiiCipherError extends Error {
  constructor(readonly reason: PiiCipherFailure, message: string) {
    super(message);
    this.name = 'PiiCipherError';
  }
}

/** Length of the master key in bytes (64 hex characters). */
export const PII_KEY_BYTES = 32;

const SCHEME = 'sm4';
const VERSION = 'v1';
const IV_BYTES = 16;
const TAG_BYTES = 32;
const HKDF_SALT = Buffer.from('gongkai/pii', 'utf8');

/** The keys derived from one master key. */
interface KeySet {
  id: string;
  enc: Buffer;
  mac: Buffer;
  index: Buffer;
}

function derive(master: Buffer, label: string, bytes: number): Buffer {
  return Buffer.from(hkdfSync('sm3', master, HKDF_SALT, Buffer.from(label, 'utf8'), bytes));
}

function keySet(master: Buffer): KeySet {
  if (master.length !== PII_KEY_BYTES) throw new Error(`个人信息主密钥应为 ${PII_KEY_BYTES} 字节 / the PII master key must be ${PII_KEY_BYTES} bytes`);
  return {
    id: derive(master, 'key-id', 4).toString('hex'),
    enc: derive(master, 'sm4-cbc encryption', 16),
    mac: derive(master, 'hmac-sm3 integrity', 32),
    index: derive(master, 'hmac-sm3 blind index', 32),
  };
}

/** The public identifier of a master key (as written in stored values): lets an operator tell keys apart. */
export function piiKeyId(master: Buffer): string {
  return keySet(master).id;
}

/**
 * The form a value is indexed in: Unicode NFKC (full-width digits and letters → ASCII), whitespace removed,
 * upper case (the check character X of a 居民身份证号码, the letters of a 统一社会信用代码).
 */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

function mac(key: Buffer, header: string, body: Buffer): Buffer {
  return createHmac('sm3', key).update(header, 'utf8').update(body).digest();
}

/** The key id of a stored value, or null when it is not in this scheme's format (e.g. plaintext). */
export function storedKeyId(stored: string): string | null {
  const m = /^sm4:v1:([0-9a-f]{8}):/.exec(stored);
  return m ? m[1]! : null;
}

/**
 * The default cipher over Node's OpenSSL (SM4-CBC + HMAC-SM3, HKDF-SM3). `previous` master keys are accepted for
 * decryption only (rotation: values written under them stay readable while being re-encrypted); the blind index
 * always uses the current key.
 */
export function createSm4PiiCipher(master: Buffer, previous: readonly Buffer[] = []): PiiCipher {
  const current = keySet(master);
  const byId = new Map<string, KeySet>([current, ...previous.map(keySet)].map((k) => [k.id, k]));

  return {
    encrypt(plain: string): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('sm4-cbc', current.enc, iv);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const header = `${SCHEME}:${VERSION}:${current.id}:`;
      const body = Buffer.concat([iv, ciphertext]);
      return header + Buffer.concat([body, mac(current.mac, header, body)]).toString('base64');
    },

    decrypt(stored: string): string {
      const m = /^(sm4):(v1):([0-9a-f]{8}):([A-Za-z0-9+/]+={0,2})$/.exec(stored);
      if (!m) {
        throw new PiiCipherError('format',
          '个人信息密文格式无法识别（不是 sm4:v1 格式，可能是未加密的旧数据或已损坏）。Stored personal data is not in the sm4:v1 format.');
      }
      const keyId = m[3]!;
      const keys = byId.get(keyId);
      if (!keys) {
        throw new PiiCipherError('unknown-key',
          `个人信息密文使用的密钥（编号 ${keyId}）与当前配置的密钥不符，请检查 GONGKAI_PII_KEY 或数据目录中的 pii.key。`
          + `Stored personal data was encrypted under key ${keyId}, which is not configured.`);
      }
      const raw = Buffer.from(m[4]!, 'base64');
      // IV, at least one SM4 block, the tag; CBC ciphertext is whole blocks.
      if (raw.length < IV_BYTES + 16 + TAG_BYTES || (raw.length - IV_BYTES - TAG_BYTES) % 16 !== 0) {
        throw new PiiCipherError('format', '个人信息密文长度不正确（数据已损坏）。Stored personal data has a wrong length.');
      }
      const body = raw.subarray(0, raw.length - TAG_BYTES);
      const tag = raw.subarray(raw.length - TAG_BYTES);
      const header = `${m[1]}:${m[2]}:${keyId}:`;
      if (!timingSafeEqual(tag, mac(keys.mac, header, body))) {
        throw new PiiCipherError('integrity',
          '个人信息密文完整性校验失败（数据被篡改或损坏）。Integrity check of stored personal data failed (altered or corrupted).');
      }
      const decipher = createDecipheriv('sm4-cbc', keys.enc, body.subarray(0, IV_BYTES));
      return Buffer.concat([decipher.update(body.subarray(IV_BYTES)), decipher.final()]).toString('utf8');
    },

    blindIndex(value: string): string {
      return createHmac('sm3', current.index).update(normaliseForIndex(value), 'utf8').digest('hex');
    },
  };
}

/** Reads a master key written as 64 hexadecimal characters; null when it is not one. */
export function parsePiiKeyHex(text: string): Buffer | null {
  const trimmed = text.trim();
  return new RegExp(`^[0-9a-fA-F]{${PII_KEY_BYTES * 2}}$`).test(trimmed) ? Buffer.from(trimmed, 'hex') : null;
}
