/**
 * The period lock (已发布年度报告的统计期间): a change that would alter a published report's table 三/四 is
 * refused with 409 PERIOD_LOCKED unless a leader approves it with a reason. The server records the
 * signed-in leader as approver, so the form asks only for the reason — and only from a person who holds
 * `period.override`; anyone else is told who must do it.
 */
import { Alert, Form, Input } from 'antd';
import { ApiError } from '../api.js';

/** Whether a failed request was refused by the period lock. */
export function isPeriodLocked(e: unknown): boolean {
  return e instanceof ApiError && e.code === 'PERIOD_LOCKED';
}

/** The override of a request body: `{ override: { reason } }` when approving, nothing otherwise. */
export function overrideOf(approving: boolean, reason: string | undefined): { override?: { reason: string } } {
  return approving ? { override: { reason: (reason ?? '').trim() } } : {};
}

/** The title of the error alert of a refused change. */
export function lockedTitle(e: unknown, allowed: boolean, fallback: string): string {
  if (!isPeriodLocked(e)) return fallback;
  return allowed ? '统计期间已锁定：填写变更理由后重新提交，批准人记为您本人' : '统计期间已锁定：须由领导批准';
}

/**
 * The reason field (name `overrideReason`) shown after a PERIOD_LOCKED refusal to a person who may
 * approve; to anyone else a note that a leader must sign in and make the change.
 */
export function PeriodLockOverrideFields({ allowed }: { allowed: boolean }) {
  if (!allowed) {
    return (
      <Alert type="warning" showIcon className="gk-form-error"
        title="此项变更将改变已发布年度报告的表三、表四数据，须由具有“领导”角色的人员登录后批准并办理。" />
    );
  }
  return (
    <fieldset className="gk-section">
      <legend>批准变更已发布年度报告的统计数据</legend>
      <p className="gk-note">批准人记为当前登录的您本人。</p>
      <Form.Item name="overrideReason" label="变更理由（至少 4 个字）"
        rules={[{ required: true, message: '请填写变更理由' }, { min: 4, message: '变更理由至少 4 个字' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </fieldset>
  );
}
