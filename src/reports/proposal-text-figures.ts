/**
 * The 建议提案 figures the report's prose states in section 六 (建议和提案办理情况): the 人大代表建议 and 政协提案
 * assigned to the agency in the year and the results published on the portal, counted from src/proposals as of the
 * day the text is drafted. Registered as a text-figure source when report-text.ts loads this module.
 */
import { calendarService } from '../calendar/calendar.service.js';
import { systemClock } from '../core/clock.js';
import { proposalService } from '../proposals/proposal.service.js';
import { registerTextFigureSource, type TextFigureSource } from './text-figure-sources.js';

/** The three figures of the proposals' sentence (keys as core/report/draft-text.ts places them). */
export const proposalTextFigures: TextFigureSource = async (db, { agencyId, year, asOf }) => {
  const calendar = await calendarService(db).load();
  // The counts read no clock (only answering does): the system clock is never consulted here.
  const proposals = proposalService(db, systemClock, calendar);
  const c = await proposals.yearCounts(agencyId, year, asOf);
  // An agency that keeps no proposals on the platform gets no sentence (its zero would not be known to be true).
  if (c.npc.received + c.cppcc.received + c.npc.answered + c.cppcc.answered === 0 && (await proposals.list(agencyId)).length === 0) return [];
  const source = `建议提案办理记录（截至 ${asOf}）`;
  const link = `/api/agencies/${agencyId}/proposals?year=${year}`;
  return [
    { key: 'proposals.deputies', label: '人大代表建议（件）', value: c.npc.received, unit: '件', source, link },
    { key: 'proposals.members', label: '政协提案（件）', value: c.cppcc.received, unit: '件', source, link },
    { key: 'proposals.published', label: '已公开办理结果（件）', value: c.npc.resultsPublished + c.cppcc.resultsPublished, unit: '件', source, link },
  ];
};

registerTextFigureSource('proposals', proposalTextFigures);
