/**
 * The signed-in person a request acts as: who, in which agency, with which grants, and the session's
 * CSRF token. Built from the session row once per request.
 */
import type { Actor } from '../core/actor.js';
import type { RoleGrant } from '../core/access/grants.js';

/** The person behind a request with a live session. */
export interface Principal {
  userId: number;
  login: string;
  name: string;
  agencyId: number;
  grants: RoleGrant[];
  mustChangePassword: boolean;
  sessionId: string;
  csrfToken: string;
}

/** The actor recorded for a principal's changes. */
export function actorOfPrincipal(principal: Principal): Actor {
  return { id: principal.userId, name: principal.name };
}
