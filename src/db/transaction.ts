/**
 * The transaction rule of the code base: the edge (a route through `inTransaction`, a CLI command through
 * `ctx.transaction`, a loader at start-up) opens the transaction; services take the handle it gives and never
 * open one themselves. Code whose correctness depends on the transaction says so with `requireTransaction`.
 */
import type { Kysely } from 'kysely';

/**
 * Refuses to go on outside a transaction. Not a user error but a programming one: the caller forgot to open
 * the transaction, and the work would otherwise be half-written when it fails.
 */
export function requireTransaction(db: Kysely<any>, what: string): void {
  if (!db.isTransaction) {
    throw new Error(`${what} must run inside a transaction: the edge (route, CLI command) opens it and passes it to the service`);
  }
}
