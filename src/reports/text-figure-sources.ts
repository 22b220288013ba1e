/**
 * Figures other features offer to the report's prose (proposals answered, the service hall's figures …). The
 * reports folder never imports those features: each registers a source here when its module loads, and the
 * drafter (report-text.ts) asks every source for the agency's year.
 */
import type { Kysely } from 'kysely';
import type { TextFigure } from '../core/report/draft-text.js';
import type { Database } from '../db/schema.js';

/** The agency, the report's year and the day counted as of (YYYY-MM-DD, at most 31 December). */
export interface TextFigureQuery {
  agencyId: number;
  year: number;
  asOf: string;
}

/** A feature's figures for the prose, read through the handle given. */
export type TextFigureSource = (db: Kysely<Database>, query: TextFigureQuery) => Promise<TextFigure[]>;

const sources = new Map<string, TextFigureSource>();

/** Registers a feature's source under a name (registering the same function again is harmless). */
export function registerTextFigureSource(name: string, source: TextFigureSource): void {
  const existing = sources.get(name);
  if (existing && existing !== source) throw new Error(`a text-figure source '${name}' is already registered`);
  sources.set(name, source);
}

/** Every registered source's figures. */
export async function registeredTextFigures(db: Kysely<Database>, query: TextFigureQuery): Promise<TextFigure[]> {
  const out: TextFigure[] = [];
  for (const source of sources.values()) out.push(...await source(db, query));
  return out;
}
