/**
 * What a route may declare about access, in the one policy table (route-policy.ts). Anything not
 * declared public needs a session; a permission is checked in the agency the request touches.
 */
import type { FastifyRequest } from 'fastify';
import type { Permission } from '../../core/access/permissions.js';

/** Where the agency a request touches is found. */
export type Scope =
  /** Nowhere in particular: the permission must be held somewhere; lists show only permitted agencies. */
  | { from: 'anywhere' }
  /** A path or query parameter holding an agency id (`optional`: without it, as 'anywhere'). */
  | { from: 'params' | 'query' | 'body'; field: string; optional?: boolean }
  /** The agency of the report / case / item (政府信息) whose id is the path parameter. */
  | { from: 'report' | 'application' | 'item'; param: string }
  /** Known only once the body is read (an imported file names its agency): the handler calls access.require. */
  | { from: 'handler' };

/** Named rate limits (settings give their numbers). */
export type RateLimitName = 'sign-in' | 'public-form' | 'public-parse';

/** One route's policy. */
export type RoutePolicy =
  /** Open to everyone (the portal, the public forms, the documentation). */
  | { access: 'public'; rateLimit?: RateLimitName }
  /** Any signed-in person (their own session and password); `duringPasswordChange`: allowed before the initial password is changed. */
  | { access: 'signed-in'; duringPasswordChange?: boolean }
  /** A permission in the scope's agency; a function when the body decides which (e.g. an extension needs a leader). */
  | { access: 'permission'; permission: Permission | ((request: FastifyRequest) => Permission[]); scope: Scope };
