/**
 * TypeBox schemas of the channel exports of an item and its 保密审查表 download.
 */
import { Type } from 'typebox';
import { LED_LIMITS } from '../render/disclosure/led-text.js';
import { WECHAT_DIGEST_CHARS } from '../render/disclosure/wechat-export.js';
import { idSchema } from '../reports/report.schema.js';

export const ItemParams = Type.Object({ id: idSchema('信息编号') });
export const ItemFileParams = Type.Object({
  id: idSchema('信息编号'),
  ext: Type.Union([Type.Literal('docx'), Type.Literal('pdf')], { description: '文件类型：docx（Word）或 pdf' }),
});

export const LedQuery = Type.Object({
  charsPerLine: Type.Integer({ minimum: LED_LIMITS.charsPerLine.min, maximum: LED_LIMITS.charsPerLine.max, default: 16, description: '每行字数' }),
  lines: Type.Integer({ minimum: LED_LIMITS.lines.min, maximum: LED_LIMITS.lines.max, default: 2, description: '每屏行数' }),
});

export const WechatExportSchema = Type.Object({
  title: Type.String({ description: '标题' }),
  digest: Type.String({ maxLength: WECHAT_DIGEST_CHARS, description: `摘要（内容概述，不超过 ${WECHAT_DIGEST_CHARS} 字）` }),
  bodyHtml: Type.String({ description: '正文 HTML（只用行内样式，可直接粘贴到公众号编辑器）' }),
  coverImage: Type.Optional(Type.Object({
    fileName: Type.String(),
    contentType: Type.String({ description: 'image/png、image/jpeg 或 image/gif' }),
    base64: Type.String({ description: '图片内容（Base64）' }),
  }, { description: '封面图：第一个图片附件' })),
});

export const LedTextSchema = Type.Object({
  charsPerLine: Type.Integer(),
  lines: Type.Integer(),
  screens: Type.Array(Type.String(), { description: '各屏文字，行间以换行符分隔；每行不超过每行字数，每屏不超过每屏行数' }),
});
