/**
 * Downloads of a case's letters: the reply letter (答复告知书) once a decision is recorded, the fee notice
 * (收费通知书) once one was sent, each as Word or PDF.
 */
import { Button, Space } from 'antd';
import type { ApplicationDetail } from '../api-types.js';
import { letterUrl } from '../api.js';

/** Download links of the letters a case has; nothing before a decision or fee notice. */
export function CaseLetters({ detail }: { detail: ApplicationDetail }) {
  const links: Array<{ key: string; href: string; label: string }> = [];
  if (detail.decision) {
    links.push({ key: 'l-docx', href: letterUrl(detail.id, 'letter', 'docx'), label: '答复告知书（Word）' });
    links.push({ key: 'l-pdf', href: letterUrl(detail.id, 'letter', 'pdf'), label: '答复告知书（PDF）' });
  }
  if (detail.feeMethod) {
    links.push({ key: 'f-docx', href: letterUrl(detail.id, 'fee-notice', 'docx'), label: '收费通知书（Word）' });
    links.push({ key: 'f-pdf', href: letterUrl(detail.id, 'fee-notice', 'pdf'), label: '收费通知书（PDF）' });
  }
  if (links.length === 0) return null;
  return (
    <Space wrap className="gk-letters" aria-label="文书下载">
      {links.map((l) => <Button key={l.key} href={l.href}>{l.label}</Button>)}
    </Space>
  );
}
