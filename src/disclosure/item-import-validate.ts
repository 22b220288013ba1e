/**
 * Checking every row of an item import before anything is written: required fields, real dates (normalised to
 * YYYY-MM-DD), 发布日期 not before 成文日期 nor in the future, a known category of the agency's catalogue, the fixed
 * vocabularies (公开属性, 有效性, 文件类型), 索引号 unique (目录编制规范: mandatory and unique) and a 文号 given twice in
 * one agency and year warned. Pure: what the database knows comes in as `ImportFacts`.
 */
import { DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, VALIDITIES, type DisclosureAttribute, type NormativeKind, type Validity } from '../core/disclosure/item-labels.js';
import { parseIndexNo } from '../core/disclosure/index-number.js';
import { isTheme, normaliseTheme } from '../core/disclosure/themes.js';
import { HEADER_OF, type ItemColumn } from './item-import-columns.js';
import type { ImportProblem, RawItemRow } from './item-import-read.js';

/** A row that passed: the item as it will be stored. */
export interface ImportItem {
  row: number;
  /** 索引号 given in the file, or null (one is assigned from the agency's template). */
  indexNo: string | null;
  title: string;
  summary: string;
  categoryId: number;
  issuer: string;
  docNo: string | null;
  writtenOn: string;
  publishedOn: string;
  theme: string | null;
  keywords: string;
  disclosure: DisclosureAttribute;
  validity: Validity;
  normativeKind: NormativeKind | null;
  madeOn: string | null;
  amendedOn: string | null;
  repealedOn: string | null;
  bodyHtml: string;
}

/** What the database knows that the rows are checked against. */
export interface ImportFacts {
  /** Today (YYYY-MM-DD, the installation's clock). */
  today: string;
  /** Catalogue paths of the agency's live (not archived) nodes, as `categoryKey` writes them → node ids. */
  categories: ReadonlyMap<string, readonly number[]>;
  /** 索引号 of the file already taken by an item (of any agency: 索引号 are unique everywhere). */
  takenIndexNos: ReadonlySet<string>;
  /** 文号 of the agency's items, as `docNoKey` writes them with the year of 成文日期, → how many. */
  existingDocNos: ReadonlyMap<string, number>;
  /** The agency's 索引号 template and 统一社会信用代码 (to warn about a 索引号 of another agency). */
  template: string;
  code: string;
}

/** The outcome of the check. */
export interface ValidationOutcome {
  items: ImportItem[];
  refused: ImportProblem[];
  warnings: ImportProblem[];
  /** Row numbers refused (a row may have several refusals). */
  refusedRows: number;
}

/** A category path as compared: segments split on / ／ > ＞ \, each NFKC and without white space. */
export function categoryKey(path: string): string {
  return path.split(/[/／>＞\\]+/).map((s) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '')).filter(Boolean).join('/');
}

/** A 文号 as compared, with its year: NFKC, without white space; 〔〕 [] ［］ () all as 〔〕. */
export function docNoKey(docNo: string, year: string): string {
  const norm = docNo.normalize('NFKC').replace(/\s+/g, '').replace(/[[(［（]/g, '〔').replace(/[\])］）]/g, '〕');
  return `${year}|${norm}`;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * A date as people write it — 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日 (full-width digits too) — as YYYY-MM-DD,
 * or null if it is not a real date (2019-02-30).
 */
export function parseLooseDate(text: string): string | null {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const m = /^(\d{4})(?:[-/.]|年)(\d{1,2})(?:[-/.]|月)(\d{1,2})日?(?:T.*|\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1949 || mo < 1 || mo > 12 || d < 1) return null;
  const last = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > last) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

function vocabulary<K extends string>(labels: Readonly<Record<K, string>>, aliases: Record<string, K> = {}): Map<string, K> {
  const map = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as Array<[K, string]>) {
    map.set(key, key);
    map.set(label, key);
  }
  for (const [alias, key] of Object.entries(aliases)) map.set(alias, key);
  return map;
}

const DISCLOSURE_WORDS = vocabulary(DISCLOSURE_ATTRIBUTES, { 主动: 'active', 依申请: 'on-request', 不公开: 'none' });
const VALIDITY_WORDS = vocabulary(VALIDITIES, { 现行有效: 'valid', 已废止: 'repealed', 已失效: 'expired' });
const KIND_WORDS = vocabulary(NORMATIVE_KINDS, { 规范性文件: 'normative', 行政规章: 'rule' });

const word = (text: string) => text.normalize('NFKC').replace(/[\s\u3000]+/g, '');

/** Checks every row; rows with any refusal are left out of `items`. */
export function validateRows(rows: readonly RawItemRow[], facts: ImportFacts): ValidationOutcome {
  const refused: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const items: ImportItem[] = [];
  const indexRows = new Map<string, number>();
  const docNoRows = new Map<string, number>();
  let refusedRows = 0;

  for (const { row, cells } of rows) {
    const before = refused.length;
    const at = (column: ItemColumn) => `第 ${row} 行“${HEADER_OF[column]}”`;
    const refuse = (column: ItemColumn, message: string) => refused.push({ row, column: HEADER_OF[column], message: `${at(column)}：${message}` });
    const warn = (column: ItemColumn, message: string) => warnings.push({ row, column: HEADER_OF[column], message: `${at(column)}：${message}` });
    const text = (column: ItemColumn) => cells[column] ?? '';
    const required = (column: ItemColumn) => {
      const value = text(column);
      if (value === '') refuse(column, '不能为空。');
      return value;
    };
    const date = (column: ItemColumn, need: boolean): string | null => {
      const value = need ? required(column) : text(column);
      if (value === '') return null;
      const parsed = parseLooseDate(value);
      if (parsed === null) refuse(column, `${value} 不是有效日期（应写作 2019-03-05、2019/3/5 或 2019年3月5日）。`);
      return parsed;
    };

    const title = required('title');
    const issuer = required('issuer');
    const categoryText = required('category');
    let categoryId = 0;
    if (categoryText !== '') {
      const ids = facts.categories.get(categoryKey(categoryText));
      const id = ids?.length === 1 ? ids[0] : undefined;
      if (ids && ids.length > 1) refuse('category', `本机关的主动公开目录中有 ${ids.length} 个分类的路径都是“${categoryText}”，无法确定归入哪一个；请先在目录中改名或合并。`);
      else if (id === undefined && facts.categories.size === 0) refuse('category', `本机关的主动公开目录还没有任何分类，“${categoryText}”无从对应；请先建立目录，再导入。`);
      else if (id === undefined) refuse('category', `本机关的主动公开目录中没有分类“${categoryText}”（请写完整路径，如“政策法规/规范性文件”，或先在目录中添加该分类）。`);
      else categoryId = id;
    }

    const writtenOn = date('writtenOn', true);
    const publishedOn = date('publishedOn', true);
    if (writtenOn && writtenOn > facts.today) refuse('writtenOn', `${writtenOn} 晚于今天（${facts.today}）。`);
    if (publishedOn && publishedOn > facts.today) refuse('publishedOn', `${publishedOn} 晚于今天（${facts.today}），导入的只能是已经发布的信息。`);
    if (writtenOn && publishedOn && publishedOn < writtenOn) refuse('publishedOn', `${publishedOn} 早于成文日期 ${writtenOn}。`);

    const disclosureText = word(text('disclosure'));
    const disclosure = disclosureText === '' ? 'active' : DISCLOSURE_WORDS.get(disclosureText);
    if (disclosure === undefined) refuse('disclosure', `不认识“${text('disclosure')}”，应为${Object.values(DISCLOSURE_ATTRIBUTES).join('、')}之一。`);
    else if (disclosure !== 'active') refuse('disclosure', `“${DISCLOSURE_ATTRIBUTES[disclosure]}”的信息不应在网站上发布，导入的只能是主动公开的信息。`);

    const validityText = word(text('validity'));
    const validity = validityText === '' ? 'valid' : VALIDITY_WORDS.get(validityText);
    if (validity === undefined) refuse('validity', `不认识“${text('validity')}”，应为${Object.values(VALIDITIES).join('、')}之一，或留空（有效）。`);

    const kindText = word(text('normativeKind'));
    const normativeKind = kindText === '' ? null : KIND_WORDS.get(kindText);
    if (normativeKind === undefined) refuse('normativeKind', `不认识“${text('normativeKind')}”，应为${Object.values(NORMATIVE_KINDS).join('、')}，或留空。`);
    const madeOn = date('madeOn', false);
    const amendedOn = date('amendedOn', false);
    const repealedOn = date('repealedOn', false);
    if (normativeKind === null && (madeOn || amendedOn || repealedOn)) {
      warn('normativeKind', '未填写文件类型（规章或行政规范性文件），制定、修订、废止日期不计入年度报告表二（一）。');
    }
    if (madeOn && repealedOn && repealedOn < madeOn) refuse('repealedOn', `${repealedOn} 早于制定日期 ${madeOn}。`);
    if (madeOn && amendedOn && amendedOn < madeOn) refuse('amendedOn', `${amendedOn} 早于制定日期 ${madeOn}。`);
    if (normativeKind && validity === 'repealed' && !repealedOn) warn('repealedOn', '有效性为“废止”，但未填写废止日期。');

    const indexNo = text('indexNo') === '' ? null : text('indexNo').normalize('NFKC').replace(/\s+/g, '');
    if (indexNo !== null) {
      const earlier = indexRows.get(indexNo);
      if (earlier !== undefined) refuse('indexNo', `${indexNo} 与第 ${earlier} 行重复。`);
      else if (facts.takenIndexNos.has(indexNo)) refuse('indexNo', `${indexNo} 已被已有的信息使用，索引号不能重复。`);
      else {
        indexRows.set(indexNo, row);
        const parts = parseIndexNo(facts.template, indexNo);
        if (parts && parts.code !== '' && parts.code !== facts.code) warn('indexNo', `${indexNo} 中的统一社会信用代码 ${parts.code} 与本机关（${facts.code}）不同。`);
      }
    }

    const docNo = text('docNo') === '' ? null : text('docNo');
    if (docNo !== null && writtenOn) {
      const key = docNoKey(docNo, writtenOn.slice(0, 4));
      const earlier = docNoRows.get(key);
      if (earlier !== undefined) warn('docNo', `${docNo} 与第 ${earlier} 行的文号相同（同一年度），请核对。`);
      else if ((facts.existingDocNos.get(key) ?? 0) > 0) warn('docNo', `${docNo} 与本机关 ${writtenOn.slice(0, 4)} 年已有信息的文号相同，请核对。`);
      if (earlier === undefined) docNoRows.set(key, row);
    }

    const themeText = text('theme');
    if (themeText !== '' && !isTheme(themeText)) {
      refuse('theme', `“${themeText}”不在 22 个主题分类中（写作“一级\\二级”，如“综合政务\\政务公开”）。`);
    }
    if (refused.length > before) {
      refusedRows++;
      continue;
    }
    items.push({
      row, indexNo, title, summary: text('summary'), categoryId, issuer, docNo, writtenOn: writtenOn!, publishedOn: publishedOn!,
      theme: themeText === '' ? null : normaliseTheme(themeText), keywords: text('keywords').split(/[\s,，、;；]+/).filter(Boolean).join(' '),
      disclosure: 'active', validity: validity!, normativeKind: normativeKind!, madeOn, amendedOn, repealedOn, bodyHtml: text('body'),
    });
  }
  return { items, refused, warnings, refusedRows };
}
