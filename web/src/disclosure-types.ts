/**
 * Shapes of the proactive-disclosure API (主动公开: items, review chain, findings, publications, inbox, warnings,
 * monthly checklist). The vocabularies (states, steps, channels, 公开属性 …) are the server core's own, imported
 * as they are. The response shapes below are PROVISIONAL: they follow the item routes announced for
 * src/disclosure/item.schema.ts and are replaced by `Static<typeof …>` of that schema as soon as it lands.
 */
import type { Channel } from '../../src/core/disclosure/channels.js';
import type { DisclosureAttribute, ItemOrigin, NormativeKind, Validity } from '../../src/core/disclosure/item-labels.js';
import type { ChainAct, ReviewDecision, ReviewState, ReviewStep } from '../../src/core/disclosure/review-chain.js';
import type { SecrecyReviewForm } from '../../src/core/disclosure/secrecy-form.js';

export type { Channel, ChainAct, DisclosureAttribute, ItemOrigin, NormativeKind, ReviewDecision, ReviewState, ReviewStep, SecrecyReviewForm, Validity };

/** One attachment of a version. */
export interface ItemAttachment {
  hash: string;
  fileName: string;
  fileType: string;
  size: number;
}

/** The fields a drafter writes (POST /api/agencies/:agencyId/items; PUT /api/items/:id with baseVersion). */
export interface ItemFields {
  title: string;
  summary: string;
  categoryId: number | null;
  issuer: string;
  docNo: string | null;
  writtenOn: string;
  theme: string | null;
  keywords: string;
  disclosure: DisclosureAttribute;
  bodyHtml: string;
  attachments: ItemAttachment[];
  validity: Validity;
  normativeKind: NormativeKind | null;
  madeOn: string | null;
  amendedOn: string | null;
  repealedOn: string | null;
  office: string | null;
}

/** An item in lists (GET /api/agencies/:agencyId/items, the inbox). */
export interface ItemSummary {
  id: number;
  agencyId: number;
  indexNo: string | null;
  state: ReviewState;
  version: number;
  publishedVersion: number | null;
  title: string;
  categoryId: number | null;
  office: string | null;
  drafterName: string;
  writtenOn: string;
  dueOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
}

/** GET /api/items/:id */
export interface ItemDetail extends ItemSummary, ItemFields {
  drafterId: number | null;
  changedOn: string;
  origin: ItemOrigin;
  /** Channels the version is on now (not withdrawn). */
  publications: ItemPublication[];
}

/** One publication of a version to a channel, and its withdrawal. */
export interface ItemPublication {
  id: number;
  channel: Channel;
  version: number;
  publishedOn: string;
  actor: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawalReason: string | null;
}

/** One recorded act of the chain. */
export interface ReviewStepView {
  id: number;
  version: number;
  step: ChainAct;
  decision: ReviewDecision | null;
  reason: string | null;
  comment: string | null;
  form: SecrecyReviewForm | null;
  actor: string;
  at: string;
}

/** One version of an item. */
export interface ItemVersionView {
  version: number;
  createdAt: string;
  createdBy: string;
}

/** GET /api/items/:id/history */
export interface ItemHistory {
  versions: ItemVersionView[];
  steps: ReviewStepView[];
}

/** A scan finding of a version (GET /api/items/:id/findings). */
export interface Finding {
  id: number;
  source: string;
  kind: string;
  /** The kind in Chinese. */
  kindName?: string;
  place: string;
  excerpt: string;
  resolution: 'removed' | 'confirmed' | null;
  resolutionReason: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** POST /api/items/:id/review */
export interface ReviewBody {
  step: ReviewStep;
  decision: ReviewDecision;
  reason?: string;
  comment?: string;
  form?: SecrecyReviewForm;
}

/** GET /api/inbox: per step the person may take, the items waiting for it. */
export interface Inbox {
  groups: Array<{ step: ReviewStep | 'publish' | 'returned'; count: number; items: ItemSummary[] }>;
}

/** One item of the Art. 26 warnings. */
export interface ItemWarningLine {
  id: number;
  title: string;
  drafterName: string;
  dueOn: string;
  workingDaysLeft: number;
}

/** GET /api/item-warnings: per agency and office, overdue and due-soon items. */
export interface ItemWarnings {
  agencyId: number;
  agencyName: string;
  today: string;
  offices: Array<{ office: string; overdue: ItemWarningLine[]; dueSoon: ItemWarningLine[] }>;
}

/** A category of the catalogue tree. */
export interface CatalogueNode {
  id: number;
  name: string;
  art20Item: string | null;
  archived: boolean;
  children: CatalogueNode[];
}

/** One row of the monthly checklist. */
export interface ChecklistEntry {
  id: number;
  publicationId: number;
  itemId: number;
  title: string;
  indexNo: string | null;
  channel: Channel;
  publishedOn: string;
  decision: 'keep' | 'withdraw' | null;
  reason: string | null;
  decidedBy: string | null;
}

/** 互联网信息发布每月检查清理清单. */
export interface Checklist {
  id: number;
  agencyId: number;
  month: string;
  state: 'open' | 'signed';
  signedAt: string | null;
  signedBy: string | null;
  entries: ChecklistEntry[];
}
