/**
 * 新建核查: many report files or zips chosen or dropped (each with its size; a report over 50 MB or a zip over 1 GB
 * refused here with a message), or files already uploaded in earlier batches picked to be audited again. Sends them as one batch
 * and opens it; the reading goes on on the server.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Input, Modal, Progress, Radio, Select, Typography, Upload } from 'antd';
import { auditApi, uploadAuditFiles } from '../audit-api.js';
import { totalSize, uploadRefusal } from '../audit-helpers.js';
import { fileSize } from '../disclosure-labels.js';
import type { AuditBatch, AuditFileRow } from '../schema-types.js';
import { ErrorAlert } from './problem-list.js';

interface Props {
  open: boolean;
  /** Earlier batches, to pick their files again. */
  batches: readonly AuditBatch[];
  onClose: () => void;
  onCreated: (batch: AuditBatch) => void;
}

type Mode = 'upload' | 'again';

/** The dialog. */
export function AuditNewDialog({ open, batches, onClose, onCreated }: Props) {
  const [mode, setMode] = useState<Mode>('upload');
  const [title, setTitle] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [refused, setRefused] = useState<string[]>([]);
  const [fromBatch, setFromBatch] = useState<number | undefined>();
  const [earlier, setEarlier] = useState<AuditFileRow[]>([]);
  const [fileIds, setFileIds] = useState<number[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    setMode('upload'); setTitle(''); setFiles([]); setRefused([]); setFromBatch(undefined); setEarlier([]); setFileIds([]);
    setProgress(null); setError(null);
  }, [open]);

  useEffect(() => {
    if (fromBatch === undefined) { setEarlier([]); return; }
    auditApi.batch(fromBatch, { sort: 'name', order: 'asc' }).then((page) => setEarlier(page.files), setError);
  }, [fromBatch]);

  const add = (file: File) => {
    const refusal = uploadRefusal(file);
    if (refusal) setRefused((r) => [...r, refusal]);
    else setFiles((list) => (list.some((f) => f.name === file.name && f.size === file.size) ? list : [...list, file]));
  };

  const submit = async () => {
    setError(null);
    try {
      let batch: AuditBatch;
      if (mode === 'upload') {
        setProgress(0);
        batch = await uploadAuditFiles(files, title, setProgress);
      } else {
        setProgress(1);
        batch = await auditApi.again({ ...(title.trim() ? { title: title.trim() } : {}), fileIds });
      }
      onCreated(batch);
    } catch (e) {
      setError(e);
      setProgress(null);
    }
  };

  const ready = mode === 'upload' ? files.length > 0 : fileIds.length > 0;
  return (
    <Modal title="新建核查" open={open} onCancel={onClose} onOk={() => void submit()} okText="开始核查" cancelText="取消"
      okButtonProps={{ disabled: !ready || progress !== null }} confirmLoading={progress !== null} width={720} destroyOnHidden>
      <label className="gk-field-label" htmlFor="audit-title">核查名称（可选）</label>
      <Input id="audit-title" maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} placeholder="如：2021 年度各部门年报核查" />
      <Radio.Group className="gk-gap" value={mode} onChange={(e) => setMode(e.target.value as Mode)} aria-label="文件来源"
        options={[{ value: 'upload', label: '上传文件' }, { value: 'again', label: '选择已上传的文件重新核查' }]} optionType="button" />
      {mode === 'upload' ? (
        <div className="gk-gap">
          <Upload.Dragger multiple showUploadList={false} accept=".docx,.pdf,.html,.htm,.txt,.zip"
            beforeUpload={(f) => { add(f); return false; }}>
            <p className="gk-upload-text">点击选择或将文件拖到此处，可一次选择多个文件</p>
            <p className="gk-upload-hint">年度报告的 Word（.docx）、PDF、网页（.html）或文本（.txt）文件，也可以是装有这些文件的 .zip 压缩包（其中的压缩包也会展开，一次最多读取 2000 个文件）；每个报告文件不超过 50 MB，压缩包不超过 1 GB。</p>
          </Upload.Dragger>
          {refused.length > 0 && <Alert className="gk-gap" type="error" showIcon title="以下文件未加入" description={<ul className="gk-plain-list">{refused.map((r) => <li key={r}>{r}</li>)}</ul>}
            closable={{ onClose: () => setRefused([]) }} />}
          {files.length > 0 && (
            <>
              <Typography.Paragraph className="gk-gap gk-audit-chosen-head">已选择 {files.length} 个文件，共 {totalSize(files)}</Typography.Paragraph>
              <ul className="gk-audit-chosen" aria-label="已选择的文件">
                {files.map((f) => (
                  <li key={`${f.name}:${f.size}`}>
                    <span className="gk-audit-chosen-name">{f.name}</span>
                    <span className="gk-muted">{fileSize(f.size)}</span>
                    <Button size="small" type="link" aria-label={`移除（${f.name}）`} onClick={() => setFiles((l) => l.filter((x) => x !== f))}>移除</Button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      ) : (
        <div className="gk-gap">
          <label className="gk-field-label" htmlFor="audit-from-batch">核查批次</label>
          <Select id="audit-from-batch" style={{ width: '100%' }} placeholder="选择一个已有的核查批次" value={fromBatch}
            onChange={(v: number) => { setFromBatch(v); setFileIds([]); }}
            options={batches.map((b) => ({ value: b.id, label: `${b.title}（${b.total} 个文件）` }))} />
          <label className="gk-field-label gk-gap" htmlFor="audit-file-ids">文件</label>
          <Select id="audit-file-ids" mode="multiple" style={{ width: '100%' }} placeholder={fromBatch === undefined ? '请先选择核查批次' : '选择要重新核查的文件'}
            disabled={fromBatch === undefined} value={fileIds} onChange={(v: number[]) => setFileIds(v)} maxTagCount="responsive"
            options={earlier.map((f) => ({ value: f.id, label: `${f.name}（${fileSize(f.size)}）` }))} />
          {earlier.length > 0 && <Button type="link" className="gk-gap" onClick={() => setFileIds(earlier.map((f) => f.id))}>全部选择</Button>}
        </div>
      )}
      {progress !== null && mode === 'upload' && <Progress className="gk-gap" percent={Math.round(progress * 100)} aria-label="上传进度" />}
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="未能开始核查" /></div>}
    </Modal>
  );
}
