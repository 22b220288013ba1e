/**
 * 导入交换文件: the person picks an interchange JSON file; it is sent to the server as written,
 * and a refusal is shown with the server's message and every problem it listed.
 */
import { useEffect, useState } from 'react';
import { Alert, Modal, Typography, Upload } from 'antd';
import { ApiError, api, reportIdOf } from '../api.js';
import { ErrorAlert } from './problem-list.js';

interface Props {
  open: boolean;
  onClose: () => void;
  onImported: (id: number | null) => void;
}

/** Largest file accepted here; the server enforces its own limit too. */
const MAX_BYTES = 5 * 1024 * 1024;

/** The import dialog. */
export function ImportDialog({ open, onClose, onImported }: Props) {
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);

  useEffect(() => {
    if (open) { setFile(null); setError(null); }
  }, [open]);

  const pick = async (f: File) => {
    setError(null);
    if (f.size > MAX_BYTES) {
      setFile(null);
      setError(new ApiError(413, 'PAYLOAD_TOO_LARGE', `文件“${f.name}”超过 5 MB，不能导入。`));
      return;
    }
    setFile({ name: f.name, text: await f.text() });
  };

  const submit = async () => {
    if (!file) return;
    try {
      JSON.parse(file.text);
    } catch (e) {
      setError(new ApiError(400, 'INVALID_JSON', `文件“${file.name}”不是有效的 JSON：${(e as Error).message}`));
      return;
    }
    setSending(true);
    try {
      const imported = await api.importReport(file.text);
      onClose();
      onImported(reportIdOf(imported));
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  return (
    <Modal title="导入交换文件" open={open} onCancel={onClose} onOk={() => void submit()} okText="导入" cancelText="取消"
      okButtonProps={{ disabled: !file }} confirmLoading={sending} width={680}>
      <Typography.Paragraph type="secondary">
        交换文件为年度报告交换格式（gongkai.annual-report）的 JSON 文件。机关按文件中的机关名称匹配；
        该机关该年度已有未发布的报告时，导入为其新版本。
      </Typography.Paragraph>
      <Upload.Dragger accept=".json,application/json" maxCount={1} showUploadList={false}
        beforeUpload={(f) => { void pick(f); return false; }}>
        <p className="gk-upload-text">点击或将文件拖到此处</p>
        <p className="gk-upload-hint">{file ? `已选择：${file.name}` : '仅支持 .json 文件'}</p>
      </Upload.Dragger>
      {file && error === null && <Alert className="gk-gap" type="info" showIcon title={`将导入“${file.name}”`} />}
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="导入失败" /></div>}
    </Modal>
  );
}
