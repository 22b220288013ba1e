/**
 * Who did something: the signed-in user (id and name), or a named local operator (the command line,
 * the demo loader, the system itself) with no user id. Recorded with every version and event.
 */

/** The actor of a change. */
export interface Actor {
  /** The user's id; null for a local operator that is not a user. */
  id: number | null;
  /** The name shown in histories (the user's name, or the operator's description). */
  name: string;
}

/** A local operator that is not a signed-in user (CLI, demo data, system jobs). */
export function operator(name: string): Actor {
  return { id: null, name };
}
