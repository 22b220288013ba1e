/**
 * Shapes of the proactive-disclosure API (主动公开), taken from the server's TypeBox schemas
 * (src/disclosure/item.schema.ts, secrecy-form.schema.ts; `Static<typeof …>`, types only), and the core's
 * vocabularies (states, steps, channels, 公开属性 …), so the screens cannot drift from what the API sends.
 * The catalogue, checklist and export shapes come from catalogue.schema.ts, checklist.schema.ts and item-export.schema.ts.
 */
import type { Static } from 'typebox';
import type {
  AttachmentSchema, CreateItemBody, EditItemBody, FindingSchema, InboxSchema, ItemDetailSchema, ItemPageSchema, ItemSaveSchema,
  ItemStepSchema, ItemSummarySchema, ItemWarningsSchema, PublicationSchema, ReviewBody as ReviewBodySchema,
} from '../../src/disclosure/item.schema.js';
import type {
  AddNodeBody, CatalogueNodeSchema, CatalogueTreeNodeSchema, CatalogueTreeSchema, CatalogueVersionSchema, CatalogueVersionSummarySchema,
  MoveNodeBody, TemplateAppliedSchema, TemplateListSchema, UpdateNodeBody,
} from '../../src/disclosure/catalogue.schema.js';
import type { ReportReviewSchema, ReviewReportBody } from '../../src/reports/report.schema.js';
import type { FillFromDataSchema, NarrativeFiguresSchema, PublicationItemsSchema } from '../../src/statistics/table2.schema.js';
import type { DraftTextSchema, TextFiguresSchema } from '../../src/reports/report-text.routes.js';
export type { DisclosureSettingsRequest, DisclosureSettingsView } from '../../src/disclosure/disclosure-settings.schema.js';
import type { GuideSchema, GuideVersionSchema, GuideVersionSummarySchema } from '../../src/disclosure/guide.schema.js';
import type { ReviewDecisionBody } from '../../src/disclosure/review.schema.js';
import type { ChecklistSchema, ChecklistSummarySchema, DecideBody } from '../../src/disclosure/checklist.schema.js';
import type { LedTextSchema, WechatExportSchema } from '../../src/disclosure/item-export.schema.js';
import type { Channel } from '../../src/core/disclosure/channels.js';
import type { DisclosureAttribute, NormativeKind, Validity } from '../../src/core/disclosure/item-labels.js';
import type { ChainAct, ReviewDecision, ReviewState, ReviewStep } from '../../src/core/disclosure/review-chain.js';
import type { SecrecyReviewForm } from '../../src/core/disclosure/secrecy-form.js';

export type { Channel, ChainAct, DisclosureAttribute, NormativeKind, ReviewDecision, ReviewState, ReviewStep, SecrecyReviewForm, Validity };

/**
 * The schema's vocabulary unions come through `Static` as `never` (unions built from Object.keys); until that
 * is fixed there, these fields take the core's own key types.
 */
type WithState<T> = Omit<T, 'state'> & { state: ReviewState };
type WithVocabulary<T> = Omit<WithState<T>, 'disclosure' | 'validity' | 'normativeKind'> & {
  disclosure: DisclosureAttribute; validity: Validity; normativeKind: NormativeKind | null;
};

/** An item in lists. */
export type ItemSummary = WithState<Static<typeof ItemSummarySchema>>;
/** GET /api/agencies/:agencyId/items (a page). */
export type ItemPage = Omit<Static<typeof ItemPageSchema>, 'items'> & { items: ItemSummary[] };
/** GET /api/items/:id: the item with its versions, chain steps, findings and publications. */
export type ItemDetail = WithVocabulary<Static<typeof ItemDetailSchema>>;
/** POST/PUT answers: the item and the warnings to look at (duplicate 文号, body cleaned). */
export type ItemSave = Omit<Static<typeof ItemSaveSchema>, 'item'> & { item: ItemDetail };
/** One attachment. */
export type ItemAttachment = Static<typeof AttachmentSchema>;
/** One recorded act of the chain. */
export type ReviewStepView = Static<typeof ItemStepSchema>;
/** A scan finding of the current version. */
export type Finding = Static<typeof FindingSchema>;
/** A publication to a channel and its withdrawal. */
export type ItemPublication = Static<typeof PublicationSchema>;
/** POST /api/agencies/:agencyId/items */
export type CreateItemRequest = Static<typeof CreateItemBody>;
/** PUT /api/items/:id */
export type EditItemRequest = Static<typeof EditItemBody>;
/** POST /api/items/:id/review (the step as the core's key, the form as the core's SecrecyReviewForm). */
export type ReviewBody = Omit<Static<typeof ReviewBodySchema>, 'step' | 'form'> & { step: ReviewStep; form?: SecrecyReviewForm };
/** GET /api/inbox */
export type Inbox = Static<typeof InboxSchema>;
/** One task of the inbox (a step of one kind of subject). */
export type InboxTask = Inbox['tasks'][number];
/** One waiting subject. */
export type InboxEntry = WithState<InboxTask['entries'][number]>;
/** GET /api/item-warnings */
export type ItemWarnings = Static<typeof ItemWarningsSchema>;
/** One warned item. */
export type ItemWarningEntry = ItemWarnings['groups'][number]['overdue'][number];

/** The fields the editor holds: the create body without optionality (attachments have their own routes). */
export type ItemFields = Omit<Required<CreateItemRequest>, 'disclosure' | 'validity' | 'normativeKind'> & {
  disclosure: DisclosureAttribute; validity: Validity; normativeKind: NormativeKind | null;
};

/** A category of the catalogue tree, with its children of the same shape (the schema sends them whole). */
export type CatalogueNode = Omit<Static<typeof CatalogueTreeNodeSchema>, 'children'> & { children: CatalogueNode[] };
/** GET /api/agencies/:agencyId/catalogue */
export type CatalogueTree = Omit<Static<typeof CatalogueTreeSchema>, 'nodes'> & { nodes: CatalogueNode[] };

/** A category as the node routes answer (without children). */
export type CatalogueNodeRow = Static<typeof CatalogueNodeSchema>;
/** POST …/catalogue/nodes */
export type AddNodeRequest = Static<typeof AddNodeBody>;
/** PATCH …/catalogue/nodes/:nodeId */
export type UpdateNodeRequest = Static<typeof UpdateNodeBody>;
/** POST …/catalogue/nodes/:nodeId/move */
export type MoveNodeRequest = Static<typeof MoveNodeBody>;
/** GET /api/catalogue-templates */
export type CatalogueTemplateInfo = Static<typeof TemplateListSchema>[number];
/** POST …/catalogue/apply-template */
export type TemplateApplied = Static<typeof TemplateAppliedSchema>;
/** A catalogue version in the list. */
export type CatalogueVersionSummary = Static<typeof CatalogueVersionSummarySchema>;
/** A catalogue version with its snapshot and review record. */
export type CatalogueVersion = Static<typeof CatalogueVersionSchema>;
/** A review decision on a catalogue or guide version. */
export type VersionReviewBody = Static<typeof ReviewDecisionBody>;
/** The guide's content (政府信息公开指南). */
export type GuideContent = Static<typeof GuideSchema>;
/** A guide version with its content and review record. */
export type GuideVersion = Static<typeof GuideVersionSchema>;
/** A guide version in the list. */
export type GuideVersionSummary = Static<typeof GuideVersionSummarySchema>;

/** GET /api/reports/:id/review: the annual report's chain (条例 Art. 50: it is published government information too). */
export type ReportReview = Static<typeof ReportReviewSchema>;
/** POST /api/reports/:id/review */
export type ReportReviewBody = Omit<Static<typeof ReviewReportBody>, 'form'> & { form?: SecrecyReviewForm };
/** POST /api/reports/:id/fill-from-data */
export type FillFromDataResult = Static<typeof FillFromDataSchema>;
/** GET /api/reports/:id/narrative-figures */
export type NarrativeFigure = Static<typeof NarrativeFiguresSchema>[number];
/** The figures of the report's drafted text against the data (GET /api/reports/:id/text-figures). */
export type TextFigures = Static<typeof TextFiguresSchema>;
/** One marked figure of the text. */
export type TextFigure = TextFigures['figures'][number];
/** The answer of POST /api/reports/:id/draft-text. */
export type DraftTextResult = Static<typeof DraftTextSchema>;
/** The publications behind a figure (its drill-down). */
export type PublicationItems = Static<typeof PublicationItemsSchema>;

/** 互联网信息发布每月检查清理清单 (GET/POST /api/agencies/:id/checklists…). */
export type Checklist = Static<typeof ChecklistSchema>;
/** One row of the checklist. */
export type ChecklistEntry = Checklist['entries'][number];
/** A checklist in the agency's list. */
export type ChecklistSummary = Static<typeof ChecklistSummarySchema>;
/** PUT …/entries/:entryId */
export type ChecklistDecision = Static<typeof DecideBody>;

/** GET /api/items/:id/exports/wechat */
export type WechatExport = Static<typeof WechatExportSchema>;
/** GET /api/items/:id/exports/led */
export type LedText = Static<typeof LedTextSchema>;
