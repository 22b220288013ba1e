/**
 * One matter (事项) and its 办事指南: the editor (every element of the guide; a save is a new version named by the
 * version it was edited from), submission and the review chain (the same panel as the catalogue and the guide), and,
 * once published, the guide page, its A4 PDF and its QR code (PNG for screens, SVG for the hall's boards). The server
 * checks every rule and names what is wrong in Chinese; the form only gathers.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Checkbox, Input, InputNumber, Select, Space, Spin, Typography, Upload } from 'antd';
import { AbolishButton, AbolitionNotes, mayAbolish } from '../components/matter-abolition.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';
import { VersionReview } from '../components/version-review.js';
import {
  AUDIENCES, HANDLING_KINDS, MATERIAL_KINDS, MATTER_FLAG_KEYS, MATTER_FLAGS, MATTER_TYPES, SERVICE_LEVELS,
} from '../../../src/core/matters/matter-lists.js';
import { matterApi, matterFiles, uploadMatterFile, type MatterContent, type MatterThemeResponse, type MatterViewResponse } from '../matter-api.js';
import { formatTime } from '../labels.js';
import { navigate } from '../router.js';
import { useCan } from '../session.js';

const MEDIUMS = { paper: '纸质', electronic: '电子', both: '纸质和电子' } as const;
const keyOf = (list: Record<string, string>, name: string) => Object.entries(list).find(([, v]) => v === name)?.[0] ?? name;

/** A new matter's starting content. */
function blank(): MatterContent {
  return {
    name: '', code: '', type: 'licence', handlingKind: 'promised', office: '', legalBasis: [], audiences: ['person'], themes: [], levels: ['district'],
    conditions: '', materials: [], procedure: [], statutoryDays: null, promisedDays: 0, fee: { charged: false, standard: '', basis: '' },
    place: '', hours: '', consultation: '', complaint: '', onlineUrl: '', visits: 1,
    flags: { online: false, fullyOnline: false, atMostOnce: true, zeroVisit: false, mailDelivery: false }, faq: '',
  };
}

/** Materials as lines `名称｜原件｜1｜纸质` (the import's form). */
const materialsText = (m: MatterContent['materials']) => m.map((x) => [x.name, MATERIAL_KINDS[x.kind], x.copies, MEDIUMS[x.medium]].join('｜')).join('\n');
function materialsOf(text: string, before: MatterContent['materials']): MatterContent['materials'] {
  return text.split('\n').map((l) => l.trim()).filter(Boolean).map((line) => {
    const [name = '', kind = '原件', copies = '1', medium = '纸质'] = line.split(/[|｜]/).map((s) => s.trim());
    const old = before.find((b) => b.name === name);
    return {
      name, kind: keyOf(MATERIAL_KINDS, kind) as MatterContent['materials'][number]['kind'], copies: Number(copies) || 1,
      medium: keyOf(MEDIUMS, medium) as MatterContent['materials'][number]['medium'], blankForm: old?.blankForm ?? null, sample: old?.sample ?? null,
    };
  });
}
const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

function Field({ label, children, wide }: { label: string; children: React.ReactNode; wide?: boolean }) {
  return <label className={wide ? 'gk-field gk-field-wide' : 'gk-field'}><span>{label}</span>{children}</label>;
}

/** The matter screen; `id` null: a new matter of `agencyId`. */
export function MatterPage({ agencyId, id }: { agencyId: number; id: number | null }) {
  const mayDraft = useCan('item.draft');
  const [view, setView] = useState<MatterViewResponse | null>(null);
  const [content, setContent] = useState<MatterContent>(blank());
  const [themes, setThemes] = useState<MatterThemeResponse[]>([]);
  const [offices, setOffices] = useState<string[]>([]);
  const [materials, setMaterials] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (v: MatterViewResponse) => { setView(v); setContent(v.content); setMaterials(materialsText(v.content.materials)); };
  useEffect(() => {
    matterApi.themes(agencyId).then((t) => setThemes(t.filter((x) => !x.archived)), setError);
    matterApi.offices(agencyId).then((o) => setOffices(o.map((x) => x.name)), setError);
    if (id !== null) matterApi.get(agencyId, id).then(show, setError);
  }, [agencyId, id]);

  const set = (patch: Partial<MatterContent>) => setContent((c) => ({ ...c, ...patch }));
  const run = async (call: () => Promise<MatterViewResponse>, done: string) => {
    setBusy(true); setSaved(null);
    try { const v = await call(); show(v); setError(null); setSaved(done); return v; } catch (e) { setError(e); return null; } finally { setBusy(false); }
  };
  const save = async () => {
    const body = { ...content, materials: materialsOf(materials, content.materials) };
    if (id === null) {
      const made = await run(() => matterApi.create(agencyId, body), '已保存为第 1 版');
      if (made) navigate({ name: 'matter', agencyId, id: made.id });
    } else await run(() => matterApi.save(agencyId, id, view!.version, body), '已保存为新版本');
  };
  if (id !== null && !view && error === null) return <Spin />;
  // An abolished matter is closed: nothing more to edit or publish.
  const editable = mayDraft && (!view || (['draft', 'returned', 'published'].includes(view.state) && !view.abolished));
  const files = id !== null ? matterFiles(agencyId, id) : null;
  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">{id === null ? '新建事项' : content.name || '事项'} {view && <ItemStateTag state={view.state} />}</Typography.Title>
        {view && <p className="gk-note">当前第 {view.version} 版（{view.createdBy}，{formatTime(view.createdAt)}）；{view.publishedVersion ? `公众看到第 ${view.publishedVersion} 版` : '尚未发布'}。</p>}
      </div>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="未能完成" onClose={() => setError(null)} /></div>}
      {saved && <Alert className="gk-gap" type="success" showIcon title={saved} closable onClose={() => setSaved(null)} />}
      {view && <AbolitionNotes view={view} />}
      {view?.publishedVersion && !view.abolished && files && (
        <section className="gk-panel gk-gap" aria-labelledby="gk-files-title">
          <Typography.Title level={2} className="gk-h2" id="gk-files-title">已发布的办事指南</Typography.Title>
          <Space wrap>
            <a href={files.page} target="_blank" rel="noopener">打开门户网站上的指南页</a>
            <a href={files.pdf}>下载打印版（A4 PDF，含二维码）</a>
            <a href={files.png}>下载二维码（PNG）</a>
            <a href={files.svg}>下载二维码（SVG，大厅展板用）</a>
          </Space>
          <p><img src={files.png} width={140} height={140} alt={`“${content.name}”办事指南的二维码`} /></p>
        </section>
      )}
      <form className="gk-panel gk-gap gk-form-grid" aria-label="事项内容" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <fieldset disabled={!editable} style={{ border: 0, padding: 0, margin: 0, display: 'contents' }}>
          <Field label="事项名称"><Input value={content.name} onChange={(e) => set({ name: e.target.value })} /></Field>
          <Field label="事项编码"><Input value={content.code} onChange={(e) => set({ code: e.target.value })} /></Field>
          <Field label="事项类型"><Select aria-label="事项类型" value={content.type} onChange={(v) => set({ type: v })} options={Object.entries(MATTER_TYPES).map(([value, label]) => ({ value, label }))} /></Field>
          <Field label="办件类型"><Select aria-label="办件类型" value={content.handlingKind} onChange={(v) => set({ handlingKind: v })} options={Object.entries(HANDLING_KINDS).map(([value, label]) => ({ value, label }))} /></Field>
          <Field label="实施主体"><Select aria-label="实施主体" value={content.office || undefined} onChange={(v: string) => set({ office: v })} options={offices.map((o) => ({ value: o, label: o }))} /></Field>
          <Field label="服务对象"><Select aria-label="服务对象" mode="multiple" value={content.audiences} onChange={(v) => set({ audiences: v })} options={Object.entries(AUDIENCES).map(([value, label]) => ({ value, label }))} /></Field>
          <Field label="主题分类" wide><Select aria-label="主题分类" mode="multiple" value={content.themes} onChange={(v: string[]) => set({ themes: v })}
            options={content.audiences.map((a) => ({ label: AUDIENCES[a], options: themes.filter((t) => t.audience === a).map((t) => ({ value: t.key, label: t.name })) }))} /></Field>
          <Field label="服务层级" wide><Select aria-label="服务层级" mode="multiple" value={content.levels} onChange={(v) => set({ levels: v })} options={Object.entries(SERVICE_LEVELS).map(([value, label]) => ({ value, label }))} /></Field>
          <Field label="设定依据（每行一条）" wide><Input.TextArea rows={3} value={content.legalBasis.join('\n')} onChange={(e) => set({ legalBasis: lines(e.target.value) })} /></Field>
          <Field label="受理条件" wide><Input.TextArea rows={3} value={content.conditions} onChange={(e) => set({ conditions: e.target.value })} /></Field>
          <Field label="申请材料（每行一项：名称｜原件或复印件｜份数｜纸质或电子）" wide><Input.TextArea rows={4} value={materials} onChange={(e) => setMaterials(e.target.value)} /></Field>
          {content.materials.length > 0 && (
            <div className="gk-field gk-field-wide" role="group" aria-label="表格下载">
              <span>表格下载（空白表格、示范样表；保存后随指南发布）</span>
              <ul>{content.materials.map((m, i) => (
                <li key={`${m.name}-${i}`}>{m.name}：
                  {(['blankForm', 'sample'] as const).map((slot) => (
                    <Upload key={slot} showUploadList={false} beforeUpload={(file) => {
                      uploadMatterFile(agencyId, file).then((ref) => set({ materials: content.materials.map((x, j) => (j === i ? { ...x, [slot]: ref } : x)) }), setError);
                      return false;
                    }}><Button size="small" type="link">{m[slot] ? `${slot === 'blankForm' ? '空白表格' : '示范样表'}：${m[slot]!.fileName}（更换）` : `上传${slot === 'blankForm' ? '空白表格' : '示范样表'}`}</Button></Upload>
                  ))}
                </li>
              ))}</ul>
            </div>
          )}
          <Field label="办理流程（每行一个环节）" wide><Input.TextArea rows={4} value={content.procedure.join('\n')} onChange={(e) => set({ procedure: lines(e.target.value) })} /></Field>
          <Field label="法定办结时限（工作日，无则留空）"><InputNumber aria-label="法定办结时限" min={0} max={365} value={content.statutoryDays} onChange={(v) => set({ statutoryDays: typeof v === 'number' ? v : null })} /></Field>
          <Field label="承诺办结时限（工作日）"><InputNumber aria-label="承诺办结时限" min={0} max={365} value={content.promisedDays} onChange={(v) => set({ promisedDays: typeof v === 'number' ? v : 0 })} /></Field>
          <Field label="到现场次数"><InputNumber aria-label="到现场次数" min={0} max={10} value={content.visits} onChange={(v) => set({ visits: typeof v === 'number' ? v : 0 })} /></Field>
          <Field label="收费"><Checkbox checked={content.fee.charged} onChange={(e) => set({ fee: { ...content.fee, charged: e.target.checked } })}>收费</Checkbox></Field>
          {content.fee.charged && <Field label="收费标准"><Input value={content.fee.standard} onChange={(e) => set({ fee: { ...content.fee, standard: e.target.value } })} /></Field>}
          {content.fee.charged && <Field label="收费依据"><Input value={content.fee.basis} onChange={(e) => set({ fee: { ...content.fee, basis: e.target.value } })} /></Field>}
          <Field label="办理地点" wide><Input value={content.place} onChange={(e) => set({ place: e.target.value })} /></Field>
          <Field label="办理时间" wide><Input value={content.hours} onChange={(e) => set({ hours: e.target.value })} /></Field>
          <Field label="咨询方式" wide><Input value={content.consultation} onChange={(e) => set({ consultation: e.target.value })} /></Field>
          <Field label="监督投诉方式" wide><Input value={content.complaint} onChange={(e) => set({ complaint: e.target.value })} /></Field>
          <Field label="网上办理地址" wide><Input value={content.onlineUrl} onChange={(e) => set({ onlineUrl: e.target.value })} /></Field>
          <div className="gk-field gk-field-wide" role="group" aria-label="办理方式">
            <span>办理方式</span>
            <Space wrap>{MATTER_FLAG_KEYS.map((k) => (
              <Checkbox key={k} checked={content.flags[k]} onChange={(e) => set({ flags: { ...content.flags, [k]: e.target.checked } })}>{MATTER_FLAGS[k]}</Checkbox>
            ))}</Space>
          </div>
          <Field label="常见问题" wide><Input.TextArea rows={2} value={content.faq} onChange={(e) => set({ faq: e.target.value })} /></Field>
        </fieldset>
        {editable && (
          <Space className="gk-field-wide">
            <Button type="primary" htmlType="submit" loading={busy}>{id === null ? '保存' : '保存为新版本'}</Button>
            {view && ['draft', 'returned'].includes(view.state) && (
              <Button loading={busy} onClick={() => void run(() => matterApi.submit(agencyId, id!), '已提交审核')}>提交审核</Button>
            )}
            {view && mayAbolish(view) && <AbolishButton agencyId={agencyId} view={view} onDone={show} />}
          </Space>
        )}
      </form>
      {view && view.state !== 'draft' && (
        <VersionReview what="办事指南" version={view}
          onReview={async (body) => { const v = await matterApi.review(agencyId, view.id, body); show(v); }}
          onPublish={async (channels) => { const v = await matterApi.publish(agencyId, view.id, channels); show(v); }} />
      )}
    </div>
  );
}
