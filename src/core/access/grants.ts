/**
 * Who may do what where: a person's role grants, each in one agency and optionally its subtree, and
 * the decisions made from them. Pure: the agency tree comes in as the target's chain of ancestors.
 */
import type { Permission } from './permissions.js';
import { permissionsOf, type Role } from './roles.js';

/** One role held in one agency (with the agencies under it when `subtree`). */
export interface RoleGrant {
  role: Role;
  agencyId: number;
  subtree: boolean;
}

/** Whether any grant gives the permission somewhere (for menus and lists before an agency is chosen). */
export function holdsAnywhere(grants: readonly RoleGrant[], permission: Permission): boolean {
  return grants.some((g) => permissionsOf(g.role).includes(permission));
}

/**
 * Whether the grants give `permission` in the agency whose ancestor chain is `chain` (the agency
 * itself first, then its parent, up to the root).
 */
export function holdsIn(grants: readonly RoleGrant[], permission: Permission, chain: readonly number[]): boolean {
  const target = chain[0];
  return grants.some((g) => permissionsOf(g.role).includes(permission)
    && (g.agencyId === target || (g.subtree && chain.includes(g.agencyId))));
}

/** The grants that give `permission`: where the permission holds (agency, with or without subtree). */
export function grantsFor(grants: readonly RoleGrant[], permission: Permission): RoleGrant[] {
  return grants.filter((g) => permissionsOf(g.role).includes(permission));
}

/** Every permission the grants give anywhere, sorted (for GET /api/session and the UI's menus). */
export function allPermissions(grants: readonly RoleGrant[]): Permission[] {
  return [...new Set(grants.flatMap((g) => permissionsOf(g.role)))].sort();
}
