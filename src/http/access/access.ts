/**
 * A request's access: the principal (or none) and the decisions the policy needs — whether a
 * permission holds in an agency (a grant there, or on an ancestor with its subtree) and which agencies
 * a list may show. Agency chains are read once per request.
 */
import type { Kysely } from 'kysely';
import { agencyChainIds, agencySubtreeIds, findAgencyRow } from '../../agencies/agency.repository.js';
import { actorOfPrincipal, type Principal } from '../../auth/principal.js';
import type { Actor } from '../../core/actor.js';
import { grantsFor, holdsAnywhere, holdsIn } from '../../core/access/grants.js';
import { permissionName, type Permission } from '../../core/access/permissions.js';
import { AuthenticationError, ForbiddenError } from '../../core/errors.js';
import type { Database } from '../../db/schema.js';

/** What a handler can ask about the request's access. */
export interface RequestAccess {
  readonly principal: Principal | null;
  /** The signed-in actor (throws 401 when nobody is signed in). */
  actor(): Actor;
  /**
   * Whether the principal holds the permission in the agency. Inside a transaction pass it as `q`:
   * SQLite has one connection, which the transaction holds.
   */
  can(permission: Permission, agencyId: number, q?: Kysely<Database>): Promise<boolean>;
  /** Throws 403 naming the permission (and the agency) unless the principal holds it there. */
  require(permission: Permission, agencyId: number, q?: Kysely<Database>): Promise<void>;
  /** The agencies in which the principal holds the permission (for lists). */
  agenciesWith(permission: Permission): Promise<number[]>;
}

/** The 403 for a missing permission, in Chinese, naming it. */
export function missingPermission(permission: Permission, agencyName?: string): ForbiddenError {
  return new ForbiddenError(`没有权限：需要“${permissionName(permission)}”权限${agencyName ? `（${agencyName}）` : ''}`);
}

/** Builds the access object of one request. */
export function requestAccess(db: Kysely<Database>, principal: Principal | null): RequestAccess {
  const chains = new Map<number, Promise<number[]>>();
  const chainOf = (agencyId: number, q: Kysely<Database>) => {
    let chain = chains.get(agencyId);
    if (!chain) chains.set(agencyId, (chain = agencyChainIds(q, agencyId)));
    return chain;
  };
  const can = async (permission: Permission, agencyId: number, q: Kysely<Database> = db): Promise<boolean> => {
    if (!principal || !holdsAnywhere(principal.grants, permission)) return false;
    // A grant in the agency itself decides without reading the tree.
    if (principal.grants.some((g) => g.agencyId === agencyId) && holdsIn(principal.grants, permission, [agencyId])) return true;
    if (!principal.grants.some((g) => g.subtree)) return false;
    return holdsIn(principal.grants, permission, await chainOf(agencyId, q));
  };
  return {
    principal,
    actor() {
      if (!principal) throw new AuthenticationError('请先登录');
      return actorOfPrincipal(principal);
    },
    can,
    async require(permission, agencyId, q = db) {
      if (!principal) throw new AuthenticationError('请先登录');
      if (!(await can(permission, agencyId, q))) throw missingPermission(permission, (await findAgencyRow(q, agencyId))?.name);
    },
    async agenciesWith(permission) {
      if (!principal) return [];
      const grants = grantsFor(principal.grants, permission);
      const direct = grants.filter((g) => !g.subtree).map((g) => g.agencyId);
      const roots = grants.filter((g) => g.subtree).map((g) => g.agencyId);
      return [...new Set([...direct, ...(await agencySubtreeIds(db, roots))])].sort((a, b) => a - b);
    },
  };
}
