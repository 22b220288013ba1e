/**
 * The review record of a version as the API shows it (for the catalogue and the guide): every act of the chain
 * on that version (who, when, pass or return with reason) and the channels it is on.
 */
import type { Kysely } from 'kysely';
import { CHANNELS, type Channel } from '../core/disclosure/channels.js';
import { CHAIN_ACTS, REVIEW_DECISIONS, type ChainAct, type ReviewDecision } from '../core/disclosure/review-chain.js';
import type { Database } from '../db/schema.js';
import { allPublications, listReviewSteps } from './review.repository.js';

/** One act of the chain on a version. */
export interface ChainStepView {
  step: string;
  stepName: string;
  decision: string | null;
  decisionName: string | null;
  reason: string | null;
  comment: string | null;
  actor: string;
  at: string;
}

/** A channel the version was published on. */
export interface PublicationView {
  channel: string;
  channelName: string;
  publishedOn: string;
  actor: string;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

/** The chain's record of one version. */
export interface ChainRecord {
  steps: ChainStepView[];
  publications: PublicationView[];
}

/** The steps and publications of one version of a subject. */
export async function chainRecordOf(db: Kysely<Database>, subject: { kind: string; id: number; version: number }): Promise<ChainRecord> {
  const steps = await listReviewSteps(db, subject, subject.version);
  const publications = await allPublications(db, subject, subject.version);
  return {
    steps: steps.map((s) => ({
      step: s.step, stepName: CHAIN_ACTS[s.step as ChainAct] ?? s.step, decision: s.decision,
      decisionName: s.decision ? REVIEW_DECISIONS[s.decision as ReviewDecision] ?? s.decision : null,
      reason: s.reason, comment: s.comment, actor: s.actor, at: s.at,
    })),
    publications: publications.map((p) => ({
      channel: p.channel, channelName: CHANNELS[p.channel as Channel] ?? p.channel, publishedOn: p.published_on, actor: p.actor,
      withdrawnAt: p.withdrawn_at, withdrawalReason: p.withdrawal_reason,
    })),
  };
}
