/**
 * The demo bureau's 政务服务事项 (issue 12): its 实施主体, its halls and points with the 2019 monthly figures, and 120
 * generated matters (src/demo/demo-matters-plan.ts) each drafted by the 经办人 and taken through the chain — 初审,
 * 保密审查, 核审签发, published on the portal and the 政务服务网 by the 专职人员 — in 2019, so the matter list as of
 * 2019-12-31 gives the plan's shares. Names are realistic, every text says 演示 where a reader could mistake it.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../core/actor.js';
import type { Matter } from '../core/matters/matter.js';
import type { MatterType } from '../core/matters/matter-lists.js';
import type { Database } from '../db/schema.js';
import { hallService } from '../matters/hall.service.js';
import { matterService } from '../matters/matter.service.js';
import { DEMO_HALLS, DEMO_MATTER_COUNT, DEMO_OFFICES, demoHallMonth, demoMatterPlan } from './demo-matters-plan.js';

/** Realistic names by office (the matters of an approval bureau), with their type and legal basis. */
const BASES: ReadonlyArray<{ name: string; office: number; type: MatterType; basis: string; statutory: number | null }> = [
  { name: '食品经营许可', office: 0, type: 'licence', basis: '《中华人民共和国食品安全法》第三十五条', statutory: 20 },
  { name: '公共场所卫生许可', office: 1, type: 'licence', basis: '《公共场所卫生管理条例》第八条', statutory: 20 },
  { name: '建筑工程施工许可', office: 2, type: 'licence', basis: '《中华人民共和国建筑法》第七条', statutory: 7 },
  { name: '企业投资项目备案', office: 3, type: 'other-external', basis: '《企业投资项目核准和备案管理条例》第十三条', statutory: null },
  { name: '取水许可', office: 4, type: 'licence', basis: '《取水许可和水资源费征收管理条例》第二条', statutory: 45 },
  { name: '道路货物运输经营许可', office: 5, type: 'licence', basis: '《中华人民共和国道路运输条例》第二十四条', statutory: 20 },
  { name: '药品零售企业许可', office: 0, type: 'licence', basis: '《中华人民共和国药品管理法》第五十一条', statutory: 30 },
  { name: '民办非企业单位登记', office: 1, type: 'confirmation', basis: '《民办非企业单位登记管理暂行条例》第三条', statutory: 60 },
  { name: '城市建筑垃圾处置核准', office: 2, type: 'licence', basis: '《国务院对确需保留的行政审批项目设定行政许可的决定》第101项', statutory: 20 },
  { name: '人力资源服务许可', office: 1, type: 'licence', basis: '《人力资源市场暂行条例》第十八条', statutory: 20 },
  { name: '出版物零售单位设立', office: 0, type: 'licence', basis: '《出版管理条例》第三十七条', statutory: 20 },
  { name: '生鲜乳收购站许可', office: 4, type: 'licence', basis: '《乳品质量安全监督管理条例》第二十条', statutory: 20 },
  { name: '出租汽车经营许可', office: 5, type: 'licence', basis: '《巡游出租汽车经营服务管理规定》第八条', statutory: 20 },
  { name: '社会团体成立登记', office: 1, type: 'confirmation', basis: '《社会团体登记管理条例》第三条', statutory: 60 },
  { name: '临时占用城市道路许可', office: 2, type: 'licence', basis: '《城市道路管理条例》第三十一条', statutory: 20 },
  { name: '医疗机构执业登记', office: 1, type: 'licence', basis: '《医疗机构管理条例》第十五条', statutory: 45 },
  { name: '特种设备使用登记', office: 0, type: 'other-external', basis: '《中华人民共和国特种设备安全法》第三十三条', statutory: 15 },
  { name: '林木采伐许可', office: 4, type: 'licence', basis: '《中华人民共和国森林法》第五十六条', statutory: 20 },
  { name: '建设工程规划许可', office: 2, type: 'licence', basis: '《中华人民共和国城乡规划法》第四十条', statutory: 20 },
  { name: '固定资产投资项目节能审查', office: 3, type: 'licence', basis: '《固定资产投资项目节能审查办法》第三条', statutory: 20 },
];
const VARIANTS = ['（新办）', '（变更）', '（延续）', '（注销）', '（补办）', '（迁移）'] as const;

/** The content of demo matter n (1-based). */
export function demoMatter(n: number): Matter {
  const p = demoMatterPlan(n);
  const base = BASES[(n - 1) % BASES.length]!;
  const variant = VARIANTS[Math.floor((n - 1) / BASES.length)]!;
  const statutory = base.statutory;
  const promised = statutory === null ? 5 : Math.max(1, Math.ceil(statutory / 4));
  const office = DEMO_OFFICES[base.office]!;
  return {
    name: `${base.name}${variant}`,
    code: `3710020000DEMO${String(n).padStart(4, '0')}`,
    type: base.type,
    handlingKind: 'promised',
    office,
    legalBasis: [base.basis],
    audiences: [p.audience as 'person' | 'legal'],
    themes: [p.theme],
    levels: p.levels as Matter['levels'],
    conditions: `申请人符合${base.basis.replace(/第.*$/, '')}规定的条件（演示数据）。`,
    materials: [
      { name: `${base.name}申请表`, kind: 'original', copies: 1, medium: 'both', blankForm: null, sample: null },
      { name: p.audience === 'person' ? '申请人身份证明' : '营业执照或法人登记证书', kind: 'copy', copies: 1, medium: 'paper', blankForm: null, sample: null },
    ],
    procedure: ['申请：网上提交或到综合受理窗口提交', '受理：材料齐全、符合法定形式的当场受理', '审查：承办科室审查', '决定：作出准予或不予许可的决定', '送达：窗口领取或快递送达'],
    statutoryDays: statutory,
    promisedDays: promised,
    fee: { charged: false, standard: '', basis: '' },
    place: '威海市环翠区政务服务大厅综合受理窗口（演示地址）',
    hours: '工作日 上午 9:00—12:00，下午 13:30—17:00（法定节假日除外）',
    consultation: `${office}　0631-0000000（演示电话）`,
    complaint: '环翠区行政审批服务局办公室　0631-0000001（演示电话）；12345 政务服务便民热线',
    onlineUrl: p.online ? `http://www.example.gov.cn/zwfw/matters/${n}` : '',
    visits: p.visits,
    flags: { online: p.online, fullyOnline: p.fullyOnline, atMostOnce: p.atMostOnce, zeroVisit: p.zeroVisit, mailDelivery: p.mailDelivery },
    faq: '',
  };
}

async function demoActor(trx: Kysely<Database>, login: string): Promise<Actor> {
  const user = await trx.selectFrom('users').select(['id', 'name']).where('login', '=', login).executeTakeFirstOrThrow();
  return { id: Number(user.id), name: user.name };
}

const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true, 'service-portal': true }, conclusion: '办事指南不涉密，同意在政府网站和政务服务网公开（演示数据）',
};

/** Adds the demo bureau's offices, halls with 2019's figures, and the 120 matters published through the chain in 2019. */
export async function addDemoMatters(trx: Kysely<Database>, bureauId: number, actor: Actor): Promise<void> {
  const [jingban, kezhang, baomi, lingdao, gongkai] = await Promise.all(['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map((l) => demoActor(trx, l)));
  const setup = matterService(trx, () => '2019-01-02T01:00:00.000Z');
  for (const office of DEMO_OFFICES) await setup.addOffice(bureauId, office, actor);
  const halls = hallService(trx, () => '2019-01-02T01:00:00.000Z');
  for (const h of DEMO_HALLS) {
    const hall = await halls.addHall(bureauId, h, actor);
    for (let month = 1; month <= 12; month++) {
      const figures = demoHallMonth(h.level, h.name, month);
      if (figures) {
        const at = `2019-${String(month).padStart(2, '0')}-28T08:00:00.000Z`;
        await hallService(trx, () => at).enterMonth(bureauId, hall.id, `2019-${String(month).padStart(2, '0')}`, figures, actor, 'demo');
      }
    }
  }
  for (let n = 1; n <= DEMO_MATTER_COUNT; n++) {
    // Spread over the working weeks of 2019 (Beijing morning): day d of the year from 2 January.
    const day = new Date(Date.UTC(2019, 0, 2 + Math.floor((n - 1) * 2.5)));
    const stamp = (hour: number) => new Date(day.getTime() + hour * 3600_000).toISOString();
    const id = (await matterService(trx, () => stamp(1)).create(bureauId, demoMatter(n), jingban!)).id;
    await matterService(trx, () => stamp(1.5)).submit(id, jingban!, '演示数据：办事指南送审');
    await matterService(trx, () => stamp(2)).decide(id, { step: 'first-review', decision: 'pass' }, kezhang!);
    await matterService(trx, () => stamp(3)).decide(id, { step: 'secrecy-review', decision: 'pass', form: FORM }, baomi!);
    await matterService(trx, () => stamp(4)).decide(id, { step: 'sign-off', decision: 'pass' }, lingdao!);
    await matterService(trx, () => stamp(5)).publish(id, ['portal', 'service-portal'], gongkai!);
  }
}
