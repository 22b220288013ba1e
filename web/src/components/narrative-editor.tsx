/**
 * 正文: the title, the opening paragraphs, the six sections (and their sub-parts) with one
 * paragraph per line, the signature and the date of issue.
 */
import { useState } from 'react';
import { Button, Form, Input } from 'antd';
import type { InterchangeReport, InterchangeSection } from '../api-types.js';
import { paragraphsFromText, textFromParagraphs } from '../document-edit.js';

interface Props {
  doc: InterchangeReport;
  readOnly: boolean;
  onChange: (doc: InterchangeReport) => void;
}

/** A text area holding paragraphs, one per line; keeps the typed text (empty lines too) while editing. */
function ParagraphsField({ id, label, paragraphs, readOnly, onChange }: {
  id: string; label: string; paragraphs: string[]; readOnly: boolean; onChange: (p: string[]) => void;
}) {
  const [text, setText] = useState(() => textFromParagraphs(paragraphs));
  return (
    <Form.Item label={label} htmlFor={id} extra={readOnly ? undefined : '每行一段；空行不计。'}>
      <Input.TextArea id={id} value={text} readOnly={readOnly} autoSize={{ minRows: 2, maxRows: 18 }}
        onChange={(e) => { setText(e.target.value); onChange(paragraphsFromText(e.target.value)); }} />
    </Form.Item>
  );
}

/** Key of a sub-part's editor: a deletion remounts the following ones so their text follows. */
function docPartKey(section: string, index: number, count: number): string {
  return `${section}-${index}-${count}`;
}

/** The narrative editor. */
export function NarrativeEditor({ doc, readOnly, onChange }: Props) {
  const setSection = (i: number, section: InterchangeSection) => {
    const sections = doc.sections.slice();
    sections[i] = section;
    onChange({ ...doc, sections });
  };
  return (
    <Form layout="vertical" className="gk-narrative">
      <Form.Item label="标题" htmlFor="gk-title">
        <Input id="gk-title" value={doc.title} readOnly={readOnly} onChange={(e) => onChange({ ...doc, title: e.target.value })} />
      </Form.Item>
      <ParagraphsField id="gk-preamble" label="引言（编制依据、统计期限、获取方式）" paragraphs={doc.preamble} readOnly={readOnly}
        onChange={(preamble) => onChange({ ...doc, preamble })} />
      {doc.sections.map((section, i) => (
        <fieldset key={section.key} className="gk-section">
          <legend>{section.heading}</legend>
          {(section.paragraphs.length > 0 || section.parts.length === 0) && (
            <ParagraphsField id={`gk-s${i}`} label={`${section.heading}（正文）`} paragraphs={section.paragraphs} readOnly={readOnly}
              onChange={(paragraphs) => setSection(i, { ...section, paragraphs })} />
          )}
          {section.parts.map((part, j) => {
            const setPart = (next: { heading: string; paragraphs: string[] } | null) => {
              const parts = section.parts.slice();
              if (next) parts[j] = next;
              else parts.splice(j, 1);
              setSection(i, { ...section, parts });
            };
            return (
              <div key={`${docPartKey(section.key, j, section.parts.length)}`} className="gk-part">
                <div className="gk-part-head">
                  <Input aria-label={`${section.heading} 第 ${j + 1} 小节标题`} value={part.heading} readOnly={readOnly}
                    placeholder="小节标题，如：（一）主动公开情况"
                    onChange={(e) => setPart({ ...part, heading: e.target.value })} />
                  {!readOnly && <Button onClick={() => setPart(null)}>删除小节</Button>}
                </div>
                <ParagraphsField id={`gk-s${i}-p${j}`} label={part.heading || `第 ${j + 1} 小节`} paragraphs={part.paragraphs} readOnly={readOnly}
                  onChange={(paragraphs) => setPart({ ...part, paragraphs })} />
              </div>
            );
          })}
          {!readOnly && (
            <Button className="gk-add-part" type="dashed"
              onClick={() => setSection(i, { ...section, parts: [...section.parts, { heading: '', paragraphs: [] }] })}>
              添加小节
            </Button>
          )}
          {['二', '三', '四'].includes(section.key) && <p className="gk-note">本节表格在“表格”页填写。</p>}
        </fieldset>
      ))}
      <div className="gk-sign">
        <Form.Item label="落款机关" htmlFor="gk-signature">
          <Input id="gk-signature" value={doc.signature ?? ''} readOnly={readOnly}
            onChange={(e) => onChange({ ...doc, signature: e.target.value.trim() === '' ? null : e.target.value })} />
        </Form.Item>
        <Form.Item label="成文日期" htmlFor="gk-issued-on" extra={readOnly ? undefined : '落款处的日期；草稿可暂不填写，发布前须填写。'}>
          <Input id="gk-issued-on" type="date" value={doc.issuedOn ?? ''} readOnly={readOnly} style={{ width: 200 }}
            onChange={(e) => onChange({ ...doc, issuedOn: e.target.value === '' ? null : e.target.value })} />
        </Form.Item>
      </div>
    </Form>
  );
}
