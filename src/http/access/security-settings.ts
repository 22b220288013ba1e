/**
 * The web-security settings of an installation: trusted host names, sign-in policy, rate limits and
 * whether the server sits behind a reverse proxy. Read from configuration by the server; tests pass
 * their own.
 */
import { DEFAULT_SIGN_IN_SETTINGS, type SignInSettings } from '../../core/access/sign-in-policy.js';
import type { RateLimitName } from './policy-types.js';

/** A rate limit: at most `max` requests per `minutes` from one address. */
export interface RateLimit {
  max: number;
  minutes: number;
}

export interface SecuritySettings {
  /** Host names (without port) the server answers to; anything else is refused (stops DNS rebinding). '*' allows any. */
  allowedHosts: string[];
  signIn: SignInSettings;
  rateLimits: Record<RateLimitName, RateLimit>;
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto from it (client address, HTTPS → Secure cookie). */
  trustProxy: boolean;
}

/** The defaults: local host names only, the sign-in policy, modest public limits. */
export const DEFAULT_SECURITY_SETTINGS: SecuritySettings = {
  allowedHosts: ['localhost', '127.0.0.1', '::1'],
  signIn: DEFAULT_SIGN_IN_SETTINGS,
  rateLimits: {
    'sign-in': { max: 10, minutes: 1 },
    'public-form': { max: 30, minutes: 1 },
    'public-parse': { max: 30, minutes: 1 },
  },
  trustProxy: false,
};
