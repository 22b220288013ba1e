/**
 * An agency's disclosure settings: its 统一社会信用代码 (GB 32100-2015, check character verified by the server) and
 * the 索引号 template ({code}/{year}-{seq:5} by default), with the example the server computes from them. Numbers
 * already given never change.
 */
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, Typography } from 'antd';
import { ApiError } from '../api.js';
import { disclosureApi } from '../disclosure-api.js';
import type { DisclosureSettingsView } from '../disclosure-types.js';
import { useCan } from '../session.js';
import { ErrorAlert } from './problem-list.js';

/** The settings form of an agency. */
export function DisclosureSettingsForm({ agencyId }: { agencyId: number }) {
  const { message } = App.useApp();
  const mayEdit = useCan('catalogue.edit');
  const [settings, setSettings] = useState<DisclosureSettingsView | null>(null);
  const [code, setCode] = useState('');
  const [template, setTemplate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const show = (s: DisclosureSettingsView) => { setSettings(s); setCode(s.creditCode ?? ''); setTemplate(s.indexTemplate ?? ''); };
  useEffect(() => { disclosureApi.disclosureSettings(agencyId).then(show, setError); }, [agencyId]);
  if (!settings) return error ? <ErrorAlert error={error} title="设置加载失败" /> : null;
  const problems = error instanceof ApiError ? error.problems : [];
  const at = (field: string) => problems.filter((p) => p.place?.field === field).map((p) => p.message).join('；') || undefined;
  return (
    <section className="gk-panel gk-gap gk-settings" aria-labelledby="gk-settings-title">
      <Typography.Title level={2} className="gk-h2" id="gk-settings-title">{settings.agencyName}：政务公开设置</Typography.Title>
      {error !== null && <ErrorAlert error={error} title="未能保存设置" onClose={() => setError(null)} />}
      <Form layout="vertical" component="div" disabled={!mayEdit}>
        <Form.Item label="统一社会信用代码" htmlFor="gk-credit-code" validateStatus={at('creditCode') ? 'error' : undefined} help={at('creditCode')}
          extra="18 位，用于生成索引号。">
          <Input id="gk-credit-code" maxLength={18} value={code} onChange={(e) => setCode(e.target.value.toUpperCase())} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item label="索引号模板" htmlFor="gk-index-template" validateStatus={at('indexTemplate') ? 'error' : undefined} help={at('indexTemplate')}
          extra={`占位符：{code} 统一社会信用代码，{year} 年份，{seq:5} 5 位序号。留空则使用默认模板 ${settings.defaultTemplate}。`}>
          <Input id="gk-index-template" maxLength={100} value={template} placeholder={settings.defaultTemplate} onChange={(e) => setTemplate(e.target.value)} style={{ maxWidth: 420 }} />
        </Form.Item>
      </Form>
      <p>当前使用的模板：<code>{settings.effectiveTemplate}</code>；本年度第一个索引号示例：{settings.example ? <code className="gk-index-no">{settings.example}</code> : '（请先填写统一社会信用代码）'}</p>
      <p className="gk-note">修改后只影响此后发布的信息，已生成的索引号不变。</p>
      {mayEdit && (
        <Button type="primary" onClick={() => disclosureApi.saveDisclosureSettings(agencyId, { creditCode: code.trim() || null, indexTemplate: template.trim() || null })
          .then((s) => { show(s); setError(null); message.success('设置已保存'); }, setError)}>保存设置</Button>
      )}
    </section>
  );
}
