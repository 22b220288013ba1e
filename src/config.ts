/**
 * Runtime configuration from environment variables, validated once at start. A bad value stops
 * the program with a message naming the variable (in Chinese and English), never a later crash.
 */
import { isAbsolute, join, resolve } from 'node:path';
import { ConfigError } from './core/errors.js';
import { DEFAULT_SECURITY_SETTINGS, type SecuritySettings } from './http/access/security-settings.js';
import { DEFAULT_SITE_SETTINGS, type SiteSettings } from './portal/site-settings.js';
import { parsePiiKeyHex } from './security/pii-cipher.js';

/** Validated configuration. `databaseUrl` null means the SQLite file `sqliteFile`. */
export interface Config {
  /** postgres:// or postgresql:// URL; null → SQLite. */
  databaseUrl: string | null;
  /** Absolute directory for the SQLite file and other local data. */
  dataDir: string;
  /** Absolute path of the SQLite database file (used when databaseUrl is null). */
  sqliteFile: string;
  port: number;
  host: string;
  /**
   * Whether the reply clock stops while an information-processing fee is pending (国办函〔2020〕109号
   * leaves it open): GONGKAI_FEE_STOPS_CLOCK=true|false, default false.
   */
  feeStopsClock: boolean;
  /** Web security: trusted host names, session lifetimes, proxy (GONGKAI_ALLOWED_HOSTS, GONGKAI_SESSION_IDLE_MINUTES, GONGKAI_SESSION_MAX_HOURS, GONGKAI_TRUST_PROXY). */
  security: SecuritySettings;
  /**
   * Master key of the applicants' personal data (GONGKAI_PII_KEY, 64 hex characters), or null: then, on SQLite
   * only, the key kept in `piiKeyFile` (generated on first start). Required with PostgreSQL. Never logged.
   */
  piiKey: Buffer | null;
  /** Where the generated key of a SQLite installation is kept: <dataDir>/pii.key. */
  piiKeyFile: string;
  /** The public site's identity and footer (GONGKAI_SITE_*; demo defaults). */
  site: SiteSettings;
}

/** A configuration value that cannot be used (defined in core, so that any layer may raise it). */
export { ConfigError };

const SQLITE_FILE_NAME = 'gongkai.sqlite';
const PII_KEY_FILE_NAME = 'pii.key';

function fail(variable: string, value: string, zh: string, en: string): never {
  throw new ConfigError(variable, `环境变量 ${variable} 的值“${value}”无效：${zh}。Invalid ${variable}="${value}": ${en}.`);
}

/** Treats unset and whitespace-only as absent. */
function read(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readDatabaseUrl(env: NodeJS.ProcessEnv): string | null {
  const url = read(env, 'DATABASE_URL');
  if (url === undefined) return null;
  if (!/^postgres(ql)?:\/\//i.test(url)) {
    fail('DATABASE_URL', url, '仅支持 postgres:// 或 postgresql:// 开头的 PostgreSQL 连接地址；使用 SQLite 时请不要设置该变量',
      'only postgres:// or postgresql:// URLs are supported; leave it unset to use SQLite');
  }
  try {
    // postgresql:///dbname (local socket) has no host; the URL parser still accepts it.
    new URL(url);
  } catch {
    fail('DATABASE_URL', url, '不是有效的连接地址', 'not a valid URL');
  }
  return url;
}

function readPort(env: NodeJS.ProcessEnv): number {
  const text = read(env, 'PORT');
  if (text === undefined) return 3000;
  const port = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    fail('PORT', text, '端口应为 1 至 65535 之间的整数', 'the port must be an integer from 1 to 65535');
  }
  return port;
}

function readHost(env: NodeJS.ProcessEnv): string {
  const host = read(env, 'HOST');
  if (host === undefined) return '127.0.0.1';
  if (/\s/.test(host) || /[/?#@]/.test(host)) {
    fail('HOST', host, '应为主机名或 IP 地址（如 127.0.0.1、0.0.0.0、::）', 'expected a host name or IP address (e.g. 127.0.0.1, 0.0.0.0, ::)');
  }
  return host;
}

function readBoolean(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (/^(1|true|yes|on|是)$/i.test(text)) return true;
  if (/^(0|false|no|off|否)$/i.test(text)) return false;
  return fail(name, text, '应为 true 或 false', 'expected true or false');
}

/**
 * GONGKAI_PII_KEY: 64 hex characters. The value is never repeated in a message. Unset is allowed on SQLite (a key
 * file in the data directory is used); PostgreSQL installations run several instances, which must share one key
 * that is kept apart from the database, so it is required there.
 */
function readPiiKey(env: NodeJS.ProcessEnv, databaseUrl: string | null): Buffer | null {
  const text = read(env, 'GONGKAI_PII_KEY');
  if (text === undefined) {
    if (databaseUrl === null) return null;
    throw new ConfigError('GONGKAI_PII_KEY',
      '使用 PostgreSQL 时必须设置环境变量 GONGKAI_PII_KEY（申请人个人信息的加密主密钥，64 位十六进制字符，'
      + '可用 `openssl rand -hex 32` 生成）：所有应用实例使用同一密钥，密钥与数据库分开保管和备份，丢失后已加密的个人信息无法恢复。'
      + 'GONGKAI_PII_KEY is required with PostgreSQL: the master key of applicants\' personal data, 64 hex characters '
      + '(e.g. `openssl rand -hex 32`), the same for every instance, kept and backed up apart from the database.');
  }
  const key = parsePiiKeyHex(text);
  if (!key) {
    throw new ConfigError('GONGKAI_PII_KEY',
      `环境变量 GONGKAI_PII_KEY 的值无效：应为 64 位十六进制字符（32 字节，可用 \`openssl rand -hex 32\` 生成），当前为 ${text.length} 个字符。`
      + `Invalid GONGKAI_PII_KEY: expected 64 hexadecimal characters (32 bytes), got ${text.length} characters.`);
  }
  return key;
}

/**
 * Reads and validates the configuration: DATABASE_URL (PostgreSQL; absent → SQLite),
 * GONGKAI_DATA_DIR (default ./data, resolved against `cwd`), PORT (default 3000), HOST
 * (default 127.0.0.1), GONGKAI_FEE_STOPS_CLOCK (default false), GONGKAI_PII_KEY (required with PostgreSQL). Throws ConfigError naming the variable on a bad value.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const databaseUrl = readDatabaseUrl(env);
  const dirText = read(env, 'GONGKAI_DATA_DIR') ?? './data';
  if (dirText.includes('\0')) fail('GONGKAI_DATA_DIR', dirText, '路径中不能含有空字符', 'the path must not contain NUL');
  const dataDir = isAbsolute(dirText) ? resolve(dirText) : resolve(cwd, dirText);
  return {
    databaseUrl,
    dataDir,
    sqliteFile: join(dataDir, SQLITE_FILE_NAME),
    port: readPort(env),
    host: readHost(env),
    feeStopsClock: readBoolean(env, 'GONGKAI_FEE_STOPS_CLOCK', false),
    security: readSecurity(env),
    piiKey: readPiiKey(env, databaseUrl),
    piiKeyFile: join(dataDir, PII_KEY_FILE_NAME),
    site: readSite(env),
  };
}

/**
 * The public site's footer and meta tags (国办发〔2017〕47号): GONGKAI_SITE_NAME, GONGKAI_SITE_DOMAIN,
 * GONGKAI_SITE_ID_CODE (网站标识码: 10 digits, or bm + 8 digits), GONGKAI_SITE_SPONSOR (主办单位),
 * GONGKAI_SITE_OPERATOR (承办单位), GONGKAI_SITE_ADDRESS, GONGKAI_SITE_PHONE, GONGKAI_SITE_ICP (ICP备案号),
 * GONGKAI_SITE_POLICE (公安机关备案号, must contain its record code's digits), GONGKAI_SITE_ERROR_REPORT_URL
 * (我为政府网站找错, http(s)). Unset → the demo defaults of src/portal/site-settings.ts.
 */
function readSite(env: NodeJS.ProcessEnv): SiteSettings {
  const d = DEFAULT_SITE_SETTINGS;
  const text = (name: string, fallback: string) => {
    const value = read(env, name);
    if (value !== undefined && [...value].length > 200) fail(name, value.slice(0, 20) + '…', '不得超过 200 个字符', 'at most 200 characters');
    return value ?? fallback;
  };
  const idCode = text('GONGKAI_SITE_ID_CODE', d.idCode);
  if (!/^(\d{10}|bm\d{8})$/.test(idCode)) fail('GONGKAI_SITE_ID_CODE', idCode, '网站标识码应为 10 位数字，或 bm 加 8 位数字', 'expected 10 digits, or bm and 8 digits');
  const domain = text('GONGKAI_SITE_DOMAIN', d.domain);
  if (!/^[a-z0-9.-]+$/i.test(domain)) fail('GONGKAI_SITE_DOMAIN', domain, '应为域名（如 www.example.gov.cn）', 'expected a domain name');
  const police = text('GONGKAI_SITE_POLICE', d.police);
  if (!/\d{6,}/.test(police)) fail('GONGKAI_SITE_POLICE', police, '公安机关备案号应含备案编号数字（如 鲁公网安备 37100202000123号）', 'expected the record number with its digits');
  const errorReportUrl = text('GONGKAI_SITE_ERROR_REPORT_URL', d.errorReportUrl);
  if (!/^https?:\/\/[^\s]+$/.test(errorReportUrl)) fail('GONGKAI_SITE_ERROR_REPORT_URL', errorReportUrl, '应为 http:// 或 https:// 开头的网址', 'expected an http(s) URL');
  return {
    name: text('GONGKAI_SITE_NAME', d.name), domain, idCode, sponsor: text('GONGKAI_SITE_SPONSOR', d.sponsor),
    operator: text('GONGKAI_SITE_OPERATOR', d.operator), address: text('GONGKAI_SITE_ADDRESS', d.address),
    phone: text('GONGKAI_SITE_PHONE', d.phone), icp: text('GONGKAI_SITE_ICP', d.icp), police, errorReportUrl,
  };
}

function readMinutes(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number, unit = 1): number {
  const text = read(env, name);
  if (text === undefined) return fallback * unit;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < 1 || n > max) fail(name, text, `应为 1 至 ${max} 之间的整数`, `expected an integer from 1 to ${max}`);
  return n * unit;
}

/**
 * GONGKAI_ALLOWED_HOSTS: comma-separated host names the server answers to (default: localhost,
 * 127.0.0.1, ::1 and HOST when it names one; '*' allows any, only behind a proxy that checks them);
 * GONGKAI_SESSION_IDLE_MINUTES (30), GONGKAI_SESSION_MAX_HOURS (12), GONGKAI_TRUST_PROXY (false).
 */
function readSecurity(env: NodeJS.ProcessEnv): SecuritySettings {
  const hostsText = read(env, 'GONGKAI_ALLOWED_HOSTS');
  const host = read(env, 'HOST');
  const defaults = [...DEFAULT_SECURITY_SETTINGS.allowedHosts, ...(host && !['0.0.0.0', '::'].includes(host) ? [host.toLowerCase()] : [])];
  const allowedHosts = hostsText === undefined ? defaults : hostsText.split(',').map((h) => h.trim().toLowerCase().replace(/^\[|\]$/g, '')).filter(Boolean);
  if (allowedHosts.some((h) => /[\s/?#@]/.test(h))) {
    fail('GONGKAI_ALLOWED_HOSTS', hostsText ?? '', '应为以逗号分隔的主机名（如 gk.example.gov.cn,10.1.2.3）', 'expected comma-separated host names');
  }
  return {
    ...DEFAULT_SECURITY_SETTINGS,
    allowedHosts,
    signIn: {
      ...DEFAULT_SECURITY_SETTINGS.signIn,
      idleMinutes: readMinutes(env, 'GONGKAI_SESSION_IDLE_MINUTES', DEFAULT_SECURITY_SETTINGS.signIn.idleMinutes, 24 * 60),
      absoluteMinutes: readMinutes(env, 'GONGKAI_SESSION_MAX_HOURS', DEFAULT_SECURITY_SETTINGS.signIn.absoluteMinutes / 60, 7 * 24, 60),
    },
    trustProxy: readBoolean(env, 'GONGKAI_TRUST_PROXY', false),
  };
}
