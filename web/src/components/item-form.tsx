/**
 * The metadata of an item version (目录编制规范; 条例 Art. 12, 20): title, 内容概述, category from the catalogue
 * tree, 发布机构, 文号, 成文日期, 主题分类, 主题词, 公开属性, 有效性 and, for 规章 and 行政规范性文件, the dates made,
 * amended and repealed. Problems the server names by field are shown under their field.
 */
import { Cascader, Form, Input, Select } from 'antd';
import type { Problem } from '../api-types.js';
import { DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, THEME_OPTIONS, themePath, themeValue, VALIDITIES } from '../disclosure-labels.js';
import type { CatalogueNode, DisclosureAttribute, ItemFields, NormativeKind, Validity } from '../disclosure-types.js';
import { CatalogueSelect } from './catalogue-select.js';
import { InterpretsSelect } from './interprets-select.js';

/** An empty new item, issued by the agency. */
export function emptyFields(issuer: string, today: string): ItemFields {
  return {
    title: '', summary: '', categoryId: null, issuer, docNo: null, writtenOn: today, theme: null, keywords: '',
    disclosure: 'active', bodyHtml: '', validity: 'valid', normativeKind: null, changedOn: today,
    madeOn: null, amendedOn: null, repealedOn: null, office: null, interprets: null,
  };
}

/** The messages of problems the server placed at a field (`title`, `form.x` …). */
function problemsAt(problems: readonly Problem[], field: keyof ItemFields): string | undefined {
  const found = problems.filter((p) => p.place?.field === field || p.place?.field?.startsWith(`${String(field)}.`)).map((p) => p.message);
  return found.length ? found.join('；') : undefined;
}

const options = <K extends string>(labels: Readonly<Record<K, string>>) =>
  (Object.entries(labels) as Array<[K, string]>).map(([value, label]) => ({ value, label }));

/** The metadata form (controlled). */
export function ItemForm({ value, onChange, tree, problems, readOnly, agencyId = null, itemId = null, interpretsTitle = null }: {
  value: ItemFields;
  onChange: (next: ItemFields) => void;
  tree: CatalogueNode[];
  problems: readonly Problem[];
  readOnly?: boolean;
  /** The agency whose items may be chosen as 解读对象 (no choice offered while unknown). */
  agencyId?: number | null;
  /** The item being edited (not offered as its own 解读对象). */
  itemId?: number | null;
  /** The stored 解读对象's title. */
  interpretsTitle?: string | null;
}) {
  const set = <K extends keyof ItemFields>(key: K, v: ItemFields[K]) => onChange({ ...value, [key]: v });
  const item = (field: keyof ItemFields, label: string, control: React.ReactNode, required = false, extra?: string) => {
    const help = problemsAt(problems, field);
    return (
      <Form.Item label={label} htmlFor={`gk-item-${field}`} required={required} validateStatus={help ? 'error' : undefined} help={help} extra={extra}>
        {control}
      </Form.Item>
    );
  };
  const text = (field: 'title' | 'issuer' | 'keywords', max: number) => (
    <Input id={`gk-item-${field}`} maxLength={max} value={value[field]} disabled={readOnly} onChange={(e) => set(field, e.target.value)} />
  );
  const date = (field: 'writtenOn' | 'madeOn' | 'amendedOn' | 'repealedOn') => (
    <Input id={`gk-item-${field}`} type="date" value={value[field] ?? ''} disabled={readOnly}
      onChange={(e) => set(field, e.target.value || (field === 'writtenOn' ? '' : null))} />
  );
  return (
    <Form layout="vertical" className="gk-item-form" component="div" disabled={readOnly}>
      {item('title', '标题', text('title', 200), true)}
      {item('summary', '内容概述', (
        <Input.TextArea id="gk-item-summary" rows={2} maxLength={500} value={value.summary} onChange={(e) => set('summary', e.target.value)} />
      ), false, '简要说明信息的主要内容（《条例》第十二条）。')}
      <div className="gk-form-row">
        {item('categoryId', '目录类别', <CatalogueSelect id="gk-item-categoryId" tree={tree} value={value.categoryId} onChange={(v) => set('categoryId', v)} />, false, '信息归入主动公开基本目录的哪一类。')}
        {item('issuer', '发布机构', text('issuer', 100), true)}
      </div>
      <div className="gk-form-row">
        {item('docNo', '文号', (
          <Input id="gk-item-docNo" maxLength={60} placeholder="如：威环审批发〔2019〕3号" value={value.docNo ?? ''}
            onChange={(e) => set('docNo', e.target.value.trim() === '' ? null : e.target.value)} />
        ))}
        {item('writtenOn', '成文日期', date('writtenOn'), true)}
      </div>
      <div className="gk-form-row">
        {item('theme', '主题分类', (
          <Cascader id="gk-item-theme" options={THEME_OPTIONS} changeOnSelect placeholder="选择一级、二级分类" value={themePath(value.theme)}
            showSearch={{ filter: (input, path) => path.some((o) => String(o.label).includes(input)) }}
            onChange={(path) => set('theme', themeValue(path as string[] | undefined))} />
        ))}
        {item('keywords', '主题词', text('keywords', 100), false)}
      </div>
      <div className="gk-form-row">
        {item('disclosure', '公开属性', (
          <Select<DisclosureAttribute> id="gk-item-disclosure" value={value.disclosure} options={options(DISCLOSURE_ATTRIBUTES)}
            onChange={(v) => set('disclosure', v)} />
        ), true)}
        {item('validity', '有效性', (
          <Select<Validity> id="gk-item-validity" value={value.validity} options={options(VALIDITIES)} onChange={(v) => set('validity', v)} />
        ), true)}
      </div>
      <div className="gk-form-row">
        {item('normativeKind', '规章/行政规范性文件', (
          <Select<NormativeKind> id="gk-item-normativeKind" value={value.normativeKind ?? undefined} allowClear placeholder="不属于"
            options={options(NORMATIVE_KINDS)} onChange={(v) => set('normativeKind', v ?? null)} />
        ))}
        {item('office', '承办科室', (
          <Input id="gk-item-office" maxLength={40} value={value.office ?? ''} onChange={(e) => set('office', e.target.value.trim() === '' ? null : e.target.value)} />
        ))}
      </div>
      {item('interprets', '本文为以下文件的解读', (
        <InterpretsSelect id="gk-item-interprets" agencyId={agencyId} itemId={itemId} value={value.interprets ?? null} initialTitle={interpretsTitle}
          disabled={readOnly} onChange={(v) => set('interprets', v)} />
      ), false, '本文是政策解读时，选择所解读的本机关文件；两者都公开后，公众在各自页面上可看到对方的链接。')}
      {value.normativeKind !== null && (
        <div className="gk-form-row gk-form-row-3">
          {item('madeOn', '制定日期', date('madeOn'), true)}
          {item('amendedOn', '修改日期', date('amendedOn'))}
          {item('repealedOn', '废止日期', date('repealedOn'))}
        </div>
      )}
    </Form>
  );
}
