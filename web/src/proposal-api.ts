/**
 * Calls of the 建议提案 API and of the report correction (更正), with their types from the server's TypeBox schemas
 * (types only: nothing of the server is bundled). Failures are ApiErrors with the server's Chinese message.
 */
import type { Static } from 'typebox';
import type {
  AnswerBody, FeedbackBody, ProposalEventSchema, ProposalSchema, ProposalWarningsSchema, RegisterProposalBody, YearCountsSchema,
} from '../../src/proposals/proposal.schema.js';
import type { ReportCorrectionSchema } from '../../src/reports/report.schema.js';
import { request } from './api.js';
import type { ReportSummary } from './api-types.js';

/** A proposal as the API returns it. */
export type Proposal = Static<typeof ProposalSchema>;
/** POST /api/agencies/:agencyId/proposals */
export type RegisterProposal = Static<typeof RegisterProposalBody>;
/** POST …/answer */
export type AnswerProposal = Static<typeof AnswerBody>;
/** POST …/feedback */
export type FeedbackProposal = Static<typeof FeedbackBody>;
/** GET …/proposal-warnings */
export type ProposalWarnings = Static<typeof ProposalWarningsSchema>;
/** GET …/proposal-counts/:year */
export type ProposalYearCounts = Static<typeof YearCountsSchema>;
/** GET …/events */
export type ProposalEvent = Static<typeof ProposalEventSchema>;
/** GET /api/reports/:id/corrections */
export type ReportCorrection = Static<typeof ReportCorrectionSchema>;

const base = (agencyId: number) => `/api/agencies/${agencyId}/proposals`;

export const proposalApi = {
  list: (agencyId: number, year?: number) => request<Proposal[]>('GET', `${base(agencyId)}${year ? `?year=${year}` : ''}`),
  register: (agencyId: number, body: RegisterProposal) => request<Proposal>('POST', base(agencyId), body),
  answer: (agencyId: number, id: number, body: AnswerProposal) => request<Proposal>('POST', `${base(agencyId)}/${id}/answer`, body),
  feedback: (agencyId: number, id: number, body: FeedbackProposal) => request<Proposal>('POST', `${base(agencyId)}/${id}/feedback`, body),
  prepareResult: (agencyId: number, id: number) => request<Proposal>('POST', `${base(agencyId)}/${id}/result`, {}),
  events: (agencyId: number, id: number) => request<ProposalEvent[]>('GET', `${base(agencyId)}/${id}/events`),
  warnings: (agencyId: number) => request<ProposalWarnings>('GET', `/api/agencies/${agencyId}/proposal-warnings`),
  counts: (agencyId: number, year: number) => request<ProposalYearCounts>('GET', `/api/agencies/${agencyId}/proposal-counts/${year}`),
};

export const correctionApi = {
  start: (reportId: number, reason: string) => request<ReportSummary>('POST', `/api/reports/${reportId}/correct`, { reason }),
  list: (reportId: number) => request<ReportCorrection[]>('GET', `/api/reports/${reportId}/corrections`),
};
