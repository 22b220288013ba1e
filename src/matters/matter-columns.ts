/**
 * The matter list as a spreadsheet (many agencies keep it in Excel today): the columns with their Chinese headers,
 * how a row's cells become a matter as the API takes it, and back. One line per item inside a cell (设定依据, 办理流程,
 * 申请材料); a material as `名称｜原件｜1｜纸质`; themes as `自然人-生育收养` or `person:005`, separated by 、 or ；;
 * flags as 是/否. Pure: the theme names are resolved by the caller against the editable lists.
 */
import {
  AUDIENCES, HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS,
  type MatterFlag,
} from '../core/matters/matter-lists.js';
import type { Matter } from '../core/matters/matter.js';
import { MEDIUM_NAMES } from './matter-text.js';

/** A column: key, header, whether a file must have it. */
export interface MatterColumn { key: string; header: string; required?: boolean }

export const MATTER_COLUMNS: readonly MatterColumn[] = [
  { key: 'name', header: '事项名称', required: true }, { key: 'code', header: '事项编码', required: true },
  { key: 'type', header: '事项类型', required: true }, { key: 'handlingKind', header: '办件类型' },
  { key: 'office', header: '实施主体', required: true }, { key: 'legalBasis', header: '设定依据', required: true },
  { key: 'audiences', header: '服务对象' }, { key: 'themes', header: '主题分类', required: true }, { key: 'levels', header: '服务层级' },
  { key: 'conditions', header: '受理条件' }, { key: 'materials', header: '申请材料' }, { key: 'procedure', header: '办理流程' },
  { key: 'statutoryDays', header: '法定办结时限（工作日）' }, { key: 'promisedDays', header: '承诺办结时限（工作日）' },
  { key: 'feeCharged', header: '是否收费' }, { key: 'feeStandard', header: '收费标准' }, { key: 'feeBasis', header: '收费依据' },
  { key: 'place', header: '办理地点' }, { key: 'hours', header: '办理时间' }, { key: 'consultation', header: '咨询方式' },
  { key: 'complaint', header: '监督投诉方式' }, { key: 'onlineUrl', header: '网上办理地址' }, { key: 'visits', header: '到现场次数' },
  ...MATTER_FLAG_KEYS.map((k) => ({ key: `flag:${k}`, header: MATTER_FLAGS[k] })),
  { key: 'faq', header: '常见问题' },
];

/** A data row of the file: its spreadsheet row number and its cells by column key. */
export interface RawMatterRow { row: number; cells: Record<string, string> }

/** A problem of a row (row 0: the file). */
export interface MatterImportProblem { row: number; column: string; message: string }

/** The export's last column (the state), ignored on import. */
export const STATE_HEADER = '状态';

const norm = (s: string) => s.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
const byHeader = new Map(MATTER_COLUMNS.map((c) => [norm(c.header), c]));

/** The column of a header text, or null. */
export function columnOfHeader(text: string): MatterColumn | null {
  return byHeader.get(norm(text)) ?? null;
}

const split = (s: string, by: RegExp) => s.split(by).map((x) => x.trim()).filter(Boolean);
const linesOf = (s: string) => split(s, /\r?\n/);
/** Items separated by 、 ； ， or line breaks — but not inside brackets (社会保障（社会保险、社会救助） is one theme). */
function listOf(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let item = '';
  for (const ch of s) {
    if (ch === '（' || ch === '(') depth += 1;
    if (ch === '）' || ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && /[、；;，,\n]/.test(ch)) {
      out.push(item);
      item = '';
    } else item += ch;
  }
  out.push(item);
  return out.map((x) => x.trim()).filter(Boolean);
}
const keyOf = <K extends string>(list: Readonly<Record<K, string>>, name: string): K | string =>
  (Object.entries(list) as Array<[K, string]>).find(([k, v]) => v === name || k === name)?.[0] ?? name;
const MEDIUM_BY_NAME: Record<string, string> = { 纸质: 'paper', 电子: 'electronic', 纸质和电子: 'both', 纸质及电子: 'both' };

/** 是/否 → boolean; anything else is left for the check to name. */
function yesNo(text: string): boolean | string {
  if (['是', '√', 'Y', 'y', '1', 'TRUE', 'true'].includes(text)) return true;
  if (['否', '', 'N', 'n', '0', 'FALSE', 'false', '×'].includes(text)) return false;
  return text;
}

/** A whole number cell; blank → null; anything else left as text for the check to name. */
function whole(text: string): number | null | string {
  if (text === '') return null;
  return /^\d+$/.test(text) ? Number(text) : text;
}

/**
 * A row as the matter the API takes (validateMatter names what is wrong). Themes stay as written
 * (`themes` raw list) for the caller to resolve against the lists in force.
 */
export function matterInputOfRow(cells: Record<string, string>): { input: Record<string, unknown>; themeTexts: string[] } {
  const c = (k: string) => (cells[k] ?? '').trim();
  const flags = Object.fromEntries(MATTER_FLAG_KEYS.map((k) => [k, yesNo(c(`flag:${k}`))])) as Record<MatterFlag, boolean>;
  const audiences = listOf(c('audiences')).map((a) => keyOf(AUDIENCES, a));
  const feeCharged = yesNo(c('feeCharged'));
  return {
    themeTexts: listOf(c('themes')),
    input: {
      name: c('name'), code: c('code'), type: keyOf(MATTER_TYPES, c('type')), handlingKind: keyOf(HANDLING_KINDS, c('handlingKind') || '承诺件'),
      office: c('office'), legalBasis: linesOf(c('legalBasis')), audiences, levels: listOf(c('levels')).map((l) => keyOf(SERVICE_LEVELS, l)),
      conditions: c('conditions'),
      materials: linesOf(c('materials')).map((line) => {
        const [name = '', kind = '原件', copies = '1', medium = '纸质'] = split(line, /[|｜]/);
        return { name, kind: keyOf(MATERIAL_KINDS, kind), copies: /^\d+$/.test(copies) ? Number(copies) : copies, medium: MEDIUM_BY_NAME[medium] ?? medium, blankForm: null, sample: null };
      }),
      procedure: linesOf(c('procedure')), statutoryDays: whole(c('statutoryDays')), promisedDays: whole(c('promisedDays')) ?? 0,
      fee: { charged: feeCharged === true, standard: c('feeStandard'), basis: c('feeBasis') },
      place: c('place'), hours: c('hours'), consultation: c('consultation'), complaint: c('complaint'), onlineUrl: c('onlineUrl'),
      visits: whole(c('visits')) ?? 0, flags, faq: c('faq'),
    },
  };
}

/** A matter as a row of cells (the export; re-importable). */
export function rowOfMatter(m: Matter, themeName: (key: string) => string): string[] {
  const yes = (b: boolean) => (b ? '是' : '否');
  const cells: Record<string, string> = {
    name: m.name, code: m.code, type: MATTER_TYPES[m.type], handlingKind: HANDLING_KINDS[m.handlingKind], office: m.office,
    legalBasis: m.legalBasis.join('\n'), audiences: m.audiences.map((a) => AUDIENCES[a]).join('、'),
    themes: m.themes.map((k) => `${AUDIENCES[k.split(':')[0] as keyof typeof AUDIENCES] ?? ''}-${themeName(k)}`).join('、'),
    levels: m.levels.map((l) => SERVICE_LEVELS[l]).join('、'), conditions: m.conditions,
    materials: m.materials.map((x) => [x.name, MATERIAL_KINDS[x.kind], String(x.copies), MEDIUM_NAMES[x.medium]].join('｜')).join('\n'),
    procedure: m.procedure.join('\n'), statutoryDays: m.statutoryDays === null ? '' : String(m.statutoryDays), promisedDays: String(m.promisedDays),
    feeCharged: yes(m.fee.charged), feeStandard: m.fee.standard, feeBasis: m.fee.basis, place: m.place, hours: m.hours,
    consultation: m.consultation, complaint: m.complaint, onlineUrl: m.onlineUrl, visits: String(m.visits), faq: m.faq,
    ...Object.fromEntries(MATTER_FLAG_KEYS.map((k) => [`flag:${k}`, yes(m.flags[k])])),
  };
  return MATTER_COLUMNS.map((col) => cells[col.key] ?? '');
}
