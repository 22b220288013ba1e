/**
 * The item body (正文) as rich text (tiptap): headings, bold, italic, lists, quotes, a table-free subset the
 * server's sanitiser keeps. The editor gives HTML; the server sanitises it again before storing (the UI is no
 * safeguard).
 */
import { useEffect } from 'react';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';

interface ToolButton { label: string; active: boolean; run: () => void }

/** The toolbar and the editing area. */
export function ItemBodyEditor({ value, onChange, readOnly, id }: { value: string; onChange: (html: string) => void; readOnly?: boolean; id?: string }) {
  const editor = useEditor({
    extensions: [StarterKit.configure({ link: false })],
    content: value,
    editable: !readOnly,
    immediatelyRender: true,
    editorProps: { attributes: { class: 'gk-body-editor', 'aria-label': '正文', role: 'textbox', 'aria-multiline': 'true', ...(id ? { id } : {}) } },
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? '' : e.getHTML()),
  });
  // A value replaced from outside (a reload after saving, a version from the server) is shown as it is.
  useEffect(() => {
    if (editor && value !== (editor.isEmpty ? '' : editor.getHTML())) editor.commands.setContent(value, { emitUpdate: false });
  }, [editor, value]);
  useEffect(() => { editor?.setEditable(!readOnly); }, [editor, readOnly]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive('bold') ?? false, italic: e?.isActive('italic') ?? false,
      h2: e?.isActive('heading', { level: 2 }) ?? false, h3: e?.isActive('heading', { level: 3 }) ?? false,
      bullet: e?.isActive('bulletList') ?? false, ordered: e?.isActive('orderedList') ?? false, quote: e?.isActive('blockquote') ?? false,
    }),
  });
  if (!editor) return null;
  const chain = () => editor.chain().focus();
  const buttons: ToolButton[] = [
    { label: '二级标题', active: !!state?.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { label: '三级标题', active: !!state?.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { label: '加粗', active: !!state?.bold, run: () => chain().toggleBold().run() },
    { label: '倾斜', active: !!state?.italic, run: () => chain().toggleItalic().run() },
    { label: '项目符号列表', active: !!state?.bullet, run: () => chain().toggleBulletList().run() },
    { label: '编号列表', active: !!state?.ordered, run: () => chain().toggleOrderedList().run() },
    { label: '引用', active: !!state?.quote, run: () => chain().toggleBlockquote().run() },
  ];
  return (
    <div className={readOnly ? 'gk-body gk-body-readonly' : 'gk-body'}>
      {!readOnly && (
        <div className="gk-body-toolbar" role="toolbar" aria-label="正文格式">
          {buttons.map((b) => (
            <button key={b.label} type="button" aria-pressed={b.active}
              className={b.active ? 'gk-tool gk-tool-active' : 'gk-tool'} onClick={b.run}>{b.label}</button>
          ))}
          <button type="button" className="gk-tool" onClick={() => chain().undo().run()}>撤销</button>
          <button type="button" className="gk-tool" onClick={() => chain().redo().run()}>重做</button>
        </div>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
