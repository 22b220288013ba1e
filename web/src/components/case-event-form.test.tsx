import { describe, expect, it } from 'vitest';
import { eventBody } from './case-event-form.js';
import { caseChangeLines, caseEventLabel } from '../application-labels.js';

describe('eventBody', () => {
  it('sends only the fields of the chosen type, blanks left out', () => {
    expect(eventBody({ type: 'extended', date: '2026-12-03', days: 5, approver: ' 办公室主任李某 ', reason: '需调取档案', party: '某公司' }, false))
      .toEqual({ type: 'extended', date: '2026-12-03', days: 5, approver: '办公室主任李某', reason: '需调取档案' });
    expect(eventBody({ type: 'decided', date: '2026-12-03', decision: 'disclosed', particulars: '  ' }, false))
      .toEqual({ type: 'decided', date: '2026-12-03', decision: 'disclosed' });
    expect(eventBody({ type: 'fee-notice-sent', date: '2026-12-03', feeMethod: 'by-volume', pages: 120 }, false))
      .toEqual({ type: 'fee-notice-sent', date: '2026-12-03', fee: { method: 'by-volume', pages: 120 } });
    // The override is the reason only: the server records the signed-in leader as approver.
    expect(eventBody({ type: 'withdrawn', date: '2026-12-03', overrideReason: ' 补录历史案件 ' }, true))
      .toEqual({ type: 'withdrawn', date: '2026-12-03', override: { reason: '补录历史案件' } });
  });
});

describe('case history words', () => {
  it('names event types and lists old → new in Chinese', () => {
    expect(caseEventLabel('decided')).toBe('作出处理决定');
    expect(caseEventLabel('assigned')).toBe('分配承办科室、承办人');
    expect(caseChangeLines(
      { state: 'received', dueOn: '2026-12-29', decision: null },
      { state: 'decided', dueOn: '2026-12-29', decision: 'disclosed' },
    )).toEqual(['状态：办理中 → 已答复', '处理决定：空 → 予以公开']);
  });
});
