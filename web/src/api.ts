/**
 * The API client: JSON in and out, and every failure turned into an ApiError carrying the
 * server's Chinese message and its list of problems, so screens can show them as they are.
 */
import type {
  Agency, AgencyKind, ApiErrorBody, ApplicationDetail, ApplicationEvent, ApplicationEventBody, ApplicationFilter,
  AgencyWarnings, ApplicationSummary, CaseWarnings, CheckResponse, FormatId, InterchangeReport, Problem, ReportDetail,
  ReportEvent, ReportStatus, ReportSummary, ReportVersionInfo, GrantInput, NewUserInput, RoleInfo, SecurityEventInfo, SecurityLogFilter,
  UserChanges, UserInfo, UserWithPassword,
} from './api-types.js';
import { csrfToken, sessionEnded, setSession, takeRememberedRoute, type Session } from './session.js';
import type {
  ApplicationTables, AssignRequest, CalendarYear, CalendarYears, CellCases, DeadlineResult, ReceiveRequest, RemedyRequest,
  RemedyResultRequest, RemedyView, SetYearRequest, SetYearResult,
  PortalReadiness,
} from './schema-types.js';

/** A failed API call: the server's code, message and problems. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).message === 'string';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Codes that end the signed-in state: not signed in or the session expired (401), and the initial
 * password still to be changed (403). The session store then shows the sign-in (or change-password) page.
 */
export const SESSION_ENDING_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SESSION_EXPIRED', 'PASSWORD_CHANGE_REQUIRED']);

/**
 * Sends a request (with the session cookie, same origin) and parses the JSON answer; a non-2xx answer
 * throws ApiError. Writes carry the CSRF token. A 401 or a required password change is also told to the
 * session context, which shows the sign-in (or change-password) page.
 */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // Every cookie-authenticated write carries the session's CSRF token.
  const csrf = UNSAFE_METHODS.has(method) ? csrfToken() : null;
  if (csrf) headers['x-csrf-token'] = csrf;
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。');
  }
  if (response.status === 204) return null as T;
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = isErrorBody(parsed)
      ? new ApiError(response.status, parsed.code ?? 'ERROR', parsed.message, parsed.problems ?? [])
      : new ApiError(response.status, 'HTTP_' + response.status, `服务器返回错误（HTTP ${response.status}）。`);
    if (SESSION_ENDING_CODES.has(error.code) || (response.status === 401 && error.code.startsWith('HTTP_'))) sessionEnded(error.code, error.message);
    throw error;
  }
  return parsed as T;
}

function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const s = search.toString();
  return s ? `?${s}` : '';
}

export interface ReportFilter {
  agencyId?: number;
  year?: number;
  status?: ReportStatus;
}

/** Typed calls of the API used by the screens. */
export const api = {
  /** The signed-in person (401 when nobody is); remembered for `can()` and the CSRF token. */
  session: async (): Promise<Session> => {
    const session = await request<Session>('GET', '/api/session');
    setSession(session);
    return session;
  },
  /** Signs in; back to the remembered route (after the initial password is changed, when it must be). */
  signIn: async (login: string, password: string): Promise<Session> => {
    const session = await request<Session>('POST', '/api/session', { login, password });
    setSession(session);
    if (!session.mustChangePassword) {
      const back = takeRememberedRoute();
      if (back !== null && back !== window.location.hash) window.location.hash = back;
    }
    return session;
  },
  /** Signs out (also when the session already ended) and shows the sign-in page. */
  signOut: async (): Promise<void> => {
    try {
      await request<null>('DELETE', '/api/session');
    } catch {
      // Already ended or unreachable: the UI signs out all the same.
    }
    takeRememberedRoute();
    setSession(null, '您已退出登录');
    window.location.hash = '#/';
  },
  changePassword: async (currentPassword: string, newPassword: string): Promise<Session> => {
    const session = await request<Session>('PUT', '/api/session/password', { currentPassword, newPassword });
    setSession(session);
    return session;
  },
  users: () => request<UserInfo[]>('GET', '/api/users'),
  createUser: (input: NewUserInput) => request<UserWithPassword>('POST', '/api/users', input),
  updateUser: (id: number, changes: UserChanges) => request<UserInfo>('PATCH', `/api/users/${id}`, changes),
  setUserActive: (id: number, active: boolean) => request<UserInfo>('POST', `/api/users/${id}/${active ? 'enable' : 'disable'}`, {}),
  resetPassword: (id: number) => request<UserWithPassword>('POST', `/api/users/${id}/reset-password`, {}),
  grantRole: (id: number, grant: GrantInput) => request<UserInfo>('POST', `/api/users/${id}/grants`, grant),
  revokeRole: (id: number, grantId: number) => request<UserInfo>('DELETE', `/api/users/${id}/grants/${grantId}`),
  roles: () => request<RoleInfo[]>('GET', '/api/roles'),
  securityLog: (filter: SecurityLogFilter = {}) => request<SecurityEventInfo[]>('GET', `/api/security-log${query({ ...filter })}`),
  agencies: () => request<Agency[]>('GET', '/api/agencies'),
  createAgency: (input: { name: string; kind: AgencyKind; parentId?: number | null }) =>
    request<Agency>('POST', '/api/agencies', input),
  reports: (filter: ReportFilter = {}) => request<ReportSummary[]>('GET', `/api/reports${query({ ...filter })}`),
  createReport: (input: { agencyId: number; year: number; format?: FormatId }) =>
    request<unknown>('POST', '/api/reports', input),
  /** Sends an interchange file as the user chose it (text), so the server judges it as written. */
  importReport: (text: string) => request<unknown>('POST', '/api/reports/import', text),
  report: async (id: number): Promise<ReportDetail> => detailOf(await request<unknown>('GET', `/api/reports/${id}`)),
  /**
   * Saves a new version. `baseVersion` is the version the edit started from: if someone saved a newer
   * one meanwhile, the server refuses (409 STALE_VERSION) and lists what changed since.
   */
  saveReport: (id: number, document: InterchangeReport, baseVersion: number) =>
    request<unknown>('PUT', `/api/reports/${id}`, { ...document, baseVersion }),
  checkReport: (id: number) => request<CheckResponse>('POST', `/api/reports/${id}/check`, {}),
  publishReport: (id: number) => request<unknown>('POST', `/api/reports/${id}/publish`, {}),
  versions: (id: number) => request<ReportVersionInfo[]>('GET', `/api/reports/${id}/versions`),
  events: (id: number) => request<ReportEvent[]>('GET', `/api/reports/${id}/events`),
  applications: (filter: ApplicationFilter = {}) =>
    request<ApplicationSummary[]>('GET', `/api/applications${query({ agencyId: filter.agencyId, open: filter.open ? 'true' : undefined })}`),
  applicationWarnings: (agencyId: number) =>
    request<CaseWarnings>('GET', `/api/applications/warnings${query({ agencyId })}`),
  allApplicationWarnings: () => request<AgencyWarnings[]>('GET', '/api/applications/warnings/by-agency'),
  application: (id: number) => request<ApplicationDetail>('GET', `/api/applications/${id}`),
  applicationEvents: (id: number) => request<ApplicationEvent[]>('GET', `/api/applications/${id}/events`),
  recordApplicationEvent: (id: number, event: ApplicationEventBody) =>
    request<ApplicationDetail>('POST', `/api/applications/${id}/events`, event),
  receiveApplication: (body: ReceiveRequest) => request<ApplicationDetail>('POST', '/api/applications', body),
  assignApplication: (id: number, body: AssignRequest) => request<ApplicationDetail>('POST', `/api/applications/${id}/assign`, body),
  addRemedy: (id: number, body: RemedyRequest) => request<RemedyView>('POST', `/api/applications/${id}/remedies`, body),
  decideRemedy: (id: number, remedyId: number, body: RemedyResultRequest) =>
    request<RemedyView>('POST', `/api/applications/${id}/remedies/${remedyId}/result`, body),
  calendarYears: () => request<CalendarYears>('GET', '/api/calendar/years'),
  calendarYear: (year: number) => request<CalendarYear>('GET', `/api/calendar/${year}`),
  setCalendarYear: (year: number, body: SetYearRequest) => request<SetYearResult>('PUT', `/api/calendar/${year}`, body),
  deadline: (from: string, workingDays: number) =>
    request<DeadlineResult>('GET', `/api/calendar/deadline${query({ from, workingDays, explain: 'true' })}`),
  applicationTables: (agencyId: number, year: number) =>
    request<ApplicationTables>('GET', `/api/agencies/${agencyId}/application-tables${query({ year })}`),
  cellCases: (agencyId: number, year: number, cell: string) =>
    request<CellCases>('GET', `/api/agencies/${agencyId}/application-tables/cases${query({ year, cell })}`),
  portalReadiness: (agencyId: number, options: { subtree?: boolean; warnDays?: number } = {}) =>
    request<PortalReadiness>('GET', `/api/agencies/${agencyId}/portal-readiness${query({ subtree: options.subtree ? 'true' : undefined, warnDays: options.warnDays })}`),
  fillFromCases: async (id: number): Promise<ReportDetail> => detailOf(await request<unknown>('POST', `/api/reports/${id}/fill-from-cases`, {})),
};

/**
 * Splits a report answer into summary and document. The server sends the summary fields and
 * `document` side by side; `{ report, document }` is accepted too.
 */
export function detailOf(answer: unknown): ReportDetail {
  const a = answer as Partial<ReportDetail> & ReportSummary & { document: ReportDetail['document'] };
  if (a.report && a.document) return { report: a.report, document: a.document };
  const { document, ...summary } = a;
  return { report: summary as ReportSummary, document };
}

/** Download address of a report in a format. */
export function downloadUrl(id: number, kind: 'html' | 'docx' | 'pdf' | 'json'): string {
  return `/api/reports/${id}/download.${kind}`;
}

/** The id of a created/imported report, whatever wrapping the server uses. */
export function reportIdOf(answer: unknown): number | null {
  if (typeof answer !== 'object' || answer === null) return null;
  const a = answer as { id?: unknown; report?: { id?: unknown } };
  if (typeof a.id === 'number') return a.id;
  if (a.report && typeof a.report.id === 'number') return a.report.id;
  return null;
}

/** Download address of the security log as Excel, with the same filters as the list (no paging). */
export function securityLogXlsxUrl(filter: SecurityLogFilter): string {
  return `/api/security-log.xlsx${query({ type: filter.type, login: filter.login, from: filter.from, to: filter.to })}`;
}

/** Download address of a case's reply letter (告知书) or fee notice (收费通知书). */
export function letterUrl(id: number, kind: 'letter' | 'fee-notice', ext: 'docx' | 'pdf'): string {
  return `/api/applications/${id}/${kind}.${ext}`;
}

/**
 * POSTs a multipart form with upload progress (0…1; fetch cannot report it), with the CSRF token, and resolves
 * with the JSON answer; a refusal rejects with the server's ApiError (a 401 ends the session as `request` does).
 */
export function uploadForm<T>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('accept', 'application/json');
    const csrf = csrfToken();
    if (csrf) xhr.setRequestHeader('x-csrf-token', csrf);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, 'NETWORK', '无法连接服务器，请检查网络后重试。'));
    xhr.onload = () => {
      let body: unknown = null;
      try { body = xhr.responseText ? JSON.parse(xhr.responseText) : null; } catch { body = null; }
      if (xhr.status >= 200 && xhr.status < 300) { resolve(body as T); return; }
      const b = body as { code?: string; message?: string; problems?: [] } | null;
      const error = b && typeof b.message === 'string'
        ? new ApiError(xhr.status, b.code ?? 'ERROR', b.message, b.problems ?? [])
        : new ApiError(xhr.status, `HTTP_${xhr.status}`, xhr.status === 413 ? '文件过大，超过允许的上传大小。' : `服务器返回错误（HTTP ${xhr.status}）。`);
      if (xhr.status === 401) sessionEnded(error.code, error.message);
      reject(error);
    };
    xhr.send(form);
  });
}
