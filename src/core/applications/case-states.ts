/**
 * The Chinese names of a case's process states (separate from its outcome, which is a table 三 row).
 * Pure data: the server's views and the office's web UI show the same words.
 */
import type { CaseState } from './case-clock.js';

/** Chinese names of the states of a case. */
export const STATE_NAMES: Readonly<Record<CaseState, string>> = {
  received: '办理中',
  'awaiting-correction': '等待补正',
  consulting: '征求意见中',
  extended: '已延期办理',
  'awaiting-fee': '等待缴纳信息处理费',
  decided: '已答复',
  abandoned: '视为放弃申请',
  withdrawn: '申请人已撤回',
};
