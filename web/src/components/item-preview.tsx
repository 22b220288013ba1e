/**
 * The item as the public will see it on the portal: the metadata table of 政府信息公开目录 (索引号, 发布机构, 文号,
 * 成文日期, 发布日期, 主题分类, 主题词, 有效性), the title, the body and the attachments. The body is the HTML the
 * server sanitised (saved versions) or the editor's own output (unsaved), shown in a sandbox-free container
 * because the editor only produces its own schema's elements.
 */
import { DISCLOSURE_ATTRIBUTES, VALIDITIES } from '../disclosure-labels.js';
import type { ItemAttachment, ItemFields } from '../disclosure-types.js';
import { formatDate } from '../labels.js';

/** The preview. */
export function ItemPreview({ fields, attachments, indexNo, publishedOn, categoryName }: {
  fields: ItemFields; attachments: readonly ItemAttachment[]; indexNo: string | null; publishedOn: string | null; categoryName: string | null;
}) {
  const rows: Array<[string, string]> = [
    ['索引号', indexNo ?? '（发布时生成）'],
    ['主题分类', fields.theme ?? ''],
    ['发布机构', fields.issuer],
    ['成文日期', formatDate(fields.writtenOn)],
    ['文号', fields.docNo ?? ''],
    ['发布日期', publishedOn ? formatDate(publishedOn) : '（发布时填写）'],
    ['目录类别', categoryName ?? ''],
    ['主题词', fields.keywords],
    ['公开属性', DISCLOSURE_ATTRIBUTES[fields.disclosure] ?? ''],
    ['有效性', VALIDITIES[fields.validity] ?? ''],
  ];
  return (
    <article className="gk-preview" aria-label="公众看到的页面预览">
      <table className="gk-preview-meta">
        <tbody>
          {Array.from({ length: Math.ceil(rows.length / 2) }, (_, i) => (
            <tr key={i}>
              {rows.slice(i * 2, i * 2 + 2).map(([k, v]) => [<th key={`${k}h`} scope="row">{k}</th>, <td key={`${k}d`}>{v || '—'}</td>])}
            </tr>
          ))}
        </tbody>
      </table>
      <h2 className="gk-preview-title">{fields.title || '（无标题）'}</h2>
      {fields.summary && <p className="gk-preview-summary">内容概述：{fields.summary}</p>}
      {/* The body is the server-sanitised HTML or tiptap's own output (its schema has no scripts or handlers). */}
      <div className="gk-preview-body" dangerouslySetInnerHTML={{ __html: fields.bodyHtml }} />
      {attachments.length > 0 && (
        <div className="gk-preview-attachments">
          <strong>附件：</strong>
          <ol>{attachments.map((a) => <li key={a.hash}>{a.fileName}</li>)}</ol>
        </div>
      )}
    </article>
  );
}
