/**
 * 政府信息公开指南 (条例 Art. 12) as a structured form: 信息分类与编排, how to obtain proactive information, how to
 * apply (方式, 申请表, 渠道, 期限, 收费), the office (名称, 地址, 办公时间, 电话, 邮编, 传真, 邮箱, 网址) and remedies. Saved as
 * versions (a save on a stale version is refused and said so), submitted and reviewed through the chain. The
 * server's validation names each missing or malformed field; those messages are shown under their fields.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Form, Input, Space, Typography } from 'antd';
import { ApiError } from '../api.js';
import type { Problem } from '../api-types.js';
import { disclosureApi } from '../disclosure-api.js';
import type { GuideContent, GuideVersion } from '../disclosure-types.js';
import { useCan } from '../session.js';
import { ErrorAlert } from './problem-list.js';
import { VersionReview } from './version-review.js';

type Path = string;

function get(content: GuideContent, path: Path): string | string[] {
  return path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], content) as string | string[];
}

function set(content: GuideContent, path: Path, value: string | string[]): GuideContent {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const c = content as unknown as Record<string, unknown>;
  if (tail === undefined) return { ...c, [head]: value } as unknown as GuideContent;
  return { ...c, [head]: { ...(c[head] as Record<string, unknown>), [tail]: value } } as unknown as GuideContent;
}

/** The form's fields: path, label, kind (text, long text, one per line). */
const FIELDS: ReadonlyArray<{ section: string; fields: ReadonlyArray<[Path, string, 'text' | 'long' | 'lines']> }> = [
  { section: '信息分类与编排', fields: [['classification', '信息分类与编排体系', 'long']] },
  { section: '主动公开', fields: [['proactive.description', '获取方式', 'long'], ['proactive.channels', '主动公开渠道（每行一项）', 'lines']] },
  {
    section: '依申请公开', fields: [
      ['onRequest.howToApply', '申请方式', 'long'], ['onRequest.forms', '申请表的获取方式', 'long'],
      ['onRequest.channels', '申请的提交渠道（每行一项）', 'lines'], ['onRequest.timeLimits', '答复期限', 'long'], ['onRequest.fees', '收费说明', 'long'],
    ],
  },
  {
    section: '工作机构', fields: [
      ['office.name', '工作机构名称', 'text'], ['office.address', '办公地址', 'text'], ['office.officeHours', '办公时间', 'text'],
      ['office.phone', '联系电话', 'text'], ['office.postcode', '邮政编码', 'text'], ['office.fax', '传真', 'text'],
      ['office.email', '电子邮箱', 'text'], ['office.website', '网址', 'text'],
    ],
  },
  { section: '监督和救济', fields: [['remedies.supervision', '监督方式', 'long'], ['remedies.reconsideration', '行政复议', 'long'], ['remedies.litigation', '行政诉讼', 'long']] },
];

function problemAt(problems: readonly Problem[], path: Path): string | undefined {
  const found = problems.filter((p) => p.place?.field === path || p.place?.field === `content.${path}` || p.place?.field?.startsWith(`content.${path}.`)).map((p) => p.message);
  return found.length ? found.join('；') : undefined;
}

/** The guide editor of an agency. */
export function GuideEditor({ agencyId }: { agencyId: number }) {
  const { message } = App.useApp();
  const mayEdit = useCan('catalogue.edit');
  const [guide, setGuide] = useState<GuideVersion | null>(null);
  const [content, setContent] = useState<GuideContent | null>(null);
  const [error, setError] = useState<{ title: string; error: unknown } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      const g = await disclosureApi.guide(agencyId);
      setGuide(g);
      setContent(g.content);
      setError(null);
    } catch (e) {
      setError({ title: '指南加载失败', error: e });
    }
  }, [agencyId]);
  useEffect(() => { void load(); }, [load]);

  if (!content || !guide) return error ? <ErrorAlert error={error.error} title={error.title} /> : null;
  const editable = mayEdit && (guide.version === 0 || guide.state === 'draft' || guide.state === 'returned' || guide.state === 'published');
  const problems = error?.error instanceof ApiError ? error.error.problems : [];
  const stale = error?.error instanceof ApiError && error.error.status === 409;

  const save = async () => {
    setBusy(true);
    try {
      const saved = await disclosureApi.saveGuide(agencyId, content, guide.version);
      setGuide(saved);
      setContent(saved.content);
      setError(null);
      message.success(`指南已保存为第 ${saved.version} 版`);
    } catch (e) {
      setError({ title: '未能保存指南', error: e });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {error !== null && (
        <div className="gk-gap gk-form-error">
          <ErrorAlert error={error.error} title={error.title} onClose={() => setError(null)} />
          {stale && <Button className="gk-gap" danger onClick={() => void load()}>载入最新版本（放弃我的修改）</Button>}
        </div>
      )}
      <section className="gk-panel gk-gap" aria-labelledby="gk-guide-title">
        <div className="gk-panel-head">
          <Typography.Title level={2} className="gk-h2" id="gk-guide-title">
            政府信息公开指南{guide.version === 0 ? '（默认草稿，尚未保存）' : `（第 ${guide.version} 版，${guide.stateName}）`}
          </Typography.Title>
          {mayEdit && (
            <Space wrap>
              <Button onClick={() => void save()} loading={busy} disabled={!editable}>保存</Button>
              <Button type="primary" disabled={guide.version === 0 || (guide.state !== 'draft' && guide.state !== 'returned')}
                onClick={() => void disclosureApi.submitGuide(agencyId, guide.version).then(() => { message.success('指南已提交审核'); return load(); },
                  (e: unknown) => setError({ title: '未能提交审核', error: e }))}>提交审核</Button>
            </Space>
          )}
        </div>
        {!editable && mayEdit && <Alert type="info" showIcon title="审核期间不能修改；如需修改，请先由审核人退回。" />}
        <Form layout="vertical" component="div" disabled={!editable}>
          {FIELDS.map((s) => (
            <fieldset key={s.section} className="gk-section">
              <legend>{s.section}</legend>
              {s.fields.map(([path, label, kind]) => {
                const id = `gk-guide-${path.replace('.', '-')}`;
                const help = problemAt(problems, path);
                const value = get(content, path);
                return (
                  <Form.Item key={path} label={label} htmlFor={id} validateStatus={help ? 'error' : undefined} help={help}>
                    {kind === 'text' ? <Input id={id} value={value as string} onChange={(e) => setContent(set(content, path, e.target.value))} />
                      : kind === 'long' ? <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 8 }} value={value as string} onChange={(e) => setContent(set(content, path, e.target.value))} />
                        : <Input.TextArea id={id} autoSize={{ minRows: 2, maxRows: 8 }} value={(value as string[]).join('\n')}
                          onChange={(e) => setContent(set(content, path, e.target.value.split('\n')))} />}
                  </Form.Item>
                );
              })}
            </fieldset>
          ))}
        </Form>
      </section>
      {guide.version > 0 && guide.state !== 'draft' && (
        <VersionReview what="指南" version={{ ...guide, createdAt: guide.createdAt ?? '', createdBy: guide.createdBy ?? '' }}
          onReview={async (body) => { await disclosureApi.reviewGuide(agencyId, guide.version, body); await load(); }}
          onPublish={async (channels) => { await disclosureApi.publishGuide(agencyId, guide.version, channels); await load(); }} />
      )}
    </>
  );
}
