/**
 * The 2021 format (国办公开办函〔2021〕30号, 2021-09-26), used for report years 2021 onward.
 */
import { deriveRules } from './derive-rules.js';
import type { ColumnDef, FormatDefinition, TableDef } from './format-types.js';
import { NARRATIVE_FIGURES } from './narrative-figures.js';
import {
  SECTIONS, TABLE3_COLUMNS, TABLE3_CORNER, TABLE3_RESULTS_LABEL, TABLE3_ROWS_AFTER_OTHER,
  TABLE3_ROWS_BEFORE_OTHER, TABLE4_COLUMNS, TABLE4_ROWS,
} from './parts.js';

const OTHER = '（六）其他处理';
const decisions: ColumnDef[] = [{ key: 'decisions', path: ['本年处理决定数量'], short: '本年处理决定数量', kind: 'count' }];

const tables: TableDef[] = [
  {
    id: '二', section: '二', labelColumns: 1,
    blocks: [
      {
        key: 'art20-1', caption: '第二十条第（一）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [
          { key: 'issued', path: ['本年制发件数'], short: '本年制发件数', kind: 'count', role: 'issued' },
          { key: 'repealed', path: ['本年废止件数'], short: '本年废止件数', kind: 'count', role: 'repealed' },
          { key: 'in-force', path: ['现行有效件数'], short: '现行有效件数', kind: 'count', role: 'in-force' },
        ],
        rows: [
          { key: 'rules', path: ['规章'], short: '规章' },
          { key: 'normative', path: ['行政规范性文件'], short: '行政规范性文件' },
        ],
      },
      {
        key: 'art20-5', caption: '第二十条第（五）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [...decisions],
        rows: [{ key: 'licensing', path: ['行政许可'], short: '行政许可' }],
      },
      {
        key: 'art20-6', caption: '第二十条第（六）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [...decisions],
        rows: [
          { key: 'penalty', path: ['行政处罚'], short: '行政处罚' },
          { key: 'coercion', path: ['行政强制'], short: '行政强制' },
        ],
      },
      {
        key: 'art20-8', caption: '第二十条第（八）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [{ key: 'fee-amount', path: ['本年收费金额（单位：万元）'], short: '本年收费金额', kind: 'decimal' }],
        rows: [{ key: 'fees', path: ['行政事业性收费'], short: '行政事业性收费' }],
      },
    ],
  },
  {
    id: '三', section: '三', labelColumns: 3, corner: TABLE3_CORNER, columnCaption: '申请人情况',
    blocks: [{
      key: 'applications', allowsExtraRows: false, columns: TABLE3_COLUMNS,
      rows: [
        ...TABLE3_ROWS_BEFORE_OTHER,
        {
          key: 'r6-1', short: '（六）1', role: 'result',
          path: [TABLE3_RESULTS_LABEL, OTHER, '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'],
        },
        {
          key: 'r6-2', short: '（六）2', role: 'result',
          path: [TABLE3_RESULTS_LABEL, OTHER, '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'],
        },
        { key: 'r6-3', path: [TABLE3_RESULTS_LABEL, OTHER, '3.其他'], short: '（六）3', role: 'result' },
        ...TABLE3_ROWS_AFTER_OTHER,
      ],
    }],
  },
  {
    id: '四', section: '四', labelColumns: 0,
    blocks: [{ key: 'remedies', allowsExtraRows: false, columns: TABLE4_COLUMNS, rows: TABLE4_ROWS }],
  },
];

/** The 2021 format definition. */
export const FORMAT_2021: FormatDefinition = {
  id: '2021',
  name: '政府信息公开工作年度报告格式',
  document: '国办公开办函〔2021〕30号',
  years: { from: 2021, to: null },
  sections: SECTIONS.map((s) => ({ ...s, variants: [...s.variants] })),
  tables,
  rules: deriveRules(tables),
  narrative: NARRATIVE_FIGURES,
};
