/**
 * 以办理数据填写表三、表四: replaces a draft report's tables 三/四 with the figures counted from the cases
 * (a new version, POST /api/reports/:id/fill-from-cases) and shows what changed, cell by cell.
 */
import { useState } from 'react';
import { App, Button, Modal, Popconfirm, Tooltip } from 'antd';
import type { InterchangeCell, InterchangeReport, ReportDetail } from '../api-types.js';
import { api } from '../api.js';
import { cellText } from '../table-grid.js';

/** One changed cell: its labels and old → new as printed (blank as 空白). */
export interface CellChange { label: string; old: string; new: string }

const printed = (v: InterchangeCell['value'] | undefined) => (v === null || v === undefined || v === '' ? '空白' : cellText(v));
const keyOf = (c: InterchangeCell) => JSON.stringify([c.table, c.row, c.column]);

/** The cells of tables 三/四 whose value differs between two versions of a report, in the new version's order. */
export function tableChanges(before: InterchangeReport, after: InterchangeReport): CellChange[] {
  const old = new Map(before.cells.filter((c) => c.table !== '二').map((c) => [keyOf(c), c.value]));
  return after.cells
    .filter((c) => c.table !== '二' && (old.get(keyOf(c)) ?? null) !== c.value)
    .map((c) => ({ label: `表${c.table}：${[...c.row, ...c.column].join(' / ')}`, old: printed(old.get(keyOf(c))), new: printed(c.value) }));
}

/** The button (for report.edit on a draft); `onFilled` gets the new version. */
export function FillFromCasesButton({ reportId, year, document, disabledReason, onFilled, onError }: {
  reportId: number; year: number; document: InterchangeReport; disabledReason?: string;
  onFilled: (d: ReportDetail) => void; onError: (e: unknown) => void;
}) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [changes, setChanges] = useState<CellChange[] | null>(null);

  const fill = async () => {
    setBusy(true);
    try {
      const filled = await api.fillFromCases(reportId);
      setChanges(tableChanges(document, filled.document));
      message.success(`已以办理数据填写表三、表四（第 ${filled.report.version} 版）`);
      onFilled(filled);
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Popconfirm title="以办理数据填写表三、表四" okText="填写" cancelText="取消" disabled={!!disabledReason}
        description={`将以依申请公开办理数据（${year} 年度）替换表三、表四的全部单元格，保存为新版本；其余内容不变。`}
        onConfirm={() => fill()}>
        <Tooltip title={disabledReason}>
          <Button disabled={!!disabledReason} loading={busy}>以办理数据填写表三、表四</Button>
        </Tooltip>
      </Popconfirm>
      {changes && (
        <Modal open title="表三、表四的变化" onCancel={() => setChanges(null)} footer={<Button type="primary" onClick={() => setChanges(null)}>关闭</Button>}>
          {changes.length === 0 ? <p>办理数据与原有数字一致，没有单元格发生变化。</p> : (() => {
            // Blank cells filled with 0 are many and say little: counted, the other changes listed.
            const zeroed = changes.filter((c) => c.old === '空白' && c.new === '0').length;
            const listed = changes.filter((c) => !(c.old === '空白' && c.new === '0'));
            return (
              <>
                <p>共 {changes.length} 个单元格发生变化{zeroed > 0 ? `，其中 ${zeroed} 个空白单元格填为 0` : ''}{listed.length > 0 ? '；其余变化如下：' : '。'}</p>
                {listed.length > 0 && (
                  <ul className="gk-change gk-change-list">
                    {listed.map((c) => <li key={c.label}>{c.label}：{c.old} → {c.new}</li>)}
                  </ul>
                )}
              </>
            );
          })()}
        </Modal>
      )}
    </>
  );
}
