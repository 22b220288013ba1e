/**
 * The 2019 trial format (国办公开办函〔2019〕60号, 2019-11-27), used for report years 2019–2020.
 */
import { deriveRules } from './derive-rules.js';
import type { ColumnDef, FormatDefinition, TableDef } from './format-types.js';
import { NARRATIVE_FIGURES } from './narrative-figures.js';
import {
  SECTIONS, TABLE3_COLUMNS, TABLE3_CORNER, TABLE3_RESULTS_LABEL, TABLE3_ROWS_AFTER_OTHER,
  TABLE3_ROWS_BEFORE_OTHER, TABLE4_COLUMNS, TABLE4_ROWS,
} from './parts.js';

const itemColumns: ColumnDef[] = [
  { key: 'prev-count', path: ['上一年项目数量'], short: '上一年项目数量', kind: 'count', role: 'prev-count' },
  { key: 'change', path: ['本年增/减'], short: '本年增/减', kind: 'signed', role: 'change' },
  { key: 'decisions', path: ['处理决定数量'], short: '处理决定数量', kind: 'count' },
];

const tables: TableDef[] = [
  {
    id: '二', section: '二', labelColumns: 1,
    blocks: [
      {
        key: 'art20-1', caption: '第二十条第（一）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [
          { key: 'made', path: ['本年新制作数量'], short: '本年新制作数量', kind: 'count' },
          { key: 'published', path: ['本年新公开数量'], short: '本年新公开数量', kind: 'count' },
          { key: 'total', path: ['对外公开总数量'], short: '对外公开总数量', kind: 'count' },
        ],
        rows: [
          { key: 'rules', path: ['规章'], short: '规章' },
          { key: 'normative', path: ['规范性文件'], short: '规范性文件' },
        ],
      },
      {
        key: 'art20-5', caption: '第二十条第（五）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [...itemColumns],
        rows: [
          { key: 'licensing', path: ['行政许可'], short: '行政许可' },
          { key: 'other-services', path: ['其他对外管理服务事项'], short: '其他对外管理服务事项' },
        ],
      },
      {
        key: 'art20-6', caption: '第二十条第（六）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [...itemColumns],
        rows: [
          { key: 'penalty', path: ['行政处罚'], short: '行政处罚' },
          { key: 'coercion', path: ['行政强制'], short: '行政强制' },
        ],
      },
      {
        key: 'art20-8', caption: '第二十条第（八）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: itemColumns.slice(0, 2),
        rows: [{ key: 'fees', path: ['行政事业性收费'], short: '行政事业性收费' }],
      },
      {
        key: 'art20-9', caption: '第二十条第（九）项', rowHeader: '信息内容', allowsExtraRows: true,
        columns: [
          { key: 'projects', path: ['采购项目数量'], short: '采购项目数量', kind: 'count' },
          { key: 'amount', path: ['采购总金额'], short: '采购总金额', kind: 'amount' },
        ],
        rows: [{ key: 'procurement', path: ['政府集中采购'], short: '政府集中采购' }],
      },
    ],
  },
  {
    id: '三', section: '三', labelColumns: 3, corner: TABLE3_CORNER, columnCaption: '申请人情况',
    blocks: [{
      key: 'applications', allowsExtraRows: false, columns: TABLE3_COLUMNS,
      rows: [
        ...TABLE3_ROWS_BEFORE_OTHER,
        { key: 'r6', path: [TABLE3_RESULTS_LABEL, '（六）其他处理'], short: '（六）', role: 'result' },
        ...TABLE3_ROWS_AFTER_OTHER,
      ],
    }],
  },
  {
    id: '四', section: '四', labelColumns: 0,
    blocks: [{ key: 'remedies', allowsExtraRows: false, columns: TABLE4_COLUMNS, rows: TABLE4_ROWS }],
  },
];

/** The 2019 trial format definition. */
export const FORMAT_2019: FormatDefinition = {
  id: '2019',
  name: '政府信息公开工作年度报告格式（试行）',
  document: '国办公开办函〔2019〕60号',
  years: { from: 2019, to: 2020 },
  sections: SECTIONS.map((s) => ({ ...s, variants: [...s.variants] })),
  tables,
  rules: deriveRules(tables),
  narrative: NARRATIVE_FIGURES,
};
