/**
 * The 政府信息公开指南 in the portal's full-text index (src/search): one document per agency, the version the
 * portal shows at /agencies/:id/guide (the last published one, src/portal/public-content.ts), written in the SAME
 * transaction as the publication that makes it public, so search never shows an older guide than the page.
 */
import type { Kysely } from 'kysely';
import { findAgencyRow } from '../agencies/agency.repository.js';
import type { Guide } from '../core/disclosure/guide.js';
import type { Database } from '../db/schema.js';
import { indexDocument, removeDocument, type SearchDocumentInput } from '../search/search-index.js';
import { registerSearchSource } from '../search/search-sources.js';
import { lastPublishedGuide } from './guide.repository.js';
import { chinaDay } from './item-drafting.js';

/** The public address of an agency's guide on the portal. */
export const guidePath = (agencyId: number) => `/agencies/${agencyId}/guide`;

/** The guide's text as the portal page shows it: the five parts' headings and their text, the office's details. */
export function guideText(g: Guide): string {
  const o = g.office;
  return [
    '一、信息分类与编排体系', g.classification,
    '二、主动公开信息的获取方式', g.proactive.description, ...g.proactive.channels,
    '三、依申请公开', g.onRequest.howToApply, g.onRequest.forms, ...g.onRequest.channels, g.onRequest.timeLimits, g.onRequest.fees,
    '四、政府信息公开工作机构', o.name, o.address, o.officeHours, o.phone, o.postcode, o.fax, o.email, o.website,
    '五、监督和救济', g.remedies.supervision, g.remedies.reconsideration, g.remedies.litigation,
  ].filter((s) => typeof s === 'string' && s.trim() !== '').join('\n');
}

/** The search document of the agency's public guide, or null when none is published. */
async function publishedGuideDocument(db: Kysely<Database>, agencyId: number): Promise<SearchDocumentInput | null> {
  const row = await lastPublishedGuide(db, agencyId);
  if (!row) return null;
  const agency = await findAgencyRow(db, agencyId);
  if (!agency) return null;
  const publishedOn = chinaDay(row.published_at ?? row.created_at);
  return {
    kind: 'guide', docId: String(agencyId), agencyId, publishedOn, year: Number(publishedOn.slice(0, 4)),
    title: `${agency.name}政府信息公开指南`, url: guidePath(agencyId), bodyText: guideText(JSON.parse(row.content) as Guide),
  };
}

/**
 * Brings the agency's guide in the index in line with the portal page: its last published version, or nothing.
 * Call it in the transaction that publishes a guide version.
 */
export async function syncGuideSearch(trx: Kysely<Database>, agencyId: number, at: string): Promise<void> {
  const doc = await publishedGuideDocument(trx, agencyId);
  if (doc) await indexDocument(trx, doc, at);
  else await removeDocument(trx, 'guide', String(agencyId));
}

// Every agency's public guide, for `gongkai search rebuild`.
registerSearchSource('guide', async function* (db) {
  const agencies = await db.selectFrom('guide_versions').select('agency_id').distinct()
    .where('state', '=', 'published').orderBy('agency_id').execute();
  for (const { agency_id } of agencies) {
    const doc = await publishedGuideDocument(db, Number(agency_id));
    if (doc) yield doc;
  }
});
