/**
 * The demo bureau's matter list (事项清单), GENERATED and plainly demo: 120 matters whose flags and lists are fixed
 * by this plan so the computed figures can be checked by hand, scaled down from the seed's figures (98.3 % 最多跑一次,
 * 可网办 90 %, 全程网办 70.9 % of the 可网办; 社区清单 28 项, 村级代办点清单 21 项):
 *   - matters 1–120 are all on the district hall's list; 1–40 also on the 镇街 halls' list; 1–28 on the community
 *     points' list; 1–21 on the village points' list;
 *   - 可网办: every matter except the 12 even ones from 86 to 108 (NOT_ONLINE) → 108 (90.0 %);
 *   - 全程网办: matters 1–77 → 77, 71.3 % of the 可网办 (64.2 % of all);
 *   - 最多跑一次: all but matters 119 and 120 (2 visits) → 118 (98.3 %);
 *   - 快递送达: every third matter (n % 3 === 0) → 40; 零跑腿: the 全程网办 matters with 快递送达 (3, 6 … 75) → 25.
 * Themes: odd matters serve natural persons, even ones legal persons; the theme is the list's (n div 2) mod its length.
 */
import { NATIONAL_THEMES } from '../core/matters/matter-lists.js';

export const DEMO_MATTER_COUNT = 120;

/** The 实施主体 (the bureau's 科室 after 相对集中行政许可权改革). */
export const DEMO_OFFICES = ['市场准入审批科', '社会事务审批科', '建设工程审批科', '投资项目审批科', '农业水利审批科', '交通运输审批科'] as const;

/** The halls: the district hall, the 8 镇街 halls of the seed, and a few of the 95 village and community points. */
export const DEMO_HALLS: ReadonlyArray<{ name: string; level: 'district' | 'town' | 'community' | 'village' }> = [
  { name: '环翠区政务服务大厅', level: 'district' },
  ...['鲸园街道', '环翠楼街道', '竹岛街道', '孙家疃街道', '田和街道', '张村镇', '羊亭镇', '温泉镇'].map((n) => ({ name: `${n}便民服务中心`, level: 'town' as const })),
  { name: '鲸园街道海港社区便民服务站', level: 'community' },
  { name: '竹岛街道望岛社区便民服务站', level: 'community' },
  { name: '张村镇王家产村代办点', level: 'village' },
];

/**
 * The monthly figures of 2019 that add up to the seed's: windows 160 (district) + 8 × 13 (镇街) = 264; transactions
 * 27,000 a month in the district hall and 1,000 in each 镇街 hall → 324,000 + 96,000 = 420,000 (一窗办理业务42万余件);
 * certificates mailed 41 a month from the district hall and 4 in December from 羊亭镇 → 496 (快递免费送证496余件).
 */
export function demoHallMonth(level: string, hallName: string, month: number) {
  if (level === 'district') return { windows: 160, matters: DEMO_MATTER_COUNT, transactions: 27_000, certificatesMailed: 41 };
  if (level === 'town') return { windows: 13, matters: 40, transactions: 1_000, certificatesMailed: hallName.startsWith('羊亭镇') && month === 12 ? 4 : 0 };
  return null;
}

/** Matters not 可网办 (12 of them). */
export const NOT_ONLINE: ReadonlySet<number> = new Set([86, 88, 90, 92, 94, 96, 98, 100, 102, 104, 106, 108]);

/** The flags and lists of matter n (1-based) by the plan above. */
export function demoMatterPlan(n: number) {
  const online = !NOT_ONLINE.has(n);
  const fullyOnline = n <= 77;
  const visits = n >= 119 ? 2 : fullyOnline ? 0 : 1;
  const mailDelivery = n % 3 === 0;
  const zeroVisit = fullyOnline && mailDelivery;
  const levels = ['district', ...(n <= 40 ? ['town'] : []), ...(n <= 28 ? ['community'] : []), ...(n <= 21 ? ['village'] : [])];
  const audience = n % 2 === 1 ? 'person' : 'legal';
  const list = NATIONAL_THEMES.filter((t) => t.audience === audience && !['998', '999'].includes(t.code));
  const theme = list[Math.floor(n / 2) % list.length]!;
  return { online, fullyOnline, atMostOnce: visits <= 1, zeroVisit, mailDelivery, visits, levels, audience, theme: `${audience}:${theme.code}` };
}
