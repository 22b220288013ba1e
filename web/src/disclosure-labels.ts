/**
 * The Chinese names of proactive disclosure, taken from the server core as they are (never retyped): review
 * states and steps, channels, 公开属性, 有效性, normative kinds, the Art. 20 items, the 保密审查表 questions;
 * plus the colours the screens give the states.
 */
import { CHANNEL_KEYS, CHANNELS, INTERNET_CHANNELS, isChannel } from '../../src/core/disclosure/channels.js';
import { ART20_ITEMS, DISCLOSURE_ATTRIBUTES, NORMATIVE_KINDS, VALIDITIES } from '../../src/core/disclosure/item-labels.js';
import { CHAIN_ACTS, REVIEW_DECISIONS, REVIEW_STATES, REVIEW_STEPS } from '../../src/core/disclosure/review-chain.js';
import { SECRECY_QUESTIONS } from '../../src/core/disclosure/secrecy-form.js';
import { THEME_SEPARATOR, THEMES } from '../../src/core/disclosure/themes.js';
import type { ReviewState } from './disclosure-types.js';

export {
  ART20_ITEMS, CHAIN_ACTS, CHANNEL_KEYS, CHANNELS, DISCLOSURE_ATTRIBUTES, INTERNET_CHANNELS, isChannel, NORMATIVE_KINDS, REVIEW_DECISIONS,
  REVIEW_STATES, REVIEW_STEPS, SECRECY_QUESTIONS, THEME_SEPARATOR, THEMES, VALIDITIES,
};

/** The 主题分类 classes as cascader options (two levels; a top class alone is a valid choice too). */
export const THEME_OPTIONS = THEMES.map((t) => ({ value: t.name, label: t.name, children: t.children.map((c) => ({ value: c, label: c })) }));

/** A stored 主题分类 path (一级\二级) as the cascader's value, and back. */
export function themePath(value: string | null): string[] {
  return value ? value.split(THEME_SEPARATOR) : [];
}
export function themeValue(path: readonly (string | number)[] | undefined): string | null {
  return path && path.length > 0 ? path.map(String).join(THEME_SEPARATOR) : null;
}

/** Tag colours of the states, each with AA contrast for its text. */
export const STATE_COLORS: Record<ReviewState, string> = {
  draft: 'default',
  'first-review': '#1d4f91',
  'secrecy-review': '#1d4f91',
  'sign-off': '#1d4f91',
  approved: '#7a4b00',
  published: '#2e7031',
  returned: '#a8071a',
};

/** A file size in words (KB/MB). */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Chinese names of attachment types as the server detects them from the bytes. */
export const FILE_TYPE_NAMES: Readonly<Record<string, string>> = {
  pdf: 'PDF 文档', docx: 'Word 文档', xlsx: 'Excel 表格', wps: 'WPS 文档', ofd: 'OFD 版式文档',
  png: 'PNG 图片', jpeg: 'JPEG 图片', gif: 'GIF 图片',
};

/** The Chinese name of a detected file type (unknown types as the server names them, upper-cased). */
export function fileTypeName(type: string): string {
  return FILE_TYPE_NAMES[type] ?? type.toUpperCase();
}

/**
 * A table's horizontal scroll: only when it has rows. An empty table that scrolls is a scroll region with nothing
 * focusable in it (axe: scrollable-region-focusable); with rows, its links and buttons take the focus.
 */
export function scrollWhenRows(rows: readonly unknown[], x: number): { x: number } | undefined {
  return rows.length > 0 ? { x } : undefined;
}
