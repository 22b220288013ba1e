/**
 * One item (主动公开信息): the editor for its drafter (metadata, rich-text body, attachments, save with the
 * stale-save conflict shown, 提交审核), the preview as the public will see it, the step of the review chain the
 * signed-in person may take now (初审 / 保密审查 with the 保密审查表 and the scan's findings / 核审签发), publishing
 * and withdrawal with the channel exports, and the history. What a person may do follows the state (from the
 * server) and their permissions; the server decides.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Space, Tabs, Typography } from 'antd';
import type { Agency } from '../api-types.js';
import { api, ApiError } from '../api.js';
import { disclosureApi, secrecyFormUrl } from '../disclosure-api.js';
import { REVIEW_STEPS } from '../disclosure-labels.js';
import type { CatalogueNode, Channel, ItemDetail, ItemFields, ItemSave, ReviewStep } from '../disclosure-types.js';
import { navigate, routeHref } from '../router.js';
import { agenciesWhere, useCan, useSession } from '../session.js';
import { todayInChina } from '../application-labels.js';
import { ErrorAlert } from '../components/problem-list.js';
import { ItemStateTag } from '../components/item-state-tag.js';
import { ItemForm, emptyFields } from '../components/item-form.js';
import { ItemBodyEditor } from '../components/item-body-editor.js';
import { ItemAttachments } from '../components/item-attachments.js';
import { ItemPreview } from '../components/item-preview.js';
import { ItemHistoryView } from '../components/item-history.js';
import { categoryName } from '../components/catalogue-select.js';
import { ReviewDecision } from '../components/review-decision.js';
import { SecrecyReviewPanel } from '../components/secrecy-review-panel.js';
import { PublicationList, PublishDialog } from '../components/publish-panel.js';
import { ChannelExports } from '../components/channel-exports.js';

/** The fields of a loaded item, as the editor holds them. */
function fieldsOf(item: ItemDetail): ItemFields {
  return {
    title: item.title, summary: item.summary, categoryId: item.categoryId, issuer: item.issuer, docNo: item.docNo,
    writtenOn: item.writtenOn, changedOn: item.changedOn, theme: item.theme, keywords: item.keywords, disclosure: item.disclosure,
    bodyHtml: item.bodyHtml, validity: item.validity, normativeKind: item.normativeKind, madeOn: item.madeOn,
    amendedOn: item.amendedOn, repealedOn: item.repealedOn, office: item.office, interprets: item.interprets,
  };
}

/** The step the item waits for in its state, if any. */
function stepOf(item: ItemDetail | null): ReviewStep | null {
  if (!item) return null;
  const found = (Object.entries(REVIEW_STEPS) as Array<[ReviewStep, (typeof REVIEW_STEPS)[ReviewStep]]>).find(([, d]) => d.state === item.state);
  return found ? found[0] : null;
}

/** The channels the secrecy review of the current version found fit (from its passed step), or null. */
export function clearedChannels(item: Pick<ItemDetail, 'steps' | 'version'> | null): Partial<Record<Channel, boolean>> | null {
  const step = [...(item?.steps ?? [])].reverse()
    .find((s) => s.step === 'secrecy-review' && s.decision === 'pass' && s.version === item?.version);
  const fit = step?.form?.channelsFit;
  return typeof fit === 'object' && fit !== null ? fit as Partial<Record<Channel, boolean>> : null;
}

/** The item screen; `id` null: a new item. */
export function ItemPage({ id }: { id: number | null }) {
  const { message } = App.useApp();
  const session = useSession();
  const mayDraft = useCan('item.draft');
  const mayPublish = useCan('item.publish');
  const may = {
    'first-review': useCan('item.first-review'), 'secrecy-review': useCan('item.secrecy-review'), 'sign-off': useCan('item.sign-off'),
  } as const;
  const [agency, setAgency] = useState<Agency | null>(null);
  const [item, setItem] = useState<ItemDetail | null>(null);
  const [fields, setFields] = useState<ItemFields | null>(null);
  const [tree, setTree] = useState<CatalogueNode[]>([]);
  const [saveWarnings, setSaveWarnings] = useState<ItemSave['warnings']>([]);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [stale, setStale] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [tab, setTab] = useState<string | undefined>(undefined);
  const [publishing, setPublishing] = useState(false);

  const load = useCallback(async (itemId: number) => {
    try {
      const it = await disclosureApi.item(itemId);
      setItem(it);
      setFields(fieldsOf(it));
      setError(null);
      return it;
    } catch (e) {
      setError({ title: '信息加载失败', error: e });
      return null;
    }
  }, []);

  useEffect(() => {
    void api.agencies().then((all) => {
      const mine = agenciesWhere(id === null ? 'item.draft' : 'item.read', all);
      const a = mine.find((x) => x.id === session?.user.agencyId) ?? mine[0] ?? null;
      setAgency(a);
      if (id === null) setFields(emptyFields(a?.name ?? '', todayInChina()));
    }).catch((e: unknown) => setError({ title: '机关加载失败', error: e }));
    if (id !== null) void load(id);
  }, [id, load, session?.user.agencyId]);

  useEffect(() => {
    const agencyId = item?.agencyId ?? agency?.id;
    if (agencyId !== undefined) void disclosureApi.catalogue(agencyId).then((t) => setTree(t.nodes)).catch(() => setTree([]));
  }, [item?.agencyId, agency?.id]);

  const editable = id === null || (item !== null && (item.state === 'draft' || item.state === 'returned') && mayDraft);
  const step = stepOf(item);
  const myStep = step !== null && may[step] ? step : null;
  // 撤回签发: the leader may take a sign-off back while the version is not yet published.
  const mayTakeBack = item?.state === 'approved' && may['sign-off'];
  const problems = error?.error instanceof ApiError ? error.error.problems : [];
  const dirty = useMemo(() => item !== null && fields !== null && JSON.stringify(fieldsOf(item)) !== JSON.stringify(fields), [item, fields]);

  const save = async (): Promise<ItemDetail | null> => {
    if (!fields) return null;
    setBusy(true);
    try {
      if (id === null) {
        if (!agency) throw new ApiError(0, 'NO_AGENCY', '您没有起草信息的机关权限。');
        const created = await disclosureApi.createItem(agency.id, fields);
        message.success('草稿已保存');
        setSaveWarnings(created.warnings);
        navigate({ name: 'item', id: created.item.id });
        return created.item;
      }
      const saved = await disclosureApi.saveItem(id, fields, item!.version);
      setItem(saved.item);
      setFields(fieldsOf(saved.item));
      setSaveWarnings(saved.warnings);
      setError(null);
      setStale(null);
      message.success(`已保存为第 ${saved.item.version} 版`);
      return saved.item;
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && /STALE/.test(e.code)) setStale(e);
      else setError({ title: '未能保存', error: e });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const act = async (title: string, run: () => Promise<unknown>, done: string) => {
    if (id === null) return;
    setBusy(true);
    try {
      await run();
      await load(id);
      message.success(done);
    } catch (e) {
      setError({ title, error: e });
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (id === null) return;
    if (dirty && !(await save())) return;
    await act('未能提交审核', () => disclosureApi.submitItem(id), '已提交科室负责人初审');
  };

  if (error && !item && id !== null) {
    return <div className="gk-page"><ErrorAlert error={error.error} title={error.title} /></div>;
  }
  if (!fields) return <div className="gk-page" aria-busy="true" />;

  const cName = categoryName(tree, fields.categoryId);
  const fit = clearedChannels(item);
  const stepPanel = myStep && item && id !== null && (
    myStep === 'secrecy-review' ? (
      <SecrecyReviewPanel item={item} findings={item.findings} busy={busy}
        onResolve={async (f, resolution, reason) => {
          try {
            await disclosureApi.resolveFinding(id, f.id, resolution, reason);
            await load(id);
          } catch (e) {
            setError({ title: '未能处理该项', error: e });
          }
        }}
        onDecide={(body) => act(body.decision === 'pass' ? '保密审查未能通过' : '未能退回', () => disclosureApi.reviewItem(id, body),
          body.decision === 'pass' ? '保密审查已通过' : '已退回经办人')} />
    ) : (
      <section className="gk-panel" aria-labelledby="gk-review-title">
        <Typography.Title level={2} className="gk-h2" id="gk-review-title">{REVIEW_STEPS[myStep].name}</Typography.Title>
        <ReviewDecision stepName={REVIEW_STEPS[myStep].name} busy={busy}
          onPass={(comment) => void act('未能通过', () => disclosureApi.reviewItem(id, { step: myStep, decision: 'pass', ...(comment ? { comment } : {}) }),
            `${REVIEW_STEPS[myStep].name}已通过`)}
          onReturn={(reason, comment) => void act('未能退回', () => disclosureApi.reviewItem(id, { step: myStep, decision: 'return', reason, ...(comment ? { comment } : {}) }),
            '已退回经办人')} />
      </section>
    )
  );

  const preview = (
    <div className="gk-panel">
      <ItemPreview fields={fields} attachments={item?.attachments ?? []} indexNo={item?.indexNo ?? null} publishedOn={item?.publishedOn ?? null} categoryName={cName} />
    </div>
  );
  const takeBackPanel = mayTakeBack && id !== null && (
    <section className="gk-panel" aria-labelledby="gk-takeback-title">
      <Typography.Title level={2} className="gk-h2" id="gk-takeback-title">撤回签发</Typography.Title>
      <p className="gk-note">已签发、尚未发布的信息，领导可以写明理由撤回签发，退回经办人修改。</p>
      <ReviewDecision stepName={REVIEW_STEPS['sign-off'].name} busy={busy} takeBack onPass={() => undefined}
        onReturn={(reason, comment) => void act('未能撤回签发', () => disclosureApi.reviewItem(id, { step: 'sign-off', decision: 'return', reason, ...(comment ? { comment } : {}) }),
          '已撤回签发，退回经办人')} />
    </section>
  );
  const tabs = [
    // Whoever cannot edit (reviewers, the publisher) reads the item as the public will see it, with its attachments.
    !editable ? {
      key: 'edit', label: '内容',
      children: (
        <>
          {preview}
          <section className="gk-panel gk-gap" aria-labelledby="gk-att-title">
            <Typography.Title level={2} className="gk-h2" id="gk-att-title">附件</Typography.Title>
            <ItemAttachments itemId={id} value={item?.attachments ?? []} readOnly onChanged={() => undefined} onError={() => undefined} />
          </section>
        </>
      ),
    } : {
      key: 'edit', label: '编辑',
      children: (
        <div className="gk-item-edit">
          <section className="gk-panel" aria-label="基本信息">
            <ItemForm value={fields} onChange={setFields} tree={tree} problems={problems} readOnly={!editable}
              agencyId={item?.agencyId ?? agency?.id ?? null} itemId={item?.id ?? null} interpretsTitle={item?.interpretsTitle ?? null} />
          </section>
          <section className="gk-panel gk-gap" aria-labelledby="gk-body-title">
            <Typography.Title level={2} className="gk-h2" id="gk-body-title">正文</Typography.Title>
            <ItemBodyEditor value={fields.bodyHtml} onChange={(bodyHtml) => setFields((f) => (f ? { ...f, bodyHtml } : f))} readOnly={!editable} />
          </section>
          <section className="gk-panel gk-gap" aria-labelledby="gk-att-title">
            <Typography.Title level={2} className="gk-h2" id="gk-att-title">附件</Typography.Title>
            <ItemAttachments itemId={id} value={item?.attachments ?? []} readOnly={!editable}
              onChanged={() => (id === null ? undefined : load(id))} onError={(title, e) => setError({ title, error: e })} />
          </section>
        </div>
      ),
    },
    ...(editable ? [{ key: 'preview', label: '预览', children: preview }] : []),
    ...(item && (item.state === 'approved' || item.state === 'published' || item.publications.length > 0) ? [{
      key: 'publish', label: '发布与渠道',
      children: (
        <div className="gk-panel">
          <Typography.Title level={2} className="gk-h2">发布记录</Typography.Title>
          <PublicationList item={item} mayWithdraw={mayPublish}
            onWithdraw={async (publication, reason) => { await disclosureApi.withdrawItem(item.id, publication.id, reason); await load(item.id); message.success(`已从${publication.channelName}撤回`); }} />
          {item.publications.length > 0 && <><Typography.Title level={2} className="gk-h2 gk-gap">渠道导出</Typography.Title><ChannelExports itemId={item.id} /></>}
          {fit && (
            <p className="gk-gap">互联网信息发布保密审查表：<a href={secrecyFormUrl(item.id, 'docx')}>下载 Word</a>　<a href={secrecyFormUrl(item.id, 'pdf')}>下载 PDF</a></p>
          )}
        </div>
      ),
    }] : []),
    ...(item ? [{ key: 'history', label: '历史', children: <div className="gk-panel"><ItemHistoryView item={item} /></div> }] : []),
  ];

  return (
    <div className="gk-page">
      <p className="gk-back"><a href={routeHref({ name: 'items' })}>← 主动公开信息</a></p>
      <div className="gk-page-head gk-item-head">
        <div>
          <Typography.Title level={1} className="gk-page-title">{id === null ? '起草信息' : item?.title || '（无标题）'}</Typography.Title>
          {item && (
            <div className="gk-meta">
              <ItemStateTag state={item.state} /> 第 {item.version} 版 · 经办人 {item.drafterName}
              {item.indexNo && <> · 索引号 <span className="gk-index-no">{item.indexNo}</span></>}
            </div>
          )}
        </div>
        <Space wrap className="gk-actions">
          {editable && <Button onClick={() => void save()} loading={busy}>保存草稿</Button>}
          {editable && id !== null && <Button type="primary" onClick={() => void submit()} loading={busy}>提交审核</Button>}
          {item && mayPublish && (item.state === 'approved' || item.state === 'published') && (
            <Button type="primary" onClick={() => setPublishing(true)}>发布…</Button>
          )}
        </Space>
      </div>
      {stale && (
        <Alert className="gk-gap" type="error" showIcon title="未能保存：他人已保存了更新的版本"
          description={<>{stale.message}<br />您的修改仍保留在页面上。可先复制需要保留的内容，再载入最新版本后重新修改。</>}
          action={<Space direction="vertical">
            <Button size="small" danger onClick={() => { setStale(null); if (id !== null) void load(id); }}>载入最新版本（放弃我的修改）</Button>
            <Button size="small" onClick={() => setStale(null)}>继续编辑</Button>
          </Space>} />
      )}
      {error !== null && <div className="gk-gap gk-form-error"><ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} /></div>}
      {saveWarnings.length > 0 && (
        <Alert className="gk-gap" type="warning" showIcon closable onClose={() => setSaveWarnings([])} title="已保存，请注意："
          description={<ul className="gk-plain-list">{saveWarnings.map((w) => <li key={w.code + w.field}>{w.message}</li>)}</ul>} />
      )}
      {item?.state === 'returned' && <ReturnedNotice item={item} />}
      {stepPanel && <div className="gk-gap">{stepPanel}</div>}
      {takeBackPanel && <div className="gk-gap">{takeBackPanel}</div>}
      <Tabs className="gk-gap" activeKey={tab ?? 'edit'} onChange={setTab} items={tabs} />
      {item && <PublishDialog open={publishing} item={item} fit={fit} onClose={() => { setPublishing(false); void load(item.id); }}
        onPublish={async (channels) => {
          await disclosureApi.publishItem(item.id, channels);
          return (await load(item.id)) ?? item;
        }} />}
    </div>
  );
}

/** Why the item came back: the last return's step, reviewer and reason. */
function ReturnedNotice({ item }: { item: Pick<ItemDetail, 'steps' | 'version'> }) {
  const last = [...item.steps].reverse().find((s) => s.decision === 'return');
  if (!last) return null;
  return (
    <Alert className="gk-gap" type="warning" showIcon title={`第 ${last.version} 版已在“${last.stepName}”环节被 ${last.actor} 退回`}
      description={<>退回理由：{last.reason}{last.version === item.version ? '。请修改后重新提交审核。' : ''}</>} />
  );
}
