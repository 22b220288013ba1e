/**
 * 附件 of an item version: upload (each file with its progress; a refusal — wrong type detected from the bytes,
 * too large, a PDF with scripts, a zip bomb — shown with the server's Chinese message under the file's name),
 * the list with type and size, and removal from this draft (earlier versions keep theirs). Each upload and removal
 * is stored by the server at once (a new version of the draft); `onChanged` reloads the item.
 */
import { useRef, useState } from 'react';
import { Alert, Button, Progress } from 'antd';
import { ApiError } from '../api.js';
import { attachmentUrl, disclosureApi, uploadAttachment } from '../disclosure-api.js';
import { fileSize, fileTypeName } from '../disclosure-labels.js';
import type { ItemAttachment } from '../disclosure-types.js';

interface Upload { key: number; name: string; progress: number; error: string | null }

/** The attachments block; `itemId` null: the item must be saved once before files can be added. */
export function ItemAttachments({ itemId, value, onChanged, onError, readOnly }: {
  itemId: number | null;
  value: readonly ItemAttachment[];
  onChanged: () => Promise<unknown> | void;
  onError: (title: string, error: unknown) => void;
  readOnly?: boolean;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);

  const patch = (key: number, change: Partial<Upload>) => setUploads((list) => list.map((u) => (u.key === key ? { ...u, ...change } : u)));

  const add = (files: FileList | null) => {
    if (!files || itemId === null) return;
    for (const file of Array.from(files)) {
      const key = Date.now() + Math.random();
      setUploads((list) => [...list, { key, name: file.name, progress: 0, error: null }]);
      uploadAttachment(itemId, file, (p) => patch(key, { progress: p }))
        .then(async () => {
          setUploads((list) => list.filter((u) => u.key !== key));
          await onChanged();
        })
        .catch((e: unknown) => patch(key, { error: e instanceof ApiError || e instanceof Error ? e.message : '上传失败' }));
    }
    if (input.current) input.current.value = '';
  };

  return (
    <div className="gk-attachments">
      {value.length === 0 ? <p className="gk-muted">尚无附件。</p> : (
        <ul className="gk-attachment-list" aria-label="附件列表">
          {value.map((a) => (
            <li key={a.hash}>
              {itemId !== null ? <a href={attachmentUrl(itemId, a.hash)} target="_blank" rel="noreferrer">{a.fileName}</a> : <span>{a.fileName}</span>}
              <span className="gk-muted">{fileTypeName(a.fileType)} · {fileSize(a.size)}</span>
              {!readOnly && (
                <button type="button" className="gk-link-button gk-danger-link" aria-label={`移除附件（${a.fileName}）`}
                  onClick={() => {
                    if (itemId === null) return;
                    disclosureApi.removeAttachment(itemId, a.hash).then(onChanged, (e: unknown) => onError('未能移除附件', e));
                  }}>移除</button>
              )}
            </li>
          ))}
        </ul>
      )}
      {uploads.map((u) => (
        <div key={u.key} className="gk-upload-line">
          <span>{u.name}</span>
          {u.error === null ? <Progress percent={Math.round(u.progress * 100)} size="small" aria-label={`上传进度（${u.name}）`} />
            : <Alert type="error" showIcon title={`“${u.name}”未能上传：${u.error}`}
              action={<Button size="small" onClick={() => setUploads((l) => l.filter((x) => x.key !== u.key))}>关闭</Button>} />}
        </div>
      ))}
      {!readOnly && (
        <div className="gk-gap">
          <input ref={input} type="file" multiple hidden aria-hidden="true" tabIndex={-1}
            accept=".pdf,.docx,.xlsx,.wps,.ofd,.png,.jpg,.jpeg,.gif" onChange={(e) => add(e.target.files)} />
          <Button onClick={() => input.current?.click()} disabled={itemId === null}>添加附件</Button>
          <span className="gk-muted gk-inline-note">
            {itemId === null ? '请先保存草稿，再添加附件。' : '可上传 PDF、Word、Excel、WPS、OFD 文件和图片；文件类型按内容识别。'}
          </span>
        </div>
      )}
    </div>
  );
}
