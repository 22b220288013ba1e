/**
 * 本文为以下文件的解读: a search-as-you-type select of the agency's items (by title, 文号 or 索引号) naming the
 * document this item interprets (解读对象). The server checks the choice again on save (same agency, not itself).
 */
import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { disclosureApi } from '../disclosure-api.js';

/** How many matches the select offers at a time. */
const PAGE_SIZE = 20;

interface Option { value: number; label: string }

/** The select (controlled); `initialTitle` labels the stored choice before any search. */
export function InterpretsSelect({ id, agencyId, itemId, value, initialTitle, onChange, disabled }: {
  id: string;
  agencyId: number | null;
  /** The item being edited (left out of the choices); null for a new item. */
  itemId: number | null;
  value: number | null;
  initialTitle: string | null;
  onChange: (next: number | null) => void;
  disabled?: boolean;
}) {
  const [options, setOptions] = useState<Option[]>([]);
  const [loading, setLoading] = useState(false);
  const asked = useRef(0);
  const search = (q: string) => {
    if (agencyId === null) return;
    const ticket = ++asked.current;
    setLoading(true);
    void disclosureApi.items(agencyId, { q: q.trim() || undefined, pageSize: PAGE_SIZE })
      .then((page) => {
        // Only the answer to the latest search counts (answers may come back out of order).
        if (ticket === asked.current) setOptions(page.items.filter((i) => i.id !== itemId).map((i) => ({ value: i.id, label: i.docNo ? `${i.title}（${i.docNo}）` : i.title })));
      })
      .catch(() => { if (ticket === asked.current) setOptions([]); })
      .finally(() => { if (ticket === asked.current) setLoading(false); });
  };
  useEffect(() => { setOptions([]); }, [agencyId]);
  const shown = value !== null && !options.some((o) => o.value === value)
    ? [{ value, label: initialTitle ?? `编号 ${value} 的信息` }, ...options] : options;
  return (
    <Select<number> id={id} showSearch allowClear filterOption={false} value={value ?? undefined} options={shown} loading={loading}
      placeholder="不是解读；输入标题查找本机关的文件" notFoundContent={loading ? '正在查找…' : '没有找到匹配的信息'} disabled={disabled}
      onSearch={search} onFocus={() => { if (options.length === 0) search(''); }} onChange={(v) => onChange(v ?? null)} />
  );
}
