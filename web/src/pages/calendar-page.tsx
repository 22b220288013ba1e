/**
 * 工作日日历: the covered years, a year's days off and make-up working days as the State Council
 * notice arranges them, and — for the system administrator (calendar.manage) — entering the next year's
 * notice or correcting a year (the server recomputes the open cases' deadlines in the same transaction
 * and says how many changed). A deadline calculator shows the working-day arithmetic day by day.
 */
import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Breadcrumb, Button, Form, Input, InputNumber, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { DAY_KIND_NAMES } from '../../../src/core/calendar/work-calendar.js';
import { weekdayName } from '../../../src/core/calendar/civil-date.js';
import { ApiError, api } from '../api.js';
import { todayInChina } from '../application-labels.js';
import { formatDate, formatTime } from '../labels.js';
import { navigate, routeHref } from '../router.js';
import type { CalendarDay, CalendarYear, CalendarYears, DeadlineResult, SetYearResult } from '../schema-types.js';
import { useCan } from '../session.js';
import { ErrorAlert } from '../components/problem-list.js';

type Kind = CalendarDay['kind'];
const KIND_OPTIONS = (Object.keys(DAY_KIND_NAMES) as Kind[]).map((k) => ({ value: k, label: DAY_KIND_NAMES[k] }));

/** The year the screen opens on: the asked one, else the current year when covered, else the last covered. */
export function shownYear(asked: number | undefined, years: CalendarYears, today = todayInChina()): number | null {
  if (asked) return asked;
  const covered = years.coveredYears;
  if (!covered) return null;
  const current = Number(today.slice(0, 4));
  return current >= covered.from && current <= covered.to ? current : covered.to;
}

/** The days as entered: blank rows left out, names trimmed, in date order. */
export function enteredDays(rows: ReadonlyArray<Partial<CalendarDay> | undefined>): CalendarDay[] {
  return rows
    .filter((r): r is Partial<CalendarDay> => !!r && !!(r.date || r.name))
    .map((r) => ({ date: r.date ?? '', kind: r.kind ?? 'off', name: (r.name ?? '').trim() }))
    .sort((a, b) => a.date.localeCompare(b.date));
}

/** Problems of a refused year by the row they name (place.index), for showing at the row. */
function rowProblems(error: unknown): Map<number, string[]> {
  const byRow = new Map<number, string[]>();
  if (!(error instanceof ApiError)) return byRow;
  for (const p of error.problems) {
    if (p.place?.index === undefined) continue;
    byRow.set(p.place.index, [...(byRow.get(p.place.index) ?? []), p.message]);
  }
  return byRow;
}

function DaysTable({ days, label }: { days: CalendarDay[]; label: string }) {
  // A region that scrolls sideways on a narrow screen, reachable by keyboard (it holds nothing focusable).
  return (
    <div className="gk-scroll" tabIndex={0} role="region" aria-label={label}>
    <Table<CalendarDay> size="small" rowKey="date" pagination={false} dataSource={days}
      columns={[
        { title: '日期', dataIndex: 'date', render: (d: string) => formatDate(d) },
        { title: '星期', dataIndex: 'date', key: 'weekday', render: (d: string) => weekdayName(d) },
        {
          title: '类型', dataIndex: 'kind',
          render: (k: Kind) => <Tag color={k === 'off' ? '#9b1c1c' : '#1d4f91'}>{DAY_KIND_NAMES[k]}</Tag>,
        },
        { title: '名称', dataIndex: 'name' },
      ]} />
    </div>
  );
}

interface EditValues { source?: string; days: Array<Partial<CalendarDay>> }

/** The form entering or correcting a year's notice (calendar.manage). */
function YearEditor({ year, initial, onSaved, onCancel }: {
  year: number; initial: CalendarYear | null; onSaved: (result: SetYearResult) => void; onCancel?: () => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const byRow = rowProblems(error);

  const submit = async (values: EditValues) => {
    setBusy(true);
    try {
      const source = values.source?.trim();
      const days = enteredDays(values.days ?? []);
      onSaved(await api.setCalendarYear(year, { ...(source ? { source } : {}), days }));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<EditValues> form={form} name="calendar-year" layout="vertical" onFinish={(v) => void submit(v)}
      initialValues={{ source: initial?.source ?? '', days: initial?.days.length ? initial.days : [{ kind: 'off' }] }}>
      <p className="gk-note">
        按国务院办公厅关于 {year} 年部分节假日安排的通知，逐日填写全部放假日和调休上班日（可含 {year - 1} 年 12 月的元旦调休日）。
        周末如未列出，仍按休息日计算。保存后，未办结申请的答复期限将重新计算。
      </p>
      <Form.Item name="source" label="来源（通知文号）">
        <Input maxLength={200} placeholder={`如：国办发明电〔${year - 1}〕×号`} />
      </Form.Item>
      <Form.List name="days">
        {(fields, { add, remove }) => (
          <div className="gk-day-rows">
            {fields.map((field, i) => (
              <div key={field.key} className="gk-day-row">
                <div className="gk-form-row gk-wrap">
                  <Form.Item name={[field.name, 'date']} label={`第 ${i + 1} 日 日期`} rules={[{ required: true, message: '请填写日期' }]}>
                    <Input type="date" />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label="类型" rules={[{ required: true, message: '请选择类型' }]}>
                    <Select options={KIND_OPTIONS} style={{ width: 120 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} label="名称" className="gk-grow" rules={[{ required: true, whitespace: true, message: '请填写名称' }]}>
                    <Input maxLength={50} placeholder="如：春节、春节调休上班" />
                  </Form.Item>
                  <Button className="gk-day-remove" onClick={() => remove(field.name)} aria-label={`删除此日（第 ${i + 1} 日）`}>删除此日</Button>
                </div>
                {byRow.get(i)?.map((m, k) => <div key={k} className="gk-field-error" role="alert">{m}</div>)}
              </div>
            ))}
            <Button type="dashed" onClick={() => add({ kind: 'off' })} className="gk-gap">添加一日</Button>
          </div>
        )}
      </Form.List>
      {error !== null && <div className="gk-form-error gk-gap"><ErrorAlert error={error} title="未能保存" onClose={() => setError(null)} /></div>}
      <Space className="gk-gap">
        <Button type="primary" htmlType="submit" loading={busy}>保存 {year} 年节假日安排</Button>
        {onCancel && <Button onClick={onCancel}>取消</Button>}
      </Space>
    </Form>
  );
}

/** What a saved year did to the open cases' deadlines. */
function SavedNotice({ result, onClose }: { result: SetYearResult; onClose: () => void }) {
  const { checked, changed, failures } = result.recomputed;
  return (
    <Alert type={failures.length > 0 ? 'warning' : 'success'} showIcon closable={{ onClose }} className="gk-gap"
      title={`已保存 ${result.year} 年节假日安排：重新计算了 ${checked} 件未办结申请的答复期限，其中 ${changed} 件发生变化（每件已记录办理记录）。`}
      description={failures.length > 0 ? (
        <>
          <div>以下 {failures.length} 件申请无法按新日历计算，保持原状：</div>
          <ul className="gk-problems">{failures.map((f, i) => <li key={i}>{f.message}</li>)}</ul>
        </>
      ) : undefined} />
  );
}

/** The deadline calculator: from a date, N working days (the day itself not counted). */
function DeadlineCalculator() {
  const [result, setResult] = useState<DeadlineResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: { from: string; workingDays: number }) => {
    setBusy(true);
    try {
      setResult(await api.deadline(v.from, v.workingDays));
      setError(null);
    } catch (e) {
      setError(e);
      setResult(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="gk-panel" aria-labelledby="gk-calc-title">
      <Typography.Title level={2} className="gk-h2" id="gk-calc-title">期限计算</Typography.Title>
      <Form name="deadline" layout="vertical" initialValues={{ from: todayInChina(), workingDays: 20 }} onFinish={(v) => void submit(v)}>
        <div className="gk-form-row gk-wrap">
          <Form.Item name="from" label="起算日期（当日不计入）" rules={[{ required: true, message: '请填写起算日期' }]}><Input type="date" /></Form.Item>
          <Form.Item name="workingDays" label="工作日数" rules={[{ required: true, message: '请填写工作日数' }]}>
            <InputNumber min={0} max={1000} precision={0} style={{ width: 120 }} />
          </Form.Item>
        </div>
        <Button htmlType="submit" loading={busy}>计算</Button>
      </Form>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="无法计算" onClose={() => setError(null)} /></div>}
      {result && (
        <div className="gk-gap">
          <p className="gk-deadline">
            <span>期限届满日</span>
            <strong className="gk-deadline-date gk-nowrap">{formatDate(result.deadline)}</strong>
            <span className="gk-deadline-note gk-nowrap">{weekdayName(result.deadline)}</span>
          </p>
          {result.explain && result.explain.length > 0 && (
            <details className="gk-skipped">
              <summary>逐日计算过程（{result.explain.length} 日）</summary>
              <ol className="gk-explain">
                {result.explain.map((d) => (
                  <li key={d.date}>{formatDate(d.date)}（{weekdayName(d.date)}）：{d.reason}，{d.counted ? '计入' : '不计入'}</li>
                ))}
              </ol>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

/** The calendar screen; `year` from the route (#/calendar/2027). */
export function CalendarPage({ year: asked }: { year?: number }) {
  const { message } = App.useApp();
  const mayManage = useCan('calendar.manage');
  const [years, setYears] = useState<CalendarYears | null>(null);
  const [data, setData] = useState<CalendarYear | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<SetYearResult | null>(null);

  const year = years ? shownYear(asked, years) : null;
  const covered = years?.coveredYears ?? null;
  const isCovered = year !== null && covered !== null && year >= covered.from && year <= covered.to;
  const nextYear = covered ? covered.to + 1 : Number(todayInChina().slice(0, 4));

  const load = useCallback(async () => {
    try {
      setYears(await api.calendarYears());
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => { void load(); }, [load]);

  useEffect(() => {
    setEditing(false);
    if (year === null || !isCovered) { setData(null); return; }
    let live = true;
    api.calendarYear(year).then((d) => { if (live) setData(d); }, (e: unknown) => { if (live) setError(e); });
    return () => { live = false; };
  }, [year, isCovered]);

  const onSaved = (result: SetYearResult) => {
    setSaved(result);
    setEditing(false);
    message.success(`已保存 ${result.year} 年节假日安排`);
    const { recomputed, ...stored } = result;
    void recomputed;
    setData(stored);
    void load();
  };

  if (!years) {
    return error !== null ? <div className="gk-page"><ErrorAlert error={error} title="日历加载失败" /></div>
      : <div className="gk-page gk-loading"><Spin description="正在加载日历…" /></div>;
  }

  const uncovered = [...new Set([...(covered && mayManage ? [nextYear] : []), ...(year !== null && !isCovered ? [year] : [])])];
  const yearOptions = [
    ...(years.years.map((y) => ({ value: y.year, label: `${y.year} 年` }))),
    ...uncovered.sort((a, b) => a - b).map((y) => ({ value: y, label: `${y} 年（尚未录入）` })),
  ].reverse();

  return (
    <div className="gk-page">
      <Breadcrumb items={[{ title: <a href={routeHref({ name: 'calendar' })}>工作日日历</a> }, ...(year ? [{ title: `${year} 年` }] : [])]} />
      <div className="gk-page-head gk-gap">
        <Typography.Title level={1} className="gk-page-title">工作日日历</Typography.Title>
        <Space wrap>
          <Select aria-label="年度" value={year ?? undefined} style={{ width: 200 }} options={yearOptions}
            onChange={(y: number) => navigate({ name: 'calendar', year: y })} />
          {mayManage && covered && year !== nextYear && (
            <Button type="primary" href={routeHref({ name: 'calendar', year: nextYear })}>录入 {nextYear} 年节假日安排</Button>
          )}
        </Space>
      </div>
      <p className="gk-note">
        {covered ? `已录入 ${covered.from} 年至 ${covered.to} 年的节假日安排。` : '尚未录入任何年度的节假日安排。'}
        答复期限等按工作日计算的期限只能在已录入的年度内计算，不会按“仅周末休息”推算。
      </p>
      {error !== null && <div className="gk-gap"><ErrorAlert error={error} title="日历加载失败" onClose={() => setError(null)} /></div>}
      {saved && <SavedNotice result={saved} onClose={() => setSaved(null)} />}
      <div className="gk-columns gk-gap">
        <section className="gk-panel gk-grow" aria-labelledby="gk-year-title">
          <Typography.Title level={2} className="gk-h2" id="gk-year-title">{year ? `${year} 年放假和调休上班日期` : '节假日安排'}</Typography.Title>
          {year !== null && !isCovered ? (
            mayManage ? (
              <YearEditor key={year} year={year} initial={null} onSaved={onSaved} />
            ) : (
              <Alert type="warning" showIcon title={`尚未录入 ${year} 年节假日安排。`}
                description="请系统管理员按国务院办公厅公布的通知录入。" />
            )
          ) : data && editing ? (
            <YearEditor key={`${year}-edit`} year={data.year} initial={data} onSaved={onSaved} onCancel={() => setEditing(false)} />
          ) : data ? (
            <>
              <Space wrap size={[16, 4]} className="gk-meta gk-year-meta">
                <span>放假 {data.days.filter((d) => d.kind === 'off').length} 日</span>
                <span>调休上班 {data.days.filter((d) => d.kind === 'work').length} 日</span>
                <span>来源：{data.source}</span>
                <span>录入或更正：{formatTime(data.updatedAt)}</span>
              </Space>
              {mayManage && <div className="gk-gap"><Button onClick={() => setEditing(true)}>更正 {data.year} 年节假日安排</Button></div>}
              <div className="gk-gap"><DaysTable days={data.days} label={`${data.year} 年放假和调休上班日期表`} /></div>
            </>
          ) : year !== null ? <Spin /> : null}
        </section>
        <div className="gk-side"><DeadlineCalculator /></div>
      </div>
    </div>
  );
}
