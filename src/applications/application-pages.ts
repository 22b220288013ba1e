/**
 * The public pages of disclosure applications: the online application form (条例 Art. 29: what an
 * application must contain), the receipt with the query code, and the status page. Plain HTML in formal
 * zh-CN that works without JavaScript. The status page shows the case's number, state and dates only:
 * no applicant's personal data appears on any public page.
 */
import { APPLICANT_TYPES } from '../core/applications/applicant-types.js';
import { portalPage, type PageContext } from '../portal/portal-layout.js';
import { html, raw, type Html } from '../render/html/template.js';
import type { ApplicationDetail, PublicStatus } from './application-view.js';

/** What the form holds (as typed, to show it again after an error). */
export type ApplyFormValues = Partial<Record<
  'agencyId' | 'applicantType' | 'name' | 'idType' | 'idNumber' | 'phone' | 'address' | 'email' | 'subject' | 'formWanted', string>>;

const STYLE = raw(`<style>
form.apply{display:grid;gap:1rem;max-width:44rem}
form.apply fieldset{border:1px solid #d0d4d9;padding:.75rem 1rem 1rem;display:grid;gap:.75rem}
form.apply legend{font-weight:700;padding:0 .4rem}
form.apply label{display:grid;gap:.25rem;font-weight:600}
form.apply .hint{font-weight:400;color:var(--muted);font-size:.9rem}
form.apply input,form.apply select,form.apply textarea{font:inherit;padding:.45rem .55rem;border:1px solid #6b6b6b;border-radius:2px;width:100%;background:var(--panel);color:var(--text)}
form.apply textarea{min-height:7rem}
form.apply button,form.status button{font:inherit;background:var(--brand);color:var(--brand-text);border:1px solid var(--brand-text);padding:.6rem 1.6rem;cursor:pointer;justify-self:start}
.error{border-left:4px solid var(--focus);background:var(--head);padding:.6rem 1rem;margin:0 0 1rem}
.code{font-size:1.6rem;font-weight:700;letter-spacing:.12em;font-family:monospace;background:var(--head);border:1px dashed var(--brand-text);padding:.4rem 1rem;display:inline-block}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1.25rem}
dl.facts dt{font-weight:700}
dl.facts dd{margin:0}
form.status{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}
form.status label{display:grid;gap:.25rem;font-weight:600}
form.status input{font:inherit;padding:.45rem .55rem;border:1px solid #6b6b6b;background:var(--panel);color:var(--text);min-width:16rem}
</style>`);

const CRUMBS_HOME = { label: '首页', href: '/' };

function field(name: keyof ApplyFormValues, label: string, values: ApplyFormValues, options: { required?: boolean; type?: string; hint?: string; autocomplete?: string } = {}): Html {
  const hint = options.hint ? html`<span class="hint" id="${name}-hint">${options.hint}</span>` : '';
  return html`<label for="${name}">${label}${options.required ? '（必填）' : ''}${hint}<input id="${name}" name="${name}" type="${options.type ?? 'text'}" value="${values[name] ?? ''}"${options.required ? raw(' required') : ''}${options.hint ? html` aria-describedby="${name}-hint"` : ''}${options.autocomplete ? html` autocomplete="${options.autocomplete}"` : ''}></label>`;
}

function select(name: keyof ApplyFormValues, label: string, values: ApplyFormValues, choices: Array<[string, string]>): Html {
  const current = values[name] ?? '';
  return html`<label for="${name}">${label}（必填）<select id="${name}" name="${name}" required>${choices.map(([v, l]) => html`<option value="${v}"${v === current ? raw(' selected') : ''}>${l}</option>`)}</select></label>`;
}

/** The online application form; `error` (already a sentence) is shown above it with the values kept. */
export function applyFormPage(page: PageContext, agencies: Array<{ id: number; name: string }>, values: ApplyFormValues = {}, error?: string): string {
  const main = html`${STYLE}<h1>政府信息公开申请</h1>
<p>依据《中华人民共和国政府信息公开条例》第二十七条至第二十九条，公民、法人或者其他组织可以向行政机关申请获取政府信息。提交后系统即确认收到申请，并给出查询码，请妥善保存，凭查询码可查询办理状态和答复期限。</p>
${error ? html`<p class="error" role="alert">提交未成功：${error}</p>` : ''}<form class="apply" method="post" action="/apply">
<fieldset><legend>受理机关</legend>
${select('agencyId', '向哪个机关申请', values, [['', '请选择'], ...agencies.map((a): [string, string] => [String(a.id), a.name])])}
</fieldset>
<fieldset><legend>申请人信息</legend>
${select('applicantType', '申请人类型', values, [['', '请选择'], ...APPLICANT_TYPES.map((t): [string, string] => [t.type, t.natural ? t.type : `法人或其他组织：${t.type}`])])}
${field('name', '姓名或名称', values, { required: true, autocomplete: 'name' })}
${select('idType', '身份证明类型', values, [['resident-id', '居民身份证（自然人）'], ['uscc', '统一社会信用代码（法人或其他组织）'], ['other', '其他身份证明文件']])}
${field('idNumber', '身份证明号码', values, { required: true, hint: '居民身份证号码为18位，末位可为X；统一社会信用代码为18位。' })}
${field('phone', '联系电话', values, { required: true, type: 'tel', autocomplete: 'tel' })}
${field('address', '通信地址', values, { autocomplete: 'street-address' })}
${field('email', '电子邮箱', values, { type: 'email', autocomplete: 'email' })}
</fieldset>
<fieldset><legend>申请内容</legend>
<label for="subject">所需政府信息的名称、文号或者便于行政机关查询的其他特征性描述（必填）<textarea id="subject" name="subject" required>${values.subject ?? ''}</textarea></label>
${field('formWanted', '获取信息的方式、途径', values, { required: true, hint: '如：纸质文本邮寄、电子邮件、当面领取。' })}
</fieldset>
<button type="submit">提交申请</button>
</form>
<p class="note">您提交的个人信息仅用于办理本申请，不会在任何公开页面显示。</p>`;
  return portalPage(page, { title: '政府信息公开申请', crumbs: [CRUMBS_HOME, { label: '政府信息公开申请' }], main });
}

function facts(s: { caseNo: string; state: string; stateName: string; receivedOn: string; dueOn: string | null; decidedOn: string | null }): Html {
  // A received case without a deadline: the deadline runs into a year whose holidays are not yet entered.
  const due = s.dueOn ?? (s.decidedOn ? '—' : s.state === 'received'
    ? '待确定（自收到申请之日起 20 个工作日，以国务院办公厅公布的节假日安排计算）'
    : '暂停计算（等待补正、征求意见或缴费期间）');
  return html`<dl class="facts">
<dt>登记号</dt><dd>${s.caseNo}</dd>
<dt>办理状态</dt><dd>${s.stateName}</dd>
<dt>收到申请日期</dt><dd>${s.receivedOn}</dd>
<dt>答复期限</dt><dd>${due}</dd>
${s.decidedOn ? html`<dt>办结日期</dt><dd>${s.decidedOn}</dd>` : ''}
</dl>`;
}

/** The receipt after an online application: the query code and the deadline; nothing personal. */
export function appliedPage(page: PageContext, a: ApplicationDetail): string {
  const main = html`${STYLE}<h1>申请已收到</h1>
<p>${a.agencyName}已于 ${a.receivedOn} 收到您的政府信息公开申请，将自收到申请之日起20个工作日内予以答复（《中华人民共和国政府信息公开条例》第三十三条）。</p>
<p>您的查询码：</p>
<p class="code">${a.queryCode ?? ''}</p>
<p>请记录并妥善保存查询码。凭查询码可在<a href="/status?code=${encodeURIComponent(a.queryCode ?? '')}">办理状态查询</a>页面查看办理状态和答复期限。</p>
${facts(a)}`;
  return portalPage(page, { title: '申请已收到', crumbs: [CRUMBS_HOME, { label: '政府信息公开申请', href: '/apply' }, { label: '申请已收到' }], main });
}

/** The status page: a query form, and the case's status when found (or a message when not). */
export function statusPage(page: PageContext, code: string, status: PublicStatus | null, message?: string): string {
  const result = status
    ? html`<section><h2>办理状态</h2>${facts(status)}</section>`
    : message ? html`<p class="error" role="alert">${message}</p>` : '';
  const main = html`${STYLE}<h1>办理状态查询</h1>
<form class="status" method="get" action="/status">
<label for="code">查询码<input id="code" name="code" value="${code}" required autocomplete="off"></label>
<button type="submit">查询</button>
</form>
${result}
<p class="note">本页只显示登记号、办理状态和日期，不显示申请人信息。</p>`;
  return portalPage(page, { title: '办理状态查询', crumbs: [CRUMBS_HOME, { label: '办理状态查询' }], main });
}
