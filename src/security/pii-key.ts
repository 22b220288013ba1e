/**
 * Where the master key of the personal data comes from: GONGKAI_PII_KEY (validated by loadConfig; required with
 * PostgreSQL), or — a small SQLite installation — the file <dataDir>/pii.key, generated with a random key on first
 * start (mode 0600) and read on every later one. The key never goes into the database or a log line.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { createSm4PiiCipher, parsePiiKeyHex, PII_KEY_BYTES, type PiiCipher } from './pii-cipher.js';

/** The cipher of an installation and where its key came from (for a startup line that names no secret). */
export interface LoadedPiiCipher {
  cipher: PiiCipher;
  source: 'env' | 'file' | 'generated-file';
}

/** Reads the key file, creating it atomically with a fresh random key when absent (two starts at once agree). */
function keyFromFile(file: string): { key: Buffer; generated: boolean } {
  try {
    return readOrCreateKeyFile(file);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError('GONGKAI_PII_KEY',
      `无法读取或创建个人信息密钥文件 ${file}：${(e as Error).message}。请检查数据目录 GONGKAI_DATA_DIR，或设置环境变量 GONGKAI_PII_KEY。`
      + `Cannot read or create the personal-data key file ${file}.`);
  }
}

function readOrCreateKeyFile(file: string): { key: Buffer; generated: boolean } {
  let text: string | null = null;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
  let generated = false;
  if (text === null) {
    mkdirSync(dirname(file), { recursive: true });
    const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    writeFileSync(temp, `${randomBytes(PII_KEY_BYTES).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      chmodSync(temp, 0o600); // whatever the umask
      linkSync(temp, file); // fails with EEXIST if another process created it first: then its key is used
      generated = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      unlinkSync(temp);
    }
    text = readFileSync(file, 'utf8');
  }
  const key = parsePiiKeyHex(text);
  if (!key) {
    throw new ConfigError('GONGKAI_PII_KEY',
      `个人信息密钥文件 ${file} 的内容无效：应为 64 位十六进制字符。请从备份恢复该文件，或设置环境变量 GONGKAI_PII_KEY。`
      + `The personal-data key file ${file} does not hold 64 hexadecimal characters; restore it from a backup or set GONGKAI_PII_KEY.`);
  }
  return { key, generated };
}

/** What the key needs of the configuration (src/config.ts `Config`). */
export interface PiiKeyConfig {
  piiKey: Buffer | null;
  piiKeyFile: string;
  databaseUrl: string | null;
}

/** The installation's cipher: GONGKAI_PII_KEY when set, else (SQLite) the key file of the data directory. */
export function loadPiiCipher(config: PiiKeyConfig): LoadedPiiCipher {
  if (config.piiKey) return { cipher: createSm4PiiCipher(config.piiKey), source: 'env' };
  if (config.databaseUrl) {
    // loadConfig refuses this already; kept so a hand-made Config cannot fall back to a local file.
    throw new ConfigError('GONGKAI_PII_KEY', '使用 PostgreSQL 时必须设置环境变量 GONGKAI_PII_KEY。GONGKAI_PII_KEY is required with PostgreSQL.');
  }
  const { key, generated } = keyFromFile(config.piiKeyFile);
  return { cipher: createSm4PiiCipher(key), source: generated ? 'generated-file' : 'file' };
}
