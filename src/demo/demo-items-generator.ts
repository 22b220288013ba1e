/**
 * Demo volume (issue 10, Deliver 8): a deterministic, seeded generator of a few hundred realistic — and clearly
 * demo — government information items for the demo bureau's catalogue, so its portal is worth looking at: 通知,
 * 公告, 工作动态, 办理结果公示, 政策解读, 办事指南, and some 行政规范性文件 with their 文号 (威环审批发〔2024〕12号,
 * 威环审批规〔2024〕3号), dates on Beijing working days, bodies of a few paragraphs each ending with the demo note.
 *
 * Every item goes THROUGH THE SERVICES, as the routes do it, by the demo people: 李经办 (jingban) drafts and submits
 * (the body is scanned), 王科长 (kezhang) 初审, 赵保密 (baomi) 保密审查 with the 保密审查表, 孙局长 (lingdao) 签发,
 * 周专员 (gongkai) publishes to the portal — so every publication carries its recorded chain (the invariant of
 * test/http/publication-invariant.test.ts holds). Each act is stamped with its own moment of the item's day.
 * `demoItemPlans` is pure (the same list for the same seed and count); `addDemoItems` plays it in the caller's
 * transaction. Too slow for every server start at a few hundred items: run by `gongkai demo items --count N`.
 */
import type { Kysely } from 'kysely';
import { findUserByLogin } from '../auth/user.repository.js';
import { calendarService } from '../calendar/calendar.service.js';
import type { Actor } from '../core/actor.js';
import { fixedClock } from '../core/clock.js';
import { isWorkingDay, type WorkCalendar } from '../core/calendar/work-calendar.js';
import { ConflictError, ValidationError } from '../core/errors.js';
import type { Database } from '../db/schema.js';
import { catalogueService } from '../disclosure/catalogue.service.js';
import { createItem } from '../disclosure/item-drafting.js';
import { publishItem, reviewItem, submitItem } from '../disclosure/item-review.js';
import { seededRandom, type SeededRandom } from '../core/seeded-random.js';

/** What marks every generated body (and the summary): the content is invented. */
export const DEMO_ITEM_NOTE = '本条为演示数据，内容系虚构，仅用于展示平台功能。';
/** Most items one run may add. */
export const MAX_DEMO_ITEMS = 2000;

/** One item to make. */
export interface DemoItemPlan {
  /** The catalogue leaf (by name, of the demo bureau's seed catalogue). */
  leaf: string;
  title: string;
  docNo: string | null;
  /** 成文日期 and the day it is published (a working day, a few days later). */
  writtenOn: string;
  publishOn: string;
  office: string;
  normative: boolean;
  bodyHtml: string;
}

const SUBJECTS = [
  '行政审批服务事项清单', '政务服务“好差评”工作实施方案', '企业开办“一件事”办理规程', '告知承诺制审批管理办法', '帮办代办服务规范',
  '政务服务大厅窗口服务规范', '“高效办成一件事”重点事项清单', '行政许可容缺受理工作细则', '投资项目审批“全程网办”工作方案',
  '政务服务事项标准化工作规范', '证明事项告知承诺制实施办法', '“一网通办”事项目录', '审批服务“跨省通办”事项清单',
];
const NEWS = [
  '环翠区政务服务大厅推行“周末不打烊”延时服务', '区行政审批服务局开展“局长走流程”活动', '环翠区企业开办实现“一日办结”',
  '区行政审批服务局召开窗口服务质量提升推进会', '环翠区“高效办成一件事”改革再提速', '区行政审批服务局走访重点项目开展帮办服务',
  '环翠区政务服务“好差评”满意率持续保持高位', '区行政审批服务局开展政务服务进社区活动', '环翠区上线“免证办”服务场景',
];
const NOTICES = [
  '关于政务服务大厅系统升级暂停部分业务办理的公告', '关于调整政务服务大厅节假日办公安排的通知', '关于开展“政务服务开放日”活动的公告',
  '关于启用新版行政许可申请表的公告', '关于公开征求《环翠区政务服务事项办事指南（修订稿）》意见的公告',
];
const GUIDES = ['食品经营许可', '建筑工程施工许可证核发', '药品零售企业许可', '道路货物运输经营许可', '公共场所卫生许可', '人力资源服务许可'];
const OFFICES = ['综合科', '审批一科', '审批二科', '政务服务科'];
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** The leaves the generator writes into (names of the seed catalogue, src/core/disclosure/catalogue-templates.ts) and their weight. */
const LEAVES: readonly [string, number][] = [
  ['工作动态', 30], ['通知公告', 14], ['其他政策文件', 10], ['行政规范性文件', 5], ['政策解读', 8], ['办事指南', 8],
  ['行政许可办理结果', 12], ['便民服务信息', 5], ['其他对外管理服务事项', 5], ['审批服务统计', 3],
];

/** Whole days added to a YYYY-MM-DD date. */
function plusDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Paragraphs of an invented body about `subject`, ending with the demo note. */
function body(subject: string, rng: SeededRandom): string {
  const openings = [
    `为深入贯彻落实党中央、国务院关于深化“放管服”改革、优化营商环境的决策部署，进一步提升${subject}工作水平，结合本局实际，现将有关事项通知如下。`,
    `根据《中华人民共和国政府信息公开条例》和上级有关要求，现就${subject}有关情况公开如下。`,
    `为方便企业和群众办事，本局围绕${subject}持续优化服务流程、压减办理环节，取得阶段性成效。`,
  ];
  const middles = [
    '一、明确工作目标。坚持以企业和群众需求为导向，推动审批服务标准化、规范化、便利化。',
    '二、压实工作责任。各科室要明确责任分工，细化工作措施，确保各项任务按期完成。',
    '三、强化监督检查。对工作推进情况开展跟踪检查，及时发现和解决问题。',
    '四、加强宣传引导。通过门户网站、政务新媒体等渠道做好政策宣传和解读。',
  ];
  const paragraphs = [rng.pick(openings), ...middles.slice(0, 2 + rng.int(3)), DEMO_ITEM_NOTE];
  return paragraphs.map((p) => `<p>${p}</p>`).join('');
}

/**
 * The plan of `count` items over `year` (dates on the calendar's working days), the same for the same seed. Pure but
 * for the calendar passed in.
 */
export function demoItemPlans(count: number, year: number, calendar: WorkCalendar, seed = 20240101): DemoItemPlan[] {
  const rng = seededRandom(seed);
  const total = LEAVES.reduce((n, [, w]) => n + w, 0);
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = plusDays(d, 1)) if (isWorkingDay(calendar, d)) days.push(d);
  const numbers = { fa: 0, gui: 0 };
  const plans: DemoItemPlan[] = [];
  for (let i = 0; i < count; i++) {
    // Spread over the year in order, so 文号 grow with the dates.
    const publishOn = days[Math.min(days.length - 1, Math.floor(((i + rng.int(3) / 3) * days.length) / count))]!;
    const writtenOn = days[Math.max(0, days.indexOf(publishOn) - 1 - rng.int(5))]!;
    let pick = rng.int(total);
    const leaf = LEAVES.find(([, w]) => (pick -= w) < 0)![0];
    const month = Number(writtenOn.slice(5, 7));
    let title: string;
    let docNo: string | null = null;
    let normative = false;
    const subject = rng.pick(SUBJECTS);
    switch (leaf) {
      case '工作动态': title = rng.pick(NEWS); break;
      case '通知公告': title = rng.pick(NOTICES); break;
      case '其他政策文件':
        title = `关于印发《环翠区${subject}（${year}年版）》的通知`;
        docNo = `威环审批发〔${year}〕${++numbers.fa}号`;
        break;
      case '行政规范性文件':
        title = `威海市环翠区行政审批服务局关于印发《环翠区${subject.replace(/清单|方案|目录|规程|规范$/, '')}管理办法》的通知`;
        docNo = `威环审批规〔${year}〕${++numbers.gui}号`;
        normative = true;
        break;
      case '政策解读': title = `《环翠区${subject}》政策解读`; break;
      case '办事指南': title = `${rng.pick(GUIDES)}办事指南（${year}年版）`; break;
      case '行政许可办理结果': title = `${year}年${month}月行政许可办理结果公示（第${CN_NUMBERS[rng.int(4)]}期）`; break;
      case '便民服务信息': title = `${rng.pick(GUIDES)}“一网通办”操作指引`; break;
      case '其他对外管理服务事项': title = `${year}年${month}月“双随机、一公开”抽查结果公示`; break;
      default: title = `${year}年${month > 1 ? `1—${month - 1}月` : '1月'}审批服务工作情况统计`;
    }
    plans.push({ leaf, title, docNo, writtenOn, publishOn, office: rng.pick(OFFICES), normative, bodyHtml: body(subject, rng) });
  }
  return plans;
}

const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true }, conclusion: '不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开。',
};

async function demoActor(db: Kysely<Database>, login: string): Promise<Actor> {
  const user = await findUserByLogin(db, login);
  if (!user) throw new ConflictError(`缺少演示用户 ${login}，无法生成演示信息`, 'DEMO_USER_MISSING');
  return { id: user.id, name: user.name };
}

/**
 * Makes `count` demo items of `year` for the bureau through the review chain and publishes them on the portal, in the
 * caller's transaction. The bureau's catalogue must hold the seed template's leaves (the demo's).
 *
 * @throws ValidationError (field count) outside 1…MAX_DEMO_ITEMS; ConflictError DEMO_CATALOGUE_MISSING without the leaves.
 */
export async function addDemoItems(trx: Kysely<Database>, bureauId: number, count: number, year = 2024): Promise<{ items: number }> {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DEMO_ITEMS) {
    throw new ValidationError(`生成条数应为 1 至 ${MAX_DEMO_ITEMS} 之间的整数，实际为“${count}”`, { field: 'count' });
  }
  const drafter = await demoActor(trx, 'jingban');
  const head = await demoActor(trx, 'kezhang');
  const secrecy = await demoActor(trx, 'baomi');
  const leader = await demoActor(trx, 'lingdao');
  const publisher = await demoActor(trx, 'gongkai');
  const calendar = await calendarService(trx, fixedClock(`${year}-01-01T00:00:00.000Z`)).load();
  const leaves = new Map<string, number>();
  const walk = (nodes: Awaited<ReturnType<ReturnType<typeof catalogueService>['tree']>>) => {
    for (const n of nodes) {
      if (n.children.length === 0) leaves.set(n.name, n.id);
      walk(n.children);
    }
  };
  walk(await catalogueService(trx, fixedClock(`${year}-01-01T00:00:00.000Z`)).tree(bureauId));
  const plans = demoItemPlans(count, year, calendar);
  const missing = [...new Set(plans.map((p) => p.leaf))].filter((l) => !leaves.has(l));
  if (missing.length > 0) throw new ConflictError(`演示机关的目录缺少栏目：${missing.join('、')}`, 'DEMO_CATALOGUE_MISSING');
  for (const plan of plans) {
    // 09:00 Beijing (01:00Z) onwards, one minute per act.
    let minute = 0;
    const at = () => fixedClock(`${plan.publishOn}T01:${String(minute++).padStart(2, '0')}:00.000Z`);
    const { item } = await createItem(trx, bureauId, {
      title: plan.title, writtenOn: plan.writtenOn, bodyHtml: plan.bodyHtml, categoryId: leaves.get(plan.leaf)!, docNo: plan.docNo,
      summary: `演示数据：${plan.title}`, keywords: '演示数据', office: plan.office,
      ...(plan.normative ? { normativeKind: 'normative' as const, madeOn: plan.writtenOn } : {}),
    }, drafter, calendar, at()());
    await submitItem(trx, item.id, drafter, at());
    await reviewItem(trx, item.id, { step: 'first-review', decision: 'pass' }, head, at());
    await reviewItem(trx, item.id, { step: 'secrecy-review', decision: 'pass', form: FORM }, secrecy, at());
    await reviewItem(trx, item.id, { step: 'sign-off', decision: 'pass', comment: '同意发布' }, leader, at());
    await publishItem(trx, item.id, ['portal'], publisher, at());
  }
  return { items: plans.length };
}
