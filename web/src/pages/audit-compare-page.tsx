/**
 * 对比分析 over the audited reports: one agency across years (its figures side by side with the change from the
 * year before, and the carry-over check 上年结转 = 上年“结转下年度继续办理”, highlighted when it fails), or many
 * agencies in one year (a sortable table of the key figures). Both download as a spreadsheet.
 */
import { useEffect, useState } from 'react';
import { Alert, Breadcrumb, Button, Input, InputNumber, Radio, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { auditApi, compareXlsxUrl } from '../audit-api.js';
import { changeText, figureText } from '../audit-helpers.js';
import { navigate, routeHref } from '../router.js';
import type { AuditCompareAgency, AuditCompareYear } from '../schema-types.js';
import { ErrorAlert } from '../components/problem-list.js';

type AgencyRow = AuditCompareAgency['rows'][number];
type YearRow = AuditCompareYear['rows'][number];

/** One agency across years. */
function AgencyCompare({ data }: { data: AuditCompareAgency }) {
  const failing = data.carryOver.filter((c) => !c.ok);
  const columns: TableColumnsType<AgencyRow> = [
    { title: '项目', dataIndex: 'label', key: 'label', fixed: 'left', width: 240 },
    ...data.years.map((year, i) => ({
      title: `${year} 年度`, key: String(year), align: 'right' as const, width: 130,
      render: (_: unknown, r: AgencyRow) => (
        <span>
          {figureText(r.values[i])}
          {i > 0 && <span className={`gk-audit-change${(r.changes[i] ?? 0) < 0 ? ' gk-audit-down' : ''}`}>（{changeText(r.changes[i] ?? null)}）</span>}
        </span>
      ),
    })),
  ];
  return (
    <>
      {data.carryOver.length > 0 && (
        <Alert className="gk-gap" type={failing.length ? 'error' : 'success'} showIcon
          title={failing.length ? `上年结转核对：${failing.length} 处不一致` : '上年结转核对：各年度一致'}
          description={(
            <ul className="gk-plain-list">
              {data.carryOver.map((c) => (
                <li key={c.year} className={c.ok ? '' : 'gk-audit-carry-fail'}>
                  {c.year} 年度“上年结转”与 {c.previousYear} 年度“结转下年度继续办理”{c.ok ? '一致' : '不一致'}
                  {!c.ok && `：${c.carried.map((x, i) => `${x.label} ${figureText(x.value)} / ${figureText(c.expected[i]?.value)}`).filter((_, i) => c.carried[i]?.value !== c.expected[i]?.value).join('；')}`}
                </li>
              ))}
            </ul>
          )} />
      )}
      <Table<AgencyRow> className="gk-gap" rowKey="key" size="small" columns={columns} dataSource={data.rows} pagination={false}
        scroll={data.rows.length ? { x: 240 + data.years.length * 130 } : undefined}
        rowClassName={(r) => (failing.length && /carried|结转/.test(`${r.key}${r.label}`) ? 'gk-audit-row-carry' : '')}
        locale={{ emptyText: '没有该机关的已读取报告。' }} />
    </>
  );
}

/** Many agencies in one year. */
function YearCompare({ data }: { data: AuditCompareYear }) {
  const columns: TableColumnsType<YearRow> = [
    { title: '机关', dataIndex: 'agencyName', key: 'agency', fixed: 'left', width: 220, sorter: (a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
      render: (name: string) => <a href={routeHref({ name: 'audit-compare', agency: name })}>{name}</a> },
    ...data.columns.map((c) => ({
      title: c.label, key: c.key, align: 'right' as const, width: 110,
      sorter: (a: YearRow, b: YearRow) => (a.values[c.key] ?? -1) - (b.values[c.key] ?? -1),
      render: (_: unknown, r: YearRow) => figureText(r.values[c.key]),
    })),
  ];
  return (
    <Table<YearRow> className="gk-gap" rowKey="fileId" size="small" columns={columns} dataSource={data.rows}
      scroll={data.rows.length ? { x: 220 + data.columns.length * 110 } : undefined}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => `共 ${n} 个机关` }}
      locale={{ emptyText: '该年度没有已读取的报告。' }} />
  );
}

/** The comparison screen; `agency` or `year` from the address. */
export function AuditComparePage({ agency, year }: { agency?: string; year?: number }) {
  const [mode, setMode] = useState<'agency' | 'year'>(year ? 'year' : 'agency');
  const [agencyText, setAgencyText] = useState(agency ?? '');
  const [yearValue, setYearValue] = useState<number | null>(year ?? null);
  const [byAgency, setByAgency] = useState<AuditCompareAgency | null>(null);
  const [byYear, setByYear] = useState<AuditCompareYear | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    setError(null);
    if (agency) auditApi.compareAgency(agency).then(setByAgency, setError);
    else setByAgency(null);
    if (year) auditApi.compareYear(year).then(setByYear, setError);
    else setByYear(null);
  }, [agency, year]);

  return (
    <div className="gk-page">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'audits' })}>报告核查</a> }, { title: '对比分析' }]} />
      <div className="gk-page-head gk-gap">
        <Typography.Title level={1} className="gk-page-title">对比分析</Typography.Title>
      </div>
      <div className="gk-panel">
        <Space wrap className="gk-filters">
          <Radio.Group value={mode} onChange={(e) => setMode(e.target.value as 'agency' | 'year')} optionType="button" aria-label="对比方式"
            options={[{ value: 'agency', label: '同一机关各年度' }, { value: 'year', label: '同一年度各机关' }]} />
          {mode === 'agency' ? (
            <Input.Search aria-label="机关名称" placeholder="输入机关全称" style={{ width: 320 }} value={agencyText} enterButton="对比"
              onChange={(e) => setAgencyText(e.target.value)} onSearch={(q) => q.trim() && navigate({ name: 'audit-compare', agency: q.trim() })} />
          ) : (
            <Space.Compact>
              <InputNumber aria-label="年度" placeholder="年度" min={2008} max={2200} value={yearValue} onChange={(v) => setYearValue(typeof v === 'number' ? v : null)} />
              <Button type="primary" disabled={!yearValue} onClick={() => yearValue && navigate({ name: 'audit-compare', year: yearValue })}>对比</Button>
            </Space.Compact>
          )}
        </Space>
        {error !== null && <ErrorAlert error={error} title="对比数据加载失败" />}
        {mode === 'agency' && byAgency && (
          <section aria-labelledby="compare-agency">
            <div className="gk-panel-head">
              <Typography.Title level={2} className="gk-h2" id="compare-agency">{byAgency.agencyName}：{byAgency.years.join('、')} 年度</Typography.Title>
              <Button href={compareXlsxUrl({ name: byAgency.agencyName })} download>下载 Excel</Button>
            </div>
            <AgencyCompare data={byAgency} />
          </section>
        )}
        {mode === 'year' && byYear && (
          <section aria-labelledby="compare-year">
            <div className="gk-panel-head">
              <Typography.Title level={2} className="gk-h2" id="compare-year">{byYear.year} 年度各机关主要数据</Typography.Title>
              <Button href={compareXlsxUrl({ year: byYear.year })} download>下载 Excel</Button>
            </div>
            <YearCompare data={byYear} />
          </section>
        )}
        {((mode === 'agency' && !byAgency) || (mode === 'year' && !byYear)) && error === null && (
          <p className="gk-empty">{mode === 'agency' ? '输入机关名称，查看该机关各年度报告的主要数据及上年结转核对。' : '输入年度，查看该年度各机关报告的主要数据。'}</p>
        )}
      </div>
    </div>
  );
}
