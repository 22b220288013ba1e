/**
 * A button that opens a dialog asking for a reason (at least four characters) before an act that must say why —
 * 更正 of a published report, 取消 of a matter: the dialog explains what will happen, shows the server's Chinese
 * message when the act is refused, and closes with a success message once it is done.
 */
import { useState, type ReactNode } from 'react';
import { App, Button, Input, Modal } from 'antd';
import { ErrorAlert } from './problem-list.js';

/** What the dialog says and does. */
export interface ReasonDialogProps {
  /** The button's label (also its accessible name). */
  button: string;
  danger?: boolean;
  title: string;
  /** The confirming button's label. */
  okText: string;
  /** What will happen (shown above the reason). */
  intro: ReactNode;
  /** The reason field's label, and its id. */
  label: string;
  fieldId: string;
  /** The error alert's title when refused. */
  failed: string;
  /** Shown once done. */
  success: string;
  /** Performs the act with the reason (rejects with the server's error). */
  act: (reason: string) => Promise<void>;
}

/** The button and its dialog. */
export function ReasonDialogButton({ button, danger, title, okText, intro, label, fieldId, failed, success, act }: ReasonDialogProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    try {
      await act(reason);
      setOpen(false);
      setReason('');
      setError(null);
      message.success(success);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger={danger} onClick={() => setOpen(true)}>{button}</Button>
      <Modal title={title} open={open} onCancel={() => setOpen(false)} onOk={() => void confirm()} okText={okText} cancelText={danger ? '返回' : '取消'}
        confirmLoading={busy} okButtonProps={{ danger, disabled: reason.trim().length < 4 }}>
        <p>{intro}</p>
        {error !== null && <ErrorAlert error={error} title={failed} onClose={() => setError(null)} />}
        <label htmlFor={fieldId}>{label}</label>
        <Input.TextArea id={fieldId} rows={3} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
