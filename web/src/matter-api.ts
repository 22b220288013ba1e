/**
 * Calls of the matter API (政务服务事项、办事指南, src/matters/matter.routes.ts) with types from its TypeBox schemas,
 * and the import upload with progress. Failures are ApiErrors with the server's Chinese message.
 */
import type { Static } from 'typebox';
import { ApiError, request, uploadForm } from './api.js';
import { csrfToken } from './session.js';
import type { MatterImportReportSchema } from '../../src/matters/matter-import.routes.js';
import type {
  MatterContent, MatterListResponse, MatterThemeResponse, MatterViewResponse, ServiceDashboardResponse, ServiceHallResponse,
} from '../../src/matters/matter.schema.js';
import type { Channel, VersionReviewBody } from './disclosure-types.js';

export type { MatterContent, MatterListResponse, MatterThemeResponse, MatterViewResponse, ServiceDashboardResponse, ServiceHallResponse };
export type MatterImportReport = Static<typeof MatterImportReportSchema>;

/** Filters of the matter list. */
export interface MatterFilter { q?: string; theme?: string; level?: string; office?: string; flag?: string; state?: string; offset?: number; limit?: number }

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

const base = (agencyId: number) => `/api/agencies/${agencyId}`;

/** Typed calls. */
export const matterApi = {
  list: (agencyId: number, f: MatterFilter) => request<MatterListResponse>('GET', `${base(agencyId)}/matters${query({ ...f })}`),
  get: (agencyId: number, id: number, version?: number) => request<MatterViewResponse>('GET', `${base(agencyId)}/matters/${id}${query({ version })}`),
  create: (agencyId: number, content: MatterContent) => request<MatterViewResponse>('POST', `${base(agencyId)}/matters`, { content }),
  save: (agencyId: number, id: number, baseVersion: number, content: MatterContent) =>
    request<MatterViewResponse>('PUT', `${base(agencyId)}/matters/${id}`, { baseVersion, content }),
  submit: (agencyId: number, id: number) => request<MatterViewResponse>('POST', `${base(agencyId)}/matters/${id}/submit`, {}),
  /** Drafts the abolition (事项取消) of a published matter as a new version, for the review chain. */
  abolish: (agencyId: number, id: number, baseVersion: number, reason: string) =>
    request<MatterViewResponse>('POST', `${base(agencyId)}/matters/${id}/abolish`, { baseVersion, reason }),
  review: (agencyId: number, id: number, body: VersionReviewBody) => request<MatterViewResponse>('POST', `${base(agencyId)}/matters/${id}/review`, body),
  publish: (agencyId: number, id: number, channels: Channel[]) => request<MatterViewResponse>('POST', `${base(agencyId)}/matters/${id}/publish`, { channels }),
  offices: (agencyId: number) => request<Array<{ id: number; name: string }>>('GET', `${base(agencyId)}/matter-offices`),
  addOffice: (agencyId: number, name: string) => request<{ id: number; name: string }>('POST', `${base(agencyId)}/matter-offices`, { name }),
  themes: (agencyId: number) => request<MatterThemeResponse[]>('GET', `${base(agencyId)}/matter-themes`),
  saveTheme: (agencyId: number, body: { audience: string; code: string; name: string; archived?: boolean }) =>
    request<MatterThemeResponse>('PUT', `${base(agencyId)}/matter-themes`, body),
  halls: (agencyId: number) => request<ServiceHallResponse[]>('GET', `${base(agencyId)}/service-halls`),
  addHall: (agencyId: number, name: string, level: string) => request<ServiceHallResponse>('POST', `${base(agencyId)}/service-halls`, { name, level }),
  enterMonth: (agencyId: number, hallId: number, month: string, figures: Record<string, number | null>) =>
    request<unknown>('PUT', `${base(agencyId)}/service-halls/${hallId}/months/${month}`, figures),
  dashboard: (agencyId: number, year: number, asOf?: string) => request<ServiceDashboardResponse>('GET', `${base(agencyId)}/service-dashboard${query({ year, asOf })}`),
};

/** Download addresses of a published guide (the office's: refused with a reason when not published). */
export const matterFiles = (agencyId: number, id: number) => ({
  png: `${base(agencyId)}/matters/${id}/qr.png`, svg: `${base(agencyId)}/matters/${id}/qr.svg`, pdf: `${base(agencyId)}/matters/${id}/guide.pdf`,
  page: `/matters/${id}`, xlsx: `${base(agencyId)}/matters.xlsx`,
});

/** Uploads a material's form (空白表格 or 示范样表); resolves with what the material refers to. */
export async function uploadMatterFile(agencyId: number, file: File): Promise<{ hash: string; fileName: string }> {
  const form = new FormData();
  form.append('file', file, file.name);
  const headers: Record<string, string> = { accept: 'application/json' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(`${base(agencyId)}/matter-files`, { method: 'POST', body: form, headers, credentials: 'same-origin' });
  const body = await res.json().catch(() => null) as { hash: string; fileName: string; code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, body?.message ?? `服务器返回错误（HTTP ${res.status}）。`);
  return { hash: body!.hash, fileName: body!.fileName };
}

/** Imports a hall figures file (XLSX: 大厅、月份、窗口数、进驻事项数、办件量、快递送达证照数); resolves with the outcome. */
export async function uploadHallFigures(agencyId: number, file: File): Promise<{ stored: boolean; entered: number; refused: Array<{ row: number; message: string }>; message: string }> {
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  const csrf = csrfToken();
  if (csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(`${base(agencyId)}/service-halls/months/import`, { method: 'POST', body: await file.arrayBuffer(), headers, credentials: 'same-origin' });
  const body = await res.json().catch(() => null) as { code?: string; message?: string } | null;
  if (!res.ok) throw new ApiError(res.status, body?.code ?? `HTTP_${res.status}`, body?.message ?? `服务器返回错误（HTTP ${res.status}）。`);
  return body as Awaited<ReturnType<typeof uploadHallFigures>>;
}

/** Uploads a matter list (XLSX) with progress (0…1); resolves with the import report. */
export function uploadMatterList(agencyId: number, file: File, options: { skipRefused: boolean; dryRun: boolean }, onProgress: (f: number) => void): Promise<MatterImportReport> {
  const form = new FormData();
  form.append('file', file, file.name);
  const url = `${base(agencyId)}/matters/import${query({ skipRefused: options.skipRefused ? 'true' : undefined, dryRun: options.dryRun ? 'true' : undefined })}`;
  return uploadForm<MatterImportReport>(url, form, onProgress);
}
