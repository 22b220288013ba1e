/**
 * The startup step of the personal-data encryption (after `migrate`, before serving; server and CLI alike):
 * checks that the configured key reads the data already encrypted, then encrypts the applicant rows still in
 * plaintext (written before migration 0011), in batches, each batch in its own short transaction. Idempotent:
 * a row is encrypted once (its blind index marks it), and two instances starting at once never encrypt it twice.
 */
import type { Kysely } from 'kysely';
import { ConfigError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { PiiCipherError, type PiiCipher } from '../security/pii-cipher.js';
import {
  encryptApplicant, listPlaintextApplicantRows, sampleEncryptedIdNumber, storeEncryptedApplicant,
} from './application.repository.js';

/** Rows per batch of the startup encryption. */
export const ENCRYPT_BATCH_ROWS = 500;

/**
 * Refuses a key that cannot read the personal data already stored (a lost or replaced pii.key, a different
 * GONGKAI_PII_KEY on one instance): better not to start than to write rows under two keys. A ConfigError naming
 * GONGKAI_PII_KEY (the operator's to fix: the server does not start, the CLI exits with 2).
 */
export async function checkPiiKey(db: Kysely<Database>, pii: PiiCipher): Promise<void> {
  const sample = await sampleEncryptedIdNumber(db);
  if (sample === null) return;
  try {
    pii.decrypt(sample);
  } catch (e) {
    if (!(e instanceof PiiCipherError)) throw e;
    throw new ConfigError('GONGKAI_PII_KEY',
      `配置的个人信息密钥无法解密数据库中已加密的申请人信息：${e.message} `
      + '请使用加密时的密钥（环境变量 GONGKAI_PII_KEY，或 SQLite 数据目录中的 pii.key，可从备份恢复）。'
      + 'The configured personal-data key cannot decrypt the applicant data already stored; configure the key it was encrypted with.');
  }
}

/** Encrypts the applicant rows still in plaintext; returns how many this call encrypted. */
export async function encryptPlaintextApplicants(
  db: Kysely<Database>, pii: PiiCipher, options: { batchRows?: number } = {},
): Promise<number> {
  const batchRows = options.batchRows ?? ENCRYPT_BATCH_ROWS;
  let encrypted = 0;
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      const rows = await listPlaintextApplicantRows(trx, batchRows);
      for (const row of rows) {
        const { application_id: id, ...plain } = row;
        if (await storeEncryptedApplicant(trx, id, encryptApplicant(pii, plain))) encrypted += 1;
      }
      return rows.length < batchRows;
    });
    if (done) return encrypted;
  }
}

/** The whole startup step: the key check, then the encryption of plaintext rows. Returns how many rows it encrypted. */
export async function preparePiiStorage(db: Kysely<Database>, pii: PiiCipher): Promise<number> {
  await checkPiiKey(db, pii);
  return encryptPlaintextApplicants(db, pii);
}
