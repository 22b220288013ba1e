/**
 * 机关: the agencies as a tree (government → departments → units) and a form adding one.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { App, Button, Form, Input, Select, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { Agency, AgencyKind } from '../api-types.js';
import { api } from '../api.js';
import { AGENCY_KIND_LABELS } from '../labels.js';
import { ErrorAlert } from '../components/problem-list.js';
import { useCan } from '../session.js';

/** Agencies as tree nodes; an agency whose parent is unknown is shown at the top level. */
export function agencyTree(agencies: readonly Agency[]): TreeDataNode[] {
  const ids = new Set(agencies.map((a) => a.id));
  const children = new Map<number | null, Agency[]>();
  for (const a of agencies) {
    const parent = a.parentId !== null && ids.has(a.parentId) ? a.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), a]);
  }
  const build = (parent: number | null, seen: Set<number>): TreeDataNode[] =>
    (children.get(parent) ?? []).filter((a) => !seen.has(a.id)).map((a) => ({
      key: a.id,
      title: `${a.name}（${AGENCY_KIND_LABELS[a.kind] ?? a.kind}）`,
      children: build(a.id, new Set([...seen, a.id])),
    }));
  return build(null, new Set());
}

interface Values {
  name: string;
  kind: AgencyKind;
  parentId?: number;
}

/** The agency screen. */
export function AgencyPage() {
  const { message } = App.useApp();
  const [agencies, setAgencies] = useState<Agency[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<Values>();
  const mayManage = useCan('agency.manage');

  const load = useCallback(async () => {
    try {
      setAgencies(await api.agencies());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  const tree = useMemo(() => agencyTree(agencies), [agencies]);

  const submit = async (values: Values) => {
    setSaving(true);
    try {
      await api.createAgency({ name: values.name.trim(), kind: values.kind, parentId: values.parentId ?? null });
      message.success(`已添加机关“${values.name.trim()}”`);
      form.resetFields();
      await load();
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="gk-page">
      <div className="gk-page-head">
        <Typography.Title level={1} className="gk-page-title">机关</Typography.Title>
      </div>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="操作失败" onClose={() => setError(null)} /></div>}
      <div className="gk-columns">
        <div className="gk-panel gk-grow">
          <Typography.Title level={2} className="gk-h2">机关层级</Typography.Title>
          {tree.length > 0 ? <Tree treeData={tree} defaultExpandAll selectable={false} key={agencies.length} /> : <p>暂无机关。</p>}
        </div>
        {mayManage && <div className="gk-panel gk-side">
          <Typography.Title level={2} className="gk-h2">添加机关</Typography.Title>
          <Form form={form} layout="vertical" initialValues={{ kind: 'department' }} onFinish={(v) => void submit(v)}>
            <Form.Item label="机关名称" name="name" rules={[{ required: true, whitespace: true, message: '请填写机关名称' }]}>
              <Input placeholder="如：威海市环翠区行政审批服务局" />
            </Form.Item>
            <Form.Item label="类别" name="kind" rules={[{ required: true, message: '请选择类别' }]}>
              <Select options={(Object.keys(AGENCY_KIND_LABELS) as AgencyKind[]).map((k) => ({ value: k, label: AGENCY_KIND_LABELS[k] }))} />
            </Form.Item>
            <Form.Item label="上级机关" name="parentId">
              <Select allowClear placeholder="无（顶级）" showSearch={{ optionFilterProp: 'label' }}
                options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving}>添加</Button>
          </Form>
        </div>}
      </div>
    </div>
  );
}
