/**
 * The personal-data cipher of the tests: the real SM4/HMAC-SM3 cipher under a fixed test key (never a key of an
 * installation), so HTTP, service and CLI tests encrypt and decrypt exactly as the server does.
 */
import { createSm4PiiCipher, type PiiCipher } from '../src/security/pii-cipher.js';

/** The fixed test master key, 64 hex characters (GONGKAI_PII_KEY of a test). */
export const TEST_PII_KEY = '000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f';

/** The cipher under TEST_PII_KEY. */
export const testPii: PiiCipher = createSm4PiiCipher(Buffer.from(TEST_PII_KEY, 'hex'));
