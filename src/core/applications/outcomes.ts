/**
 * The controlled list of final decisions on an application (条例 Art. 36–39, 30, 35; 国办函〔2020〕109号),
 * each with its legal basis and exactly one result row of table 三 (spec annual-report.md, "Mapping a
 * handling decision to its table 三 row"). Rows are kept in 2021 granularity; `rowForFormat` folds them
 * into a coarser format by the row paths of the format definitions.
 *
 * Process states (received, awaiting correction, consulting, extended) are not decisions: see case-clock.ts.
 */
import { ValidationError } from '../errors.js';
import type { FormatId, RowDef } from '../format/format-types.js';
import { getFormat, tableOf } from '../format/registry.js';
import { art, citationText, feeRules, type Citation } from './legal-basis.js';

/** Result rows of table 三 in 2021 granularity (keys of the 2021 format). */
export type ResultRowKey =
  | 'r1' | 'r2'
  | 'r3-1' | 'r3-2' | 'r3-3' | 'r3-4' | 'r3-5' | 'r3-6' | 'r3-7' | 'r3-8'
  | 'r4-1' | 'r4-2' | 'r4-3'
  | 'r5-1' | 'r5-2' | 'r5-3' | 'r5-4' | 'r5-5'
  | 'r6-1' | 'r6-2' | 'r6-3';

/** Keys of the decisions. */
export type DecisionKey =
  | 'already-public' | 'disclosed' | 'partially-disclosed'
  | 'withheld-state-secret' | 'withheld-prohibited-by-law' | 'withheld-security-stability' | 'withheld-third-party'
  | 'withheld-internal-affairs' | 'withheld-process-information' | 'withheld-enforcement-file' | 'special-query-regime'
  | 'does-not-exist' | 'not-this-agency' | 'requires-new-processing' | 'unclear-after-correction'
  | 'petition-complaint-report' | 'repeated-application' | 'published-works' | 'unjustified-mass-requests'
  | 'confirm-or-reissue'
  | 'correction-not-made' | 'fee-not-paid' | 'withdrawn' | 'other';

/**
 * How a decision closes the case: a reply (答复), the application treated as abandoned (视为放弃申请,
 * Art. 30 / fee rules), or withdrawn by the applicant.
 */
export type DecisionClosure = 'reply' | 'abandoned' | 'withdrawn';

/** One decision of the controlled list. */
export interface DecisionDef {
  key: DecisionKey;
  /** Short Chinese name for lists and forms. */
  name: string;
  /** The table 三 result row, 2021 granularity. */
  row: ResultRowKey;
  closure: DecisionClosure;
  /** The provisions the reply letter cites (empty: nothing to cite, e.g. withdrawal). */
  basis: Citation[];
  /** What the reply letter (告知书) tells the applicant, after “经审查，”. */
  statement: string;
  /** Whether the letter must name a further particular: where to get it, the right agency, the reason… */
  needs?: 'where' | 'agency' | 'reason';
}

const withheld = (article: Citation, statement: string): Pick<DecisionDef, 'basis' | 'statement' | 'needs' | 'closure'> => ({
  basis: [article, art(36, { item: 3 })], statement, needs: 'reason', closure: 'reply',
});

/** The decisions in table 三 order. */
export const DECISIONS: readonly DecisionDef[] = [
  { key: 'already-public', name: '已主动公开', row: 'r1', closure: 'reply', basis: [art(36, { item: 1 })], needs: 'where',
    statement: '您申请公开的政府信息已经主动公开，现告知您获取该政府信息的方式、途径' },
  { key: 'disclosed', name: '予以公开', row: 'r1', closure: 'reply', basis: [art(36, { item: 2 })], needs: 'where',
    statement: '您申请公开的政府信息属于可以公开的政府信息，现向您提供该政府信息（或告知获取的方式、途径和时间）' },
  { key: 'partially-disclosed', name: '部分公开', row: 'r2', closure: 'reply', basis: [art(37)], needs: 'reason',
    statement: '您申请公开的信息中含有不应当公开或者不属于政府信息的内容，但能够作区分处理，现向您提供可以公开的内容，并对不予公开的内容说明理由' },
  { key: 'withheld-state-secret', name: '不予公开：属于国家秘密', row: 'r3-1',
    ...withheld(art(14), '您申请公开的政府信息依法确定为国家秘密，决定不予公开') },
  { key: 'withheld-prohibited-by-law', name: '不予公开：其他法律行政法规禁止公开', row: 'r3-2',
    ...withheld(art(14), '您申请公开的政府信息属于法律、行政法规禁止公开的政府信息，决定不予公开') },
  { key: 'withheld-security-stability', name: '不予公开：危及“三安全一稳定”', row: 'r3-3',
    ...withheld(art(14), '您申请公开的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，决定不予公开') },
  { key: 'withheld-third-party', name: '不予公开：保护第三方合法权益', row: 'r3-4',
    basis: [art(15), art(32), art(36, { item: 3 })], closure: 'reply', needs: 'reason',
    statement: '您申请公开的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，决定不予公开' },
  { key: 'withheld-internal-affairs', name: '不予公开：属于三类内部事务信息', row: 'r3-5',
    ...withheld(art(16, { paragraph: 1 }), '您申请公开的信息属于行政机关的内部事务信息（人事管理、后勤管理、内部工作流程等），决定不予公开') },
  { key: 'withheld-process-information', name: '不予公开：属于四类过程性信息', row: 'r3-6',
    ...withheld(art(16, { paragraph: 2 }), '您申请公开的信息属于讨论记录、过程稿、磋商信函、请示报告等过程性信息，决定不予公开') },
  { key: 'withheld-enforcement-file', name: '不予公开：属于行政执法案卷', row: 'r3-7',
    ...withheld(art(16, { paragraph: 2 }), '您申请公开的信息属于行政执法案卷信息，决定不予公开') },
  { key: 'special-query-regime', name: '不予公开：属于行政查询事项', row: 'r3-8', closure: 'reply',
    basis: [art(36, { item: 7 })], needs: 'where',
    statement: '您申请公开的信息属于工商、不动产登记资料等信息，有关法律、行政法规对信息的获取有特别规定，请依照有关法律、行政法规的规定办理' },
  { key: 'does-not-exist', name: '无法提供：经检索没有所申请公开信息', row: 'r4-1', closure: 'reply',
    basis: [art(36, { item: 4 })], statement: '经检索，本机关没有您申请公开的政府信息，该政府信息不存在' },
  { key: 'not-this-agency', name: '无法提供：不属于本机关负责公开', row: 'r4-1', closure: 'reply',
    basis: [art(36, { item: 5 })], needs: 'agency',
    statement: '您申请公开的信息不属于本机关负责公开的政府信息；能够确定负责公开该政府信息的行政机关的，告知其名称、联系方式' },
  { key: 'requires-new-processing', name: '无法提供：没有现成信息需要另行制作', row: 'r4-2', closure: 'reply',
    basis: [art(38)], statement: '您申请提供的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供' },
  { key: 'unclear-after-correction', name: '无法提供：补正后申请内容仍不明确', row: 'r4-3', closure: 'reply',
    basis: [art(30)], statement: '您补正后的申请内容仍不明确，本机关无法确定您所申请公开的政府信息' },
  { key: 'petition-complaint-report', name: '不予处理：信访举报投诉类申请', row: 'r5-1', closure: 'reply',
    basis: [art(39, { paragraph: 1 })],
    statement: '您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出' },
  { key: 'repeated-application', name: '不予处理：重复申请', row: 'r5-2', closure: 'reply',
    basis: [art(36, { item: 6 })], statement: '本机关已就您提出的政府信息公开申请作出答复，您重复申请公开相同政府信息，本机关不予重复处理' },
  { key: 'published-works', name: '不予处理：要求提供公开出版物', row: 'r5-3', closure: 'reply',
    basis: [art(39, { paragraph: 2 })], needs: 'where',
    statement: '您申请的内容为要求提供政府公报、报刊、书籍等公开出版物，现告知您获取的途径' },
  { key: 'unjustified-mass-requests', name: '不予处理：无正当理由大量反复申请', row: 'r5-4', closure: 'reply',
    basis: [art(35)], needs: 'reason',
    statement: '您申请公开政府信息的数量、频次明显超过合理范围，经要求说明理由，本机关认为申请理由不合理，不予处理' },
  { key: 'confirm-or-reissue', name: '不予处理：要求行政机关确认或重新出具已获取信息', row: 'r5-5', closure: 'reply',
    // No article names this case; the national format lists it because such a request does not seek to obtain
    // government information as 条例 Art. 2 defines it.
    basis: [art(2)], statement: '您要求本机关确认或者重新出具您已获取的信息，不属于条例所称的获取政府信息，本机关不作为政府信息公开申请处理' },
  { key: 'correction-not-made', name: '其他处理：逾期不补正', row: 'r6-1', closure: 'abandoned', basis: [art(30)],
    statement: '您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请' },
  { key: 'fee-not-paid', name: '其他处理：逾期未缴纳信息处理费', row: 'r6-2', closure: 'abandoned', basis: [art(42), feeRules()],
    statement: '您逾期未按收费通知要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请' },
  { key: 'withdrawn', name: '其他处理：申请人撤回申请', row: 'r6-3', closure: 'withdrawn', basis: [],
    statement: '您已撤回政府信息公开申请，本机关不再处理该申请' },
  { key: 'other', name: '其他处理：其他', row: 'r6-3', closure: 'reply', basis: [], needs: 'reason',
    statement: '本机关对您的政府信息公开申请作如下处理' },
];

const byKey = new Map<string, DecisionDef>(DECISIONS.map((d) => [d.key, d]));

/** The decision with this key; unknown → ValidationError listing where to look. */
export function getDecision(key: unknown, field = 'decision'): DecisionDef {
  const found = typeof key === 'string' ? byKey.get(key) : undefined;
  if (!found) throw new ValidationError(`未知的办理结果“${String(key)}”，应为受控列表中的一项（共 ${DECISIONS.length} 项）`, { field });
  return found;
}

/** Whether `key` names a decision of the controlled list. */
export function isDecisionKey(key: unknown): key is DecisionKey {
  return typeof key === 'string' && byKey.has(key);
}

/** The legal basis of a decision as the letter writes it: 依据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项. */
export function basisText(decision: DecisionKey | DecisionDef): string {
  const d = typeof decision === 'string' ? getDecision(decision) : decision;
  const cited = citationText(d.basis);
  return cited ? `依据${cited}` : '';
}

/** The decisions counted in a result row (2021 granularity). */
export function decisionsForRow(row: ResultRowKey): DecisionDef[] {
  return DECISIONS.filter((d) => d.row === row);
}

/** The format whose result rows are the canonical granularity of decisions. */
const CANONICAL_FORMAT: FormatId = '2021';

function resultRows(formatId: FormatId): RowDef[] {
  return tableOf(getFormat(formatId), '三').blocks.flatMap((b) => b.rows).filter((r) => r.role === 'result');
}

function isPrefix(prefix: string[], path: string[]): boolean {
  return prefix.length <= path.length && prefix.every((label, i) => path[i] === label);
}

const foldCache = new Map<FormatId, Map<ResultRowKey, string>>();

/**
 * The table 三 result row of `formatId` a decision counts in. Derived from the format definitions, not
 * listed per format: the row of the target format whose label path equals the canonical (2021) row's path
 * or is an ancestor of it. So 2021's （六）1 / （六）2 / （六）3 (paths under （六）其他处理) fold into 2019's single
 * （六）其他处理 row, and every other row maps to itself.
 */
export function rowForFormat(decision: DecisionKey | DecisionDef, formatId: FormatId): string {
  const d = typeof decision === 'string' ? getDecision(decision) : decision;
  let fold = foldCache.get(formatId);
  if (!fold) {
    fold = new Map();
    const target = resultRows(formatId);
    for (const row of resultRows(CANONICAL_FORMAT)) {
      const match = target.find((t) => isPrefix(t.path, row.path));
      if (match) fold.set(row.key as ResultRowKey, match.key);
    }
    foldCache.set(formatId, fold);
  }
  const key = fold.get(d.row);
  if (!key) throw new ValidationError(`办理结果“${d.name}”在 ${formatId} 年格式的表三中没有对应的行`, { field: 'decision' });
  return key;
}
