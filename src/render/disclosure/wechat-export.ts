/**
 * The WeChat official account (政务微信公众号) export of an item: ready to paste into the account's editor. The
 * editor strips <style> elements and class names, so every style is inline; links and scripts never reach it
 * (the body is rebuilt from its text blocks, not passed through).
 */
import { escapeHtml } from '../../core/escape-html.js';
import { IMAGE_TYPES, chineseDate, type ExportItem } from './disclosure-item.js';
import { bodyBlocks, type BodyBlock } from './html-blocks.js';

/** Longest digest the account's editor takes (摘要, 120 characters). */
export const WECHAT_DIGEST_CHARS = 120;

/** A cover image taken from the item's attachments. */
export interface WechatCover {
  fileName: string;
  /** image/png, image/jpeg or image/gif. */
  contentType: string;
  bytes: Uint8Array;
}

/** What is pasted into the account's editor. */
export interface WechatExport {
  title: string;
  /** 摘要: the 内容概述, at most 120 characters (cut with an ellipsis). */
  digest: string;
  /** The article body: inline styles only. */
  bodyHtml: string;
  coverImage?: WechatCover;
}

const P = 'margin:0 0 1em;line-height:1.8;font-size:16px;color:#333;text-align:justify;text-indent:2em;';
const H = ['font-size:20px;font-weight:bold;margin:1.2em 0 .6em;color:#222;', 'font-size:18px;font-weight:bold;margin:1em 0 .5em;color:#222;', 'font-size:16px;font-weight:bold;margin:1em 0 .5em;color:#222;'];
const TABLE = 'border-collapse:collapse;width:100%;margin:0 0 1em;font-size:14px;';
const TD = 'border:1px solid #999;padding:4px 6px;vertical-align:top;';
const META = 'margin:0 0 .3em;font-size:14px;color:#666;line-height:1.6;';

/** Cuts a text to `max` characters (code points), ending with "…" when cut. */
export function cutText(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

function blockHtml(b: BodyBlock): string {
  switch (b.kind) {
    case 'heading': return `<p style="${H[b.level - 1]}">${escapeHtml(b.text)}</p>`;
    case 'paragraph': return `<p style="${P}">${escapeHtml(b.text)}</p>`;
    case 'list-item': return `<p style="${P}margin-bottom:.3em;text-indent:0;padding-left:2em;">${escapeHtml(`${b.ordinal} ${b.text}`)}</p>`;
    case 'table': return `<table style="${TABLE}"><tbody>${b.rows.map((r) =>
      `<tr>${r.map((c) => `<td style="${TD}">${escapeHtml(c).replace(/\n/g, '<br>')}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  }
}

/** Builds the WeChat export of an item. */
export function wechatExport(item: ExportItem): WechatExport {
  const meta = [
    item.indexNo ? `索引号：${item.indexNo}` : null,
    `发布机构：${item.issuer}`,
    item.docNo ? `文号：${item.docNo}` : null,
    `成文日期：${chineseDate(item.writtenOn)}`,
  ].filter((x): x is string => x !== null);
  const attachments = item.attachments.filter((a) => !IMAGE_TYPES[a.fileType]);
  const bodyHtml = [
    `<section style="padding:0 4px;">`,
    ...meta.map((m) => `<p style="${META}">${escapeHtml(m)}</p>`),
    `<p style="margin:0 0 1em;border-bottom:1px solid #ddd;"></p>`,
    ...bodyBlocks(item.bodyHtml).map(blockHtml),
    ...(attachments.length
      ? [`<p style="${META}margin-top:1.5em;">附件（请到政府网站下载）：</p>`, ...attachments.map((a, i) => `<p style="${META}">${i + 1}. ${escapeHtml(a.fileName)}</p>`)]
      : []),
    `</section>`,
  ].join('');
  const image = item.attachments.find((a) => IMAGE_TYPES[a.fileType] && a.content);
  return {
    title: item.title,
    digest: cutText(item.summary, WECHAT_DIGEST_CHARS),
    bodyHtml,
    ...(image ? { coverImage: { fileName: image.fileName, contentType: IMAGE_TYPES[image.fileType]!, bytes: image.content! } } : {}),
  };
}
