/**
 * Calls of the proactive-disclosure API (主动公开): items and their versions, attachments (uploaded with
 * progress), the review chain, scan findings, publishing and withdrawal, the inbox, Art. 26 warnings,
 * the catalogue and the monthly checklist. Failures are ApiErrors with the server's Chinese message.
 */
import { ApiError, request, uploadForm } from './api.js';
import type {
  AddNodeRequest, CatalogueNodeRow, CatalogueTemplateInfo, CatalogueVersion, CatalogueVersionSummary, GuideContent, GuideVersion,
  GuideVersionSummary, MoveNodeRequest, DisclosureSettingsRequest, DisclosureSettingsView, TemplateApplied, UpdateNodeRequest, VersionReviewBody, CatalogueTree, Channel, Checklist, ChecklistDecision, ChecklistSummary, Inbox, ItemDetail, ItemFields, ItemPage, ItemSave,
  ItemWarnings, LedText, ReviewBody, WechatExport, FillFromDataResult, NarrativeFigure, DraftTextResult, TextFigures, PublicationItems, ReportReview, ReportReviewBody,
} from './disclosure-types.js';

/** Filters of the item list. */
export interface ItemFilter {
  state?: string;
  categoryId?: number;
  office?: string;
  q?: string;
  page?: number;
  pageSize?: number;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

/**
 * Uploads one attachment file (multipart) to the item's current draft and reports progress (0…1); resolves
 * once stored (type detected from the bytes by the server), or rejects with the server's refusal.
 */
export function uploadAttachment(itemId: number, file: File, onProgress: (fraction: number) => void): Promise<unknown> {
  const form = new FormData();
  form.append('file', file, file.name);
  return uploadForm<unknown>(`/api/items/${itemId}/attachments`, form, onProgress);
}

/** Typed calls of the disclosure API. */
export const disclosureApi = {
  items: (agencyId: number, filter: ItemFilter = {}) =>
    request<ItemPage>('GET', `/api/agencies/${agencyId}/items${query({ ...filter })}`),
  createItem: (agencyId: number, fields: ItemFields) => request<ItemSave>('POST', `/api/agencies/${agencyId}/items`, fields),
  item: (id: number) => request<ItemDetail>('GET', `/api/items/${id}`),
  /** Saves a new version; refused with 409 STALE_VERSION when someone saved after `baseVersion`. */
  saveItem: (id: number, fields: ItemFields, baseVersion: number) =>
    request<ItemSave>('PUT', `/api/items/${id}`, { ...fields, baseVersion }),
  /** Removes an attachment from the current draft (earlier versions keep it). */
  removeAttachment: (id: number, hash: string) => request<unknown>('DELETE', `/api/items/${id}/attachments/${hash}`),
  submitItem: (id: number, comment?: string) => request<unknown>('POST', `/api/items/${id}/submit`, comment ? { comment } : {}),
  reviewItem: (id: number, body: ReviewBody) => request<unknown>('POST', `/api/items/${id}/review`, body),
  publishItem: (id: number, channels: Channel[]) => request<unknown>('POST', `/api/items/${id}/publish`, { channels }),
  /** Withdraws the item from one channel (the publication stays on record). */
  withdrawItem: (id: number, publicationId: number, reason: string) =>
    request<ItemDetail>('POST', `/api/items/${id}/publications/${publicationId}/withdraw`, { reason }),
  resolveFinding: (id: number, findingId: number, resolution: 'removed' | 'confirmed', reason?: string) =>
    request<unknown>('POST', `/api/items/${id}/findings/${findingId}/resolve`, reason ? { resolution, reason } : { resolution }),
  inbox: () => request<Inbox>('GET', '/api/inbox'),
  itemWarnings: (agencyId?: number) => request<ItemWarnings>('GET', `/api/item-warnings${query({ agencyId })}`),
  catalogue: (agencyId: number, archived = false) =>
    request<CatalogueTree>('GET', `/api/agencies/${agencyId}/catalogue${archived ? '?archived=true' : ''}`),
  catalogueTemplates: () => request<CatalogueTemplateInfo[]>('GET', '/api/catalogue-templates'),
  addNode: (agencyId: number, body: AddNodeRequest) => request<CatalogueNodeRow>('POST', `/api/agencies/${agencyId}/catalogue/nodes`, body),
  updateNode: (agencyId: number, nodeId: number, body: UpdateNodeRequest) =>
    request<CatalogueNodeRow>('PATCH', `/api/agencies/${agencyId}/catalogue/nodes/${nodeId}`, body),
  moveNode: (agencyId: number, nodeId: number, body: MoveNodeRequest) =>
    request<CatalogueNodeRow>('POST', `/api/agencies/${agencyId}/catalogue/nodes/${nodeId}/move`, body),
  archiveNode: (agencyId: number, nodeId: number) =>
    request<CatalogueNodeRow>('POST', `/api/agencies/${agencyId}/catalogue/nodes/${nodeId}/archive`, {}),
  applyTemplate: (agencyId: number, template: string) =>
    request<TemplateApplied>('POST', `/api/agencies/${agencyId}/catalogue/apply-template`, { template }),
  catalogueVersions: (agencyId: number) => request<CatalogueVersionSummary[]>('GET', `/api/agencies/${agencyId}/catalogue/versions`),
  catalogueVersion: (agencyId: number, version: number) =>
    request<CatalogueVersion>('GET', `/api/agencies/${agencyId}/catalogue/versions/${version}`),
  /** Saves the current tree as a new version and submits it for 初审. */
  submitCatalogue: (agencyId: number, comment?: string) =>
    request<CatalogueVersion>('POST', `/api/agencies/${agencyId}/catalogue/versions`, comment ? { comment } : {}),
  reviewCatalogue: (agencyId: number, version: number, body: VersionReviewBody) =>
    request<CatalogueVersion>('POST', `/api/agencies/${agencyId}/catalogue/versions/${version}/review`, body),
  publishCatalogue: (agencyId: number, version: number, channels: Channel[]) =>
    request<CatalogueVersion>('POST', `/api/agencies/${agencyId}/catalogue/versions/${version}/publish`, { channels }),
  guide: (agencyId: number) => request<GuideVersion>('GET', `/api/agencies/${agencyId}/guide`),
  /** Saves the guide as a new version; 409 when someone saved after `baseVersion`. */
  saveGuide: (agencyId: number, content: GuideContent, baseVersion: number) =>
    request<GuideVersion>('PUT', `/api/agencies/${agencyId}/guide`, { baseVersion, content }),
  guideVersions: (agencyId: number) => request<GuideVersionSummary[]>('GET', `/api/agencies/${agencyId}/guide/versions`),
  guideVersion: (agencyId: number, version: number) => request<GuideVersion>('GET', `/api/agencies/${agencyId}/guide/versions/${version}`),
  submitGuide: (agencyId: number, version: number) =>
    request<GuideVersion>('POST', `/api/agencies/${agencyId}/guide/versions/${version}/submit`, {}),
  reviewGuide: (agencyId: number, version: number, body: VersionReviewBody) =>
    request<GuideVersion>('POST', `/api/agencies/${agencyId}/guide/versions/${version}/review`, body),
  publishGuide: (agencyId: number, version: number, channels: Channel[]) =>
    request<GuideVersion>('POST', `/api/agencies/${agencyId}/guide/versions/${version}/publish`, { channels }),
  disclosureSettings: (agencyId: number) => request<DisclosureSettingsView>('GET', `/api/agencies/${agencyId}/disclosure-settings`),
  saveDisclosureSettings: (agencyId: number, body: DisclosureSettingsRequest) =>
    request<DisclosureSettingsView>('PUT', `/api/agencies/${agencyId}/disclosure-settings`, body),
  reportReview: (id: number) => request<ReportReview>('GET', `/api/reports/${id}/review`),
  submitReport: (id: number, comment?: string) => request<unknown>('POST', `/api/reports/${id}/submit`, comment ? { comment } : {}),
  reviewReport: (id: number, body: ReportReviewBody) => request<unknown>('POST', `/api/reports/${id}/review`, body),
  /** Fills tables 二/三/四 from the data as a new version; 409 when someone saved after `baseVersion`. */
  fillFromData: (id: number, baseVersion: number) => request<FillFromDataResult>('POST', `/api/reports/${id}/fill-from-data`, { baseVersion }),
  narrativeFigures: (id: number) => request<NarrativeFigure[]>('GET', `/api/reports/${id}/narrative-figures`),
  /** Drafts sections 一 and 六 from the data as a new version; 409 when someone saved after `baseVersion`. */
  draftText: (id: number, baseVersion: number) => request<DraftTextResult>('POST', `/api/reports/${id}/draft-text`, { baseVersion }),
  /** The figures of the drafted text against the data now. */
  textFigures: (id: number) => request<TextFigures>('GET', `/api/reports/${id}/text-figures`),
  /** The publications behind a figure: its drill-down address as the server gave it (an /api/ path). */
  drillDown: (address: string) => {
    if (!address.startsWith('/api/')) throw new ApiError(0, 'BAD_ADDRESS', '查询地址无效。');
    return request<PublicationItems>('GET', address);
  },
  checklists: (agencyId: number) => request<ChecklistSummary[]>('GET', `/api/agencies/${agencyId}/checklists`),
  /** Produces the month's checklist (once; an existing one is returned as it is). */
  produceChecklist: (agencyId: number, month: string) => request<Checklist>('POST', `/api/agencies/${agencyId}/checklists`, { month }),
  checklist: (agencyId: number, month: string) => request<Checklist>('GET', `/api/agencies/${agencyId}/checklists/${month}`),
  decideChecklistEntry: (agencyId: number, month: string, entryId: number, body: ChecklistDecision) =>
    request<Checklist>('PUT', `/api/agencies/${agencyId}/checklists/${month}/entries/${entryId}`, body),
  signChecklist: (agencyId: number, month: string) => request<Checklist>('POST', `/api/agencies/${agencyId}/checklists/${month}/sign-off`, {}),
  wechatExport: (id: number) => request<WechatExport>('GET', `/api/items/${id}/exports/wechat`),
  ledText: (id: number, charsPerLine: number, lines: number) =>
    request<LedText>('GET', `/api/items/${id}/exports/led${query({ charsPerLine, lines })}`),
};

/** Download address of an attachment. */
export function attachmentUrl(itemId: number, hash: string): string {
  return `/api/items/${itemId}/attachments/${hash}`;
}

/** Download address of the 保密审查表 of an item's current version. */
export function secrecyFormUrl(itemId: number, ext: 'docx' | 'pdf'): string {
  return `/api/items/${itemId}/secrecy-review.${ext}`;
}

/** Download address of the notice-board / reading-point A4 PDF. */
export function noticeBoardUrl(itemId: number): string {
  return `/api/items/${itemId}/exports/notice-board.pdf`;
}

/** Download address of a monthly checklist. */
export function checklistUrl(agencyId: number, month: string, ext: 'xlsx' | 'docx'): string {
  return `/api/agencies/${agencyId}/checklists/${month}.${ext}`;
}
