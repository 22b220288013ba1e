/**
 * A scripted year (2025, src/demo/demo-disclosure-plan.ts) of proactive disclosure for the demo bureau, played
 * THROUGH THE SERVICES — the same use cases the routes call, never a table written directly — by the demo people:
 * 李经办 (jingban, 经办人) drafts and resubmits, 王科长 (kezhang) 初审, 赵保密 (baomi) 保密审查 with the 保密审查表
 * and resolves the scan's findings, 孙局长 (lingdao) 核审签发, 周专员 (gongkai) publishes and withdraws. Each month's
 * 检查清理清单 is produced, decided and signed by 赵保密; in January 2026 the year's Art. 20 counts are entered
 * and the 2025 annual report is created, filled from the data, taken through the chain and published. One 政协提案 is
 * registered, answered and its result published on the portal in 2025 (section 六 of the report reports it).
 *
 * The clock moves through the year: every act is stamped with its own moment (Beijing working days on the
 * working-day calendar, which must cover 2024–2026). Deterministic: the plan is fixed by rule, and the seeded PRNG
 * (mulberry32) only varies wording and minutes. Runs inside the caller's transaction.
 */
import type { Kysely } from 'kysely';
import { findUserByLogin } from '../auth/user.repository.js';
import { calendarService } from '../calendar/calendar.service.js';
import type { Actor } from '../core/actor.js';
import { fixedClock } from '../core/clock.js';
import { addDays } from '../core/calendar/civil-date.js';
import { isWorkingDay, type WorkCalendar } from '../core/calendar/work-calendar.js';
import type { Channel } from '../core/disclosure/channels.js';
import { ConflictError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { catalogueService } from '../disclosure/catalogue.service.js';
import { catalogueVersions } from '../disclosure/catalogue-versions.js';
import { produceChecklist, decideEntry, signOffChecklist } from '../disclosure/checklist.service.js';
import { createItem, editItem, type ItemInput } from '../disclosure/item-drafting.js';
import { resolveFinding } from '../disclosure/item-findings.js';
import { publishItem, reviewItem, submitItem } from '../disclosure/item-review.js';
import { findItemRow, listFindingRows } from '../disclosure/item.repository.js';
import { withdrawPublication } from '../disclosure/publication-withdrawal.js';
import { proposalService } from '../proposals/proposal.service.js';
import { reviewReport } from '../reports/report-review.js';
import { reportService } from '../reports/report.service.js';
import { enterArt20Count } from '../statistics/table2.service.js';
import { narrativeFigures } from '../reports/narrative-figures.js';
import { addAttachment, checkUpload, removeAttachment } from '../disclosure/item-attachments.js';
import { attachmentsOf } from '../disclosure/item-drafting.js';
import { demoDocx } from './demo-attachments.js';
import {
  ART20_ENTRIES, ATTACHMENT_PII, COMBOS, DEMO_YEAR, NORMATIVE_2024, NORMATIVE_2025, NORMATIVE_CHANNELS, ORDINARY_LEAVES, PER_MONTH, PII_ITEMS,
  RETURNS, WITHDRAWALS, type NormativePlan,
} from './demo-disclosure-plan.js';
import { seededRandom } from '../core/seeded-random.js';

/** What the script did (for the caller's log and the test). */
export interface ScriptedYearResult {
  year: number;
  items: number;
  reportId: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const CN_MONTH = (m: number) => `${m}月`;

/** Wording of ordinary items per leaf: a title for month m and variant v. DEMO CONTENT. */
const TITLES: Readonly<Record<(typeof ORDINARY_LEAVES)[number], (m: number, v: number) => string>> = {
  机构概况: (m) => `威海市环翠区行政审批服务局机构概况（${DEMO_YEAR}年${CN_MONTH(m)}更新）`,
  领导信息: (m) => `局领导分工调整情况（${DEMO_YEAR}年${CN_MONTH(m)}）`,
  内设机构: (m) => `内设科室职责及联系方式（${DEMO_YEAR}年${CN_MONTH(m)}更新）`,
  下属单位: (m) => `环翠区政务服务中心职责简介（${DEMO_YEAR}年${CN_MONTH(m)}更新）`,
  办公地址和联系方式: (m) => `本局办公地址、办公时间和联系电话（${DEMO_YEAR}年${CN_MONTH(m)}）`,
  工作动态: (m, v) => [`环翠区政务服务大厅推行“周末不打烊”服务`, `区行政审批服务局开展“局长走流程”活动`, `环翠区“高效办成一件事”改革取得新进展`][v % 3]! + `（${CN_MONTH(m)}）`,
  通知公告: (m, v) => [`关于${CN_MONTH(m)}政务服务大厅系统升级暂停部分业务办理的公告`, `关于调整政务服务大厅节假日办公安排的通知`, `关于开展${CN_MONTH(m)}“政务服务开放日”活动的公告`][v % 3]!,
  政务服务大厅建设: (m) => `环翠区政务服务大厅综合窗口改造进展情况（${CN_MONTH(m)}）`,
  便民服务信息: (m, v) => [`企业开办全程网办操作指引`, `“一网通办”手机端办事指引`, `帮办代办服务预约方式`][v % 3]! + `（${CN_MONTH(m)}）`,
  规章: (m, v) => [`《威海市政务服务管理办法》（市政府规章，转载供查阅）`, `《威海市优化营商环境条例》实施相关规定（转载供查阅）`][v % 2]! + `（${CN_MONTH(m)}）`,
  其他政策文件: (m) => `威海市环翠区行政审批服务局关于做好${DEMO_YEAR}年政务服务“好差评”工作的通知（${CN_MONTH(m)}）`,
  政策解读: (m, v) => [`《环翠区企业开办“一件事”办理规程》政策解读`, `图解：告知承诺制审批怎么办`, `一图读懂“免证办”`][v % 3]! + `（${CN_MONTH(m)}）`,
  行政许可事项清单: (m) => `环翠区行政许可事项清单（${DEMO_YEAR}年${CN_MONTH(m)}动态调整）`,
  办事指南: (m, v) => [`食品经营许可办事指南`, `建筑工程施工许可证核发办事指南`, `药品零售企业许可办事指南`, `道路货物运输经营许可办事指南`][v % 4]! + `（${DEMO_YEAR}年版）`,
  行政许可办理结果: (m) => `${DEMO_YEAR}年${CN_MONTH(m)}行政许可办理结果公示`,
  其他对外管理服务事项: (m) => `${DEMO_YEAR}年${CN_MONTH(m)}“双随机、一公开”抽查结果`,
  收费项目及标准: (m) => `本局行政事业性收费项目情况说明（${DEMO_YEAR}年${CN_MONTH(m)}）`,
  建议提案办理: (m, v) => [`对区政协十届四次会议第${30 + v}号提案的答复`, `对区人大十八届五次会议第${12 + v}号建议的答复`][v % 2]! + `（${CN_MONTH(m)}）`,
  审批服务统计: (m) => `${DEMO_YEAR}年${m > 1 ? `1—${m - 1}月` : '上年度'}审批服务工作统计`,
  部门预算决算: (m, v) => [`威海市环翠区行政审批服务局${DEMO_YEAR}年部门预算`, `威海市环翠区行政审批服务局${DEMO_YEAR - 1}年部门决算`][v % 2]! + `（${CN_MONTH(m)}）`,
  政府信息公开工作年度报告: (m) => `关于${DEMO_YEAR - 1}年度政府信息公开工作年度报告的补充说明（${CN_MONTH(m)}）`,
};

const DEMO_NOTE = '本条为演示数据，内容系虚构。';

/** The 保密审查表 clearing the channels. */
function secrecyForm(channels: readonly Channel[], personalInfo = false) {
  return {
    stateSecret: false, workSecret: false, personalInfo, tradeSecret: false,
    channelsFit: Object.fromEntries(channels.map((c) => [c, true])),
    conclusion: personalInfo ? '所含个人信息已删除或经核实可以公开，不涉及国家秘密、工作秘密和商业秘密，同意公开。' : '不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开。',
  };
}

async function demoActor(db: Kysely<Database>, login: string): Promise<Actor> {
  const user = await findUserByLogin(db, login);
  if (!user) throw new ConflictError(`缺少演示用户 ${login}，无法演练演示年度`, 'DEMO_USER_MISSING');
  return { id: user.id, name: user.name };
}

/**
 * Plays the scripted year for the bureau (its catalogue must be the seed template, its users the demo users) in
 * the caller's transaction. Returns what it made.
 */
export async function playDemoDisclosureYear(trx: Kysely<Database>, bureau: { id: number; name: string }): Promise<ScriptedYearResult> {
  const rng = seededRandom(20250101);
  const [drafter, head, secrecy, leader, publisher] = await Promise.all(
    ['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map((login) => demoActor(trx, login)),
  );
  const calendar: WorkCalendar = await calendarService(trx, fixedClock(`${DEMO_YEAR}-01-01T00:00:00.000Z`)).load();
  const leaves = new Map<string, number>();
  const walk = (nodes: Awaited<ReturnType<ReturnType<typeof catalogueService>['tree']>>) => {
    for (const n of nodes) {
      if (n.children.length === 0) leaves.set(n.name, n.id);
      walk(n.children);
    }
  };
  walk(await catalogueService(trx, fixedClock(`${DEMO_YEAR}-01-01T00:00:00.000Z`)).tree(bureau.id));

  /** The first working day on or after `day`. */
  const working = (day: string): string => {
    let d = day;
    while (!isWorkingDay(calendar, d)) d = addDays(d, 1);
    return d;
  };
  /** The next working day after `day`. */
  const nextWorking = (day: string) => working(addDays(day, 1));
  /** A moment of a Beijing working day: hour `h` (Beijing) and a PRNG minute. */
  let minutes = rng;
  const at = (day: string, h: number) => new Date(Date.parse(`${day}T${pad(h)}:${pad(minutes.int(50) + 5)}:00+08:00`)).toISOString();

  /**
   * Takes an item's current version through submit → 初审 → 保密审查 → 签发 → publish, from `day`; applies a
   * planned return (the drafter edits and resubmits) and resolves the scan's findings. Returns the day published.
   */
  async function chain(
    id: number, day: string, channels: readonly Channel[],
    opts: { ret?: { step: 'first-review' | 'sign-off'; reason: string }; pii?: 'applicant' | 'office-phone'; attachment?: { reason: string; clean: Uint8Array } } = {},
  ): Promise<string> {
    let d = working(day);
    await submitItem(trx, id, drafter!, fixedClock(at(d, 9)), '请审核');
    d = nextWorking(d);
    if (opts.ret?.step === 'first-review') {
      await reviewItem(trx, id, { step: 'first-review', decision: 'return', reason: opts.ret.reason }, head!, fixedClock(at(d, 10)));
      d = nextWorking(d);
      const row = (await findItemRow(trx, id))!;
      await editItem(trx, id, row.version, { summary: `${row.summary}（已按初审意见修改）` }, drafter!, calendar, at(d, 9));
      await submitItem(trx, id, drafter!, fixedClock(at(d, 11)), '已按初审意见修改，请审核');
      d = nextWorking(d);
    }
    await reviewItem(trx, id, { step: 'first-review', decision: 'pass', comment: '同意' }, head!, fixedClock(at(d, 10)));
    if (opts.pii) {
      // The scan's findings of the version under review: removed (redacted) or confirmed with a reason.
      for (;;) {
        const row = (await findItemRow(trx, id))!;
        const open = (await listFindingRows(trx, id, row.version)).filter((f) => f.resolution === null);
        if (open.length === 0) break;
        const f = open[0]!;
        await resolveFinding(trx, id, f.id, opts.pii === 'applicant'
          ? { resolution: 'removed' }
          : { resolution: 'confirmed', reason: '该号码为本局对外公布的办公电话，不属于个人信息，可以公开' }, secrecy!, at(d, 14));
      }
    }
    if (opts.attachment) {
      // The list attached names an applicant: returned; the drafter replaces the attachment and resubmits.
      await reviewItem(trx, id, { step: 'secrecy-review', decision: 'return', reason: opts.attachment.reason }, secrecy!, fixedClock(at(d, 15)));
      d = nextWorking(d);
      for (const a of attachmentsOf((await findItemRow(trx, id))!)) await removeAttachment(trx, id, a.hash, drafter!, at(d, 9));
      await addAttachment(trx, id, await checkUpload('行政许可办理结果名单.docx', opts.attachment.clean), drafter!, at(d, 9));
      return chain(id, d, channels, {});
    }
    await reviewItem(trx, id, { step: 'secrecy-review', decision: 'pass', form: secrecyForm(channels, opts.pii !== undefined) }, secrecy!, fixedClock(at(d, 15)));
    d = nextWorking(d);
    if (opts.ret?.step === 'sign-off') {
      await reviewItem(trx, id, { step: 'sign-off', decision: 'return', reason: opts.ret.reason }, leader!, fixedClock(at(d, 10)));
      d = nextWorking(d);
      const row = (await findItemRow(trx, id))!;
      await editItem(trx, id, row.version, { issuer: bureau.name }, drafter!, calendar, at(d, 9));
      return chain(id, d, channels, {});
    }
    await reviewItem(trx, id, { step: 'sign-off', decision: 'pass', comment: '同意发布' }, leader!, fixedClock(at(d, 16)));
    d = nextWorking(d);
    await publishItem(trx, id, channels, publisher!, fixedClock(at(d, 10)));
    return d;
  }

  let items = 0;
  const normativeIds = new Map<string, number>();
  const normativeInput = (p: NormativePlan): ItemInput => ({
    title: p.title, docNo: p.docNo, writtenOn: p.madeOn, changedOn: p.madeOn, madeOn: p.madeOn, normativeKind: 'normative',
    categoryId: leaves.get('行政规范性文件')!, theme: '综合政务\\电子政务', keywords: '政务服务 行政规范性文件',
    summary: `${p.title.replace(/^.*关于印发/, '印发').replace(/的通知$/, '')}，自印发之日起施行。${DEMO_NOTE}`,
    bodyHtml: `<p>${DEMO_NOTE}</p><p>各有关单位：</p><p>现将有关办法印发给你们，请认真贯彻执行。</p><p>${bureau.name}</p><p>${p.madeOn}</p>`,
    office: '政策法规科',
  });
  const makeNormative = async (p: NormativePlan) => {
    const { item } = await createItem(trx, bureau.id, normativeInput(p), drafter!, calendar, at(p.madeOn, 9));
    normativeIds.set(p.key, item.id);
    items++;
    await chain(item.id, p.madeOn, NORMATIVE_CHANNELS);
  };
  /** Amends or repeals a published 行政规范性文件: a new version through the chain, republished. */
  const changeNormative = async (p: NormativePlan, kind: 'amend' | 'repeal') => {
    const id = normativeIds.get(p.key)!;
    const row = (await findItemRow(trx, id))!;
    const day = kind === 'amend' ? p.amendedOn! : p.repealedOn!;
    const patch = kind === 'amend'
      ? { amendedOn: day, changedOn: day, summary: `${row.summary}（${day}修订）` }
      : { validity: 'repealed' as const, repealedOn: day, changedOn: day, summary: `${row.summary}（已于${day}废止）` };
    await editItem(trx, id, row.version, patch, drafter!, calendar, at(day, 9));
    await chain(id, day, kind === 'amend' ? NORMATIVE_CHANNELS : ['portal']);
  };

  // Prologue: the catalogue (the seed template) through the chain and on the portal in December 2024, then the
  // two 行政规范性文件 of late 2024, published that month.
  {
    let d = working('2024-12-02');
    const versions = (h: number) => catalogueVersions(trx, fixedClock(at(d, h)));
    const submitted = await versions(9).submit(bureau.id, drafter!, '主动公开基本目录送审');
    await versions(10).decide(bureau.id, submitted.version, { step: 'first-review', decision: 'pass' }, head!);
    await versions(15).decide(bureau.id, submitted.version, { step: 'secrecy-review', decision: 'pass', form: secrecyForm(['portal']) }, secrecy!);
    d = nextWorking(d);
    await versions(10).decide(bureau.id, submitted.version, { step: 'sign-off', decision: 'pass' }, leader!);
    await versions(15).publish(bureau.id, submitted.version, ['portal'], publisher!);
  }
  for (const p of NORMATIVE_2024) {
    const { item } = await createItem(trx, bureau.id, normativeInput(p), drafter!, calendar, at(p.madeOn, 9));
    normativeIds.set(p.key, item.id);
    items++;
    await chain(item.id, '2024-12-09', NORMATIVE_CHANNELS);
  }

  /**
   * One 政协提案 through to its published result (the seed's section 六: answered, the result published in August),
   * played in its months: registered in April; in July answered within three months, the member satisfied, the result
   * drafted as an item from the answer and published on the portal through the chain (on 1 August). Its minutes come
   * from a PRNG of its own, so the rest of the year is played exactly as before.
   */
  const proposalRng = seededRandom(20250410);
  const proposals = (day: string, h: number) => proposalService(trx, fixedClock(ownMinutes(() => at(day, h))), calendar);
  function ownMinutes<T>(work: () => T): T {
    minutes = proposalRng;
    try {
      return work();
    } finally {
      minutes = rng;
    }
  }
  let demoProposalId = 0;
  async function proposalMonth(month: number): Promise<void> {
    if (month === 4) {
      demoProposalId = (await proposals(working('2025-04-10'), 10).register(bureau.id, {
        kind: 'cppcc', sourceNo: '第 36 号', title: '关于提升政务服务大厅帮办代办服务水平的提案', proposer: '区政协委员张某某（演示）',
        receivedOn: '2025-04-08', assignedOn: '2025-04-10', leadOffice: '政务服务科', coOffices: ['审批一科'],
      }, drafter!)).id;
    }
    if (month === 7) {
      await proposals('2025-07-10', 15).answer(bureau.id, demoProposalId, {
        answeredOn: '2025-07-10',
        replyText: `${DEMO_NOTE}\n张某某委员：\n您提出的《关于提升政务服务大厅帮办代办服务水平的提案》收悉。经研究，现答复如下：\n`
          + '一、在政务服务大厅设立帮办代办专区，配备专职帮办代办人员；二、推行企业开办、工程建设项目审批等事项全程帮办；三、建立帮办代办服务评价机制。\n'
          + '感谢您对行政审批服务工作的关心和支持。',
      }, drafter!);
      await proposals('2025-07-24', 10).feedback(bureau.id, demoProposalId, { feedback: 'satisfied', feedbackOn: '2025-07-24' }, drafter!);
      const linked = await proposals('2025-07-28', 9).prepareResult(bureau.id, demoProposalId, { categoryId: leaves.get('建议提案办理') ?? null }, drafter!);
      items++;
      // Played after July's items, before July's checklist; its minutes from the proposal's PRNG as well.
      minutes = proposalRng;
      try {
        await chain(linked.resultItemId!, '2025-07-29', ['portal']);
      } finally {
        minutes = rng;
      }
    }
  }

  const ordinaryIds: number[] = [];
  for (let month = 1; month <= 12; month++) {
    const m = `${DEMO_YEAR}-${pad(month)}`;
    // Ordinary items of the month, started on days 2, 4, … 14.
    for (let k = 0; k < PER_MONTH; k++) {
      const n = (month - 1) * PER_MONTH + k;
      const leaf = ORDINARY_LEAVES[n % ORDINARY_LEAVES.length]!;
      const start = working(`${m}-${pad(2 + 2 * k)}`);
      const pii = PII_ITEMS.find((p) => p.n === n)?.kind;
      const title = TITLES[leaf](month, rng.int(12));
      const piiText = pii === 'applicant'
        ? '<p>申请人：张某某，联系电话：13806311234，身份证号码：11010519491231002X。</p>'
        : pii === 'office-phone' ? '<p>咨询电话：0631-5229038（本局办公室）。</p>' : '';
      const { item } = await createItem(trx, bureau.id, {
        title, writtenOn: start, categoryId: leaves.get(leaf)!, summary: `${title}。${DEMO_NOTE}`,
        bodyHtml: `<p>${DEMO_NOTE}</p><p>${title}。</p>${piiText}<p>${bureau.name}</p>`,
        keywords: leaf, office: rng.pick(['政务公开科', '审批一科', '审批二科', '办公室']),
        docNo: leaf === '其他政策文件' ? `环审批字〔${DEMO_YEAR}〕${n + 1}号` : null,
      }, drafter!, calendar, at(start, 9));
      items++;
      ordinaryIds.push(item.id);
      const ret = RETURNS.find((r) => r.n === n);
      let attachment: { reason: string; clean: Uint8Array } | undefined;
      if (n === ATTACHMENT_PII.n) {
        const rows = (id: boolean) => ['行政许可办理结果名单（演示数据）', '序号 事项 申请人 决定', `1 食品经营许可 张某某${id ? ' 身份证号码 11010519491231002X' : ''} 准予许可`];
        await addAttachment(trx, item.id, await checkUpload('行政许可办理结果名单.docx', await demoDocx(rows(true))), drafter!, at(start, 9));
        attachment = { reason: ATTACHMENT_PII.reason, clean: await demoDocx(rows(false)) };
      }
      await chain(item.id, start, COMBOS[n % COMBOS.length]!, { ...(ret ? { ret } : {}), ...(pii ? { pii } : {}), ...(attachment ? { attachment } : {}) });
    }
    // 行政规范性文件 made, amended or repealed this month.
    for (const p of NORMATIVE_2025) if (p.madeOn.startsWith(m)) await makeNormative(p);
    for (const p of [...NORMATIVE_2024, ...NORMATIVE_2025]) {
      if (p.amendedOn?.startsWith(m)) await changeNormative(p, 'amend');
      if (p.repealedOn?.startsWith(m)) await changeNormative(p, 'repeal');
    }
    // Withdrawals made directly during the month (day 27 or the next working day).
    for (const w of WITHDRAWALS.filter((x) => x.by === 'direct' && Math.floor(x.n / PER_MONTH) + 1 === month)) {
      const pub = await trx.selectFrom('channel_publications').select('id')
        .where('subject_kind', '=', 'item').where('subject_id', '=', ordinaryIds[w.n]!).where('channel', '=', w.channel).executeTakeFirstOrThrow();
      await withdrawPublication(trx, Number(pub.id), w.reason, publisher!, new Date(at(working(`${m}-27`), 11)));
    }
    await proposalMonth(month);
    // The month's checklist: produced on the first working day of the next month, checked, signed.
    const next = month === 12 ? `${DEMO_YEAR + 1}-01-01` : `${DEMO_YEAR}-${pad(month + 1)}-01`;
    const day = working(next);
    const list = await produceChecklist(trx, bureau.id, m, secrecy!, new Date(at(day, 9)));
    const toWithdraw = new Map(WITHDRAWALS.filter((w) => Math.floor(w.n / PER_MONTH) + 1 === month)
      .map((w) => [`${ordinaryIds[w.n]}:${w.channel}`, w.reason]));
    for (const e of list.entries) {
      const reason = toWithdraw.get(`${e.itemId}:${e.channel}`);
      await decideEntry(trx, bureau.id, m, e.id, reason ? { decision: 'withdraw', reason } : { decision: 'keep' }, secrecy!, new Date(at(day, 10)));
    }
    await signOffChecklist(trx, bureau.id, m, secrecy!, new Date(at(day, 16)));
  }

  // January 2026: the Art. 20 counts entered, the report created, filled from the data, reviewed, published.
  const y = DEMO_YEAR + 1;
  let d = working(`${y}-01-12`);
  for (const e of ART20_ENTRIES) {
    await enterArt20Count(trx, { agencyId: bureau.id, year: DEMO_YEAR, ...e }, drafter!, at(d, 10));
  }
  const clockAt = (h: number) => fixedClock(at(d, h));
  const created = await reportService(trx, clockAt(11)).create({ agencyId: bureau.id, year: DEMO_YEAR }, drafter!);
  const filled = await reportService(trx, clockAt(14)).fillFromData(created.id, drafter!, d);
  const figures = await narrativeFigures(trx, bureau.id, DEMO_YEAR);
  const figure = (label: string) => figures.find((f) => f.label.includes(label))?.value ?? 0;
  d = nextWorking(d);
  const issuedOn = nextWorking(nextWorking(nextWorking(d)));
  const doc = filled.report.document;
  const text = `${DEMO_YEAR}年，本局主动公开政府信息${figure('不重复计算')}条（各渠道发布合计${figure('各渠道发布合计')}次），`
    + `其中通过政府网站公开${figure('政府网站')}次、政务微信公众号${figure('政务微信')}次、公开栏和LED显示屏${figure('公开栏和LED显示屏')}次。（演示数据）`;
  const texts: Record<string, string[]> = {
    一: [`${DEMO_YEAR}年，本局坚持以公开为常态、不公开为例外，围绕政务服务改革做好主动公开，所有信息均经科室负责人初审、办公室保密审查、局领导签发后发布，每月开展互联网信息发布检查清理。（演示数据）`],
    二: [text, `${DEMO_YEAR}年制发行政规范性文件6件，修订1件，废止2件，均在政府网站和政府信息公开查阅点公开。（演示数据）`],
    三: [`${DEMO_YEAR}年，本局依申请公开工作情况见下表。（演示数据）`],
    四: [`${DEMO_YEAR}年，本局未发生因政府信息公开引起的行政复议、行政诉讼。（演示数据）`],
    五: ['部分公开信息的时效管理仍需加强，已通过每月检查清理清单及时撤回过时信息。（演示数据）'],
    六: [`${(await proposalService(trx, clockAt(11), calendar).yearCounts(bureau.id, DEMO_YEAR)).text}（演示数据）`,
      '本局未收取信息处理费。本报告中所列数据的统计期限为本年度1月1日至12月31日。（演示数据）'],
  };
  const sections = doc.sections.map((s) => ({ ...s, paragraphs: texts[s.key] ?? s.paragraphs }));
  await reportService(trx, clockAt(9)).update(created.id, { ...doc, issuedOn, sections }, drafter!, '演示数据：补充正文和成文日期');
  await reportService(trx, clockAt(11)).submit(created.id, drafter!, '请审核');
  d = nextWorking(d);
  await reviewReport(trx, created.id, { step: 'first-review', decision: 'pass', comment: '数据已核对' }, head!, new Date(at(d, 10)));
  await reviewReport(trx, created.id, { step: 'secrecy-review', decision: 'pass', form: secrecyForm(['portal']) }, secrecy!, new Date(at(d, 15)));
  d = nextWorking(d);
  await reviewReport(trx, created.id, { step: 'sign-off', decision: 'pass', comment: '同意发布' }, leader!, new Date(at(d, 10)));
  d = working(issuedOn);
  await reportService(trx, clockAt(10)).publish(created.id, publisher!);
  return { year: DEMO_YEAR, items, reportId: created.id };
}
