/**
 * 新建报告: agency and year; the format follows the year (2019–2020 the 2019 trial format, from
 * 2021 the 2021 format) unless the person chooses another (some local rules differ).
 */
import { useEffect, useState } from 'react';
import { Form, InputNumber, Modal, Select } from 'antd';
import type { Agency, FormatId } from '../api-types.js';
import { api, reportIdOf } from '../api.js';
import { FORMAT_LABELS, defaultFormatForYear } from '../labels.js';
import { ErrorAlert } from './problem-list.js';

interface Props {
  open: boolean;
  agencies: Agency[];
  onClose: () => void;
  /** Called with the new report's id (null if the answer did not name it). */
  onCreated: (id: number | null) => void;
}

interface Values {
  agencyId?: number;
  year: number;
  format: FormatId;
}

/** The dialog creating an empty report. */
export function NewReportDialog({ open, agencies, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const [formatTouched, setFormatTouched] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const lastYear = new Date().getFullYear() - 1;

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ agencyId: undefined, year: lastYear, format: defaultFormatForYear(lastYear) });
      setFormatTouched(false);
      setError(null);
    }
  }, [open, form, lastYear]);

  const submit = async () => {
    const values = await form.validateFields();
    setSaving(true);
    try {
      const created = await api.createReport({ agencyId: values.agencyId!, year: values.year, format: values.format });
      onClose();
      onCreated(reportIdOf(created));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal title="新建报告" open={open} onCancel={onClose} onOk={() => void submit()} okText="创建" cancelText="取消"
      confirmLoading={saving} destroyOnHidden forceRender>
      <Form form={form} layout="vertical" requiredMark
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.format !== undefined) setFormatTouched(true);
          if (changed.year !== undefined && changed.year !== null && !formatTouched) {
            form.setFieldValue('format', defaultFormatForYear(changed.year));
          }
        }}>
        <Form.Item label="机关" name="agencyId" rules={[{ required: true, message: '请选择机关' }]}>
          <Select placeholder="请选择机关" showSearch={{ optionFilterProp: 'label' }}
            options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item label="报告年度" name="year" rules={[{ required: true, message: '请填写报告年度' }]}
          extra="报告所统计的年度，如 2024 年度报告于次年发布。">
          <InputNumber min={2019} max={2100} precision={0} style={{ width: 160 }} suffix="年度" />
        </Form.Item>
        <Form.Item label="报告格式" name="format" extra="默认按年度选用：2019、2020 年度用 2019 试行格式，2021 年度起用 2021 格式。">
          <Select options={(Object.keys(FORMAT_LABELS) as FormatId[]).map((f) => ({ value: f, label: FORMAT_LABELS[f] }))} />
        </Form.Item>
      </Form>
      {error !== null && <ErrorAlert error={error} title="未能创建报告" />}
    </Modal>
  );
}
