/**
 * Starting templates of a 主动公开基本目录 (the catalogue of what an agency proactively discloses): a tree of
 * categories, each optionally tied to an item of 条例 Art. 20 (（一）…（十五）, keys '1'…'15', item-labels.ts).
 *
 * - `seed`: the categories the seed bureau publishes under (its 2019 annual report: 机构职能、工作资讯、政策法规、
 *   业务工作、统计数据、信息公开年报), with second-level categories for what it says it publishes under each.
 * - `basic-26`: the 26 areas of the 基层政务公开标准目录 (国办发〔2019〕54号) for town and county agencies
 *   (basic-catalogue-26.ts): 领域 → 一级事项, each 事项 with its element fields.
 */
import { BASIC_26_TEMPLATE } from './basic-catalogue-26.js';
import type { TemplateNode } from './catalogue-entry.js';

export { BASIC_CHANNELS, DEFAULT_TIME_LIMIT, type CatalogueEntryDetails, type TemplateNode } from './catalogue-entry.js';

/** A template as offered to the office. */
export interface CatalogueTemplate {
  key: CatalogueTemplateKey;
  name: string;
  description: string;
  roots: readonly TemplateNode[];
}

const leaf = (name: string, art20Item?: string): TemplateNode => (art20Item ? { name, art20Item } : { name });

/**
 * The seed bureau's categories (威海市环翠区行政审批服务局 2019 年报 一（二）1), each tied to the Art. 20 item whose
 * information it holds, with second-level categories from what the report says the bureau publishes: 办事指南 and
 * 审批事项 (22 + 226 items of Art. 20 （五）), its service centres (政务服务中心、现场勘验中心、服务代办中心), a
 * 政协提案 answered, its 年报.
 */
export const SEED_TEMPLATE: readonly TemplateNode[] = [
  {
    name: '机构职能', art20Item: '2', children: [
      leaf('机构概况', '2'), leaf('领导信息', '2'), leaf('内设机构', '2'), leaf('下属单位', '2'), leaf('办公地址和联系方式', '2'),
    ],
  },
  {
    name: '工作资讯', children: [leaf('工作动态'), leaf('通知公告'), leaf('政务服务大厅建设'), leaf('便民服务信息')],
  },
  {
    name: '政策法规', art20Item: '1', children: [
      leaf('规章', '1'), leaf('行政规范性文件', '1'), leaf('其他政策文件'), leaf('政策解读'),
    ],
  },
  {
    name: '业务工作', art20Item: '5', children: [
      leaf('行政许可事项清单', '5'), leaf('办事指南', '5'), leaf('行政许可办理结果', '5'), leaf('其他对外管理服务事项', '5'),
      leaf('收费项目及标准', '8'), leaf('建议提案办理', '15'),
    ],
  },
  {
    name: '统计数据', art20Item: '4', children: [leaf('审批服务统计', '4'), leaf('部门预算决算', '7')],
  },
  {
    name: '信息公开年报', children: [leaf('政府信息公开工作年度报告')],
  },
];

/** The templates by key. */
export const CATALOGUE_TEMPLATES = {
  seed: {
    key: 'seed', name: '本局主动公开基本目录（默认）',
    description: '机构职能、工作资讯、政策法规、业务工作、统计数据、信息公开年报六类及其下级类目，各类目对应条例第二十条相应项',
    roots: SEED_TEMPLATE,
  },
  'basic-26': {
    key: 'basic-26', name: '基层政务公开标准目录（26个试点领域）',
    description: '供县级和乡镇（街道）机关选用：领域、一级事项及公开内容、依据、时限、主体、渠道、对象、方式、层级',
    roots: BASIC_26_TEMPLATE,
  },
} as const satisfies Record<string, Omit<CatalogueTemplate, 'key'> & { key: string }>;

/** A template key. */
export type CatalogueTemplateKey = keyof typeof CATALOGUE_TEMPLATES;

/** Whether a string is a template key. */
export function isCatalogueTemplateKey(value: string): value is CatalogueTemplateKey {
  return Object.hasOwn(CATALOGUE_TEMPLATES, value);
}

/** Every node of a template tree, depth first. */
export function* walkTemplate(nodes: readonly TemplateNode[]): Generator<TemplateNode> {
  for (const node of nodes) {
    yield node;
    if (node.children) yield* walkTemplate(node.children);
  }
}
