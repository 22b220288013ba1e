/**
 * Test fixtures of the 报告核查 screens: a batch, its files and one file's detail as the API answers them,
 * with the server's label maps (taken from the schema module, never retyped).
 */
import {
  AUDIT_BATCH_STATE_LABELS, AUDIT_CELL_STATE_LABELS, AUDIT_DECISION_LABELS, AUDIT_FILE_STATE_LABELS, AUDIT_FORMAT_LABELS,
  AUDIT_SEVERITY_FILTER_LABELS, AUDIT_SORT_LABELS,
} from '../../src/audit/audit-batch.schema.js';
import type { AuditBatch, AuditFileDetail, AuditFileRow, AuditFinding, AuditLabels } from './schema-types.js';

/** GET /api/audits/labels */
export const auditLabels: AuditLabels = {
  batchStates: AUDIT_BATCH_STATE_LABELS, fileStates: AUDIT_FILE_STATE_LABELS, severities: AUDIT_SEVERITY_FILTER_LABELS,
  decisions: AUDIT_DECISION_LABELS, cellStates: AUDIT_CELL_STATE_LABELS, formats: AUDIT_FORMAT_LABELS, sorts: AUDIT_SORT_LABELS,
};

/** A batch being read: 12 of 40 done. */
export function batchFixture(over: Partial<AuditBatch> = {}): AuditBatch {
  return {
    id: 3, agencyId: 1, title: '2021 年度各部门年报核查', createdAt: '2026-12-05T02:00:00.000Z', createdBy: { id: 7, name: '郑督查' },
    state: 'reading', stateLabel: '正在读取', total: 40, done: 11, failed: 1, current: '某局2021年报.docx',
    counts: { reports: 10, errors: 4, warnings: 9, missing: 2, recovered: 1, unreadable: 1 }, ...over,
  };
}

/** A file row. */
export function fileRow(over: Partial<AuditFileRow> = {}): AuditFileRow {
  return {
    id: 11, batchId: 3, name: '某局2021年报.docx', size: 48_000, sha256: 'a'.repeat(64), state: 'done', stateLabel: '已读取', error: null,
    agencyName: '威海市环翠区行政审批服务局', year: 2021, format: '2021', formatLabel: '2021 格式', title: '2021年政府信息公开工作年度报告',
    sourceUrl: null, publishedAt: '2022-01-20', errors: 2, warnings: 1, missing: 0, recovered: 1, undecided: 3, readMs: 420, ...over,
  };
}

/** A finding. */
export function findingFixture(over: Partial<AuditFinding> = {}): AuditFinding {
  return {
    fingerprint: '0123456789abcdef', severity: 'error', severityLabel: '错误', ruleTitle: '本年新收申请总计等于各申请人之和',
    message: '表三“一、本年新收政府信息公开申请数量”行“总计”列为 12，各申请人之和为 10。', expression: '总计 = 自然人 + 法人或其他组织',
    cells: [{ key: '三:received:total', label: '表三“一、本年新收政府信息公开申请数量”行“总计”列', value: '12' }], decision: null, ...over,
  };
}

/** One file's detail: table 三 with a read, a recovered, a missing and a blank cell. */
export function detailFixture(over: Partial<AuditFileDetail> = {}): AuditFileDetail {
  return {
    ...fileRow(),
    tables: [{
      id: '三', title: '三、收到和处理政府信息公开申请情况', columns: ['自然人', '总计'],
      rows: [{
        label: '一、本年新收政府信息公开申请数量',
        cells: [
          { key: '三:received:natural', value: '10', state: 'recovered', how: '由总计反推拆分连在一起的数字', findingFingerprints: [] },
          { key: '三:received:total', value: '12', state: 'read', how: null, findingFingerprints: ['0123456789abcdef'] },
        ],
      }, {
        label: '二、上年结转政府信息公开申请数量',
        cells: [
          { key: '三:carried:natural', value: null, state: 'missing', how: '原文中未找到该单元格', findingFingerprints: [] },
          { key: '三:carried:total', value: null, state: 'blank', how: null, findingFingerprints: [] },
        ],
      }],
    }],
    blanks: [{ table: '三', summary: '表三“（四）无法提供”起 3 行共 21 个单元格空白' }],
    findings: [
      findingFixture({ fingerprint: 'fedcba9876543210', severity: 'warning', severityLabel: '警告', ruleTitle: '正文数字与表格一致', cells: [] }),
      findingFixture(),
    ],
    notes: ['表三按第 2 个表格读取'],
    narrative: [],
    ...over,
  };
}
