/**
 * The channel exports of a published item: the WeChat official account's article (title, digest, body HTML with
 * inline styles, cover image) ready to copy and paste; the LED screens' text cut to the screen's size, shown as
 * the screens will show it; the notice-board and reading-point A4 PDF.
 */
import { useState } from 'react';
import { Alert, App, Button, InputNumber, Modal, Space } from 'antd';
import { ApiError } from '../api.js';
import { disclosureApi, noticeBoardUrl } from '../disclosure-api.js';
import type { LedText, WechatExport } from '../disclosure-types.js';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The exports block. */
export function ChannelExports({ itemId }: { itemId: number }) {
  const { message } = App.useApp();
  const [wechat, setWechat] = useState<WechatExport | null>(null);
  const [led, setLed] = useState<LedText | null>(null);
  const [size, setSize] = useState({ charsPerLine: 16, lines: 2 });
  const [error, setError] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiError || e instanceof Error ? e.message : '导出失败');
  const copied = async (what: string, text: string) => {
    if (await copy(text)) message.success(`已复制${what}`);
    else message.error('浏览器未允许复制，请手动选择文字复制。');
  };
  const loadLed = (s = size) => disclosureApi.ledText(itemId, s.charsPerLine, s.lines).then(setLed, fail);

  return (
    <div className="gk-exports">
      <Space wrap>
        <Button onClick={() => disclosureApi.wechatExport(itemId).then(setWechat, fail)}>政务微信公众号：复制文章</Button>
        <Button onClick={() => void loadLed()}>LED显示屏：预览文字</Button>
        <Button href={noticeBoardUrl(itemId)} target="_blank">公开栏、查阅点：A4 打印版（PDF）</Button>
      </Space>
      {error && <Alert className="gk-gap" type="error" showIcon title={error} closable onClose={() => setError(null)} />}
      <Modal open={wechat !== null} title="政务微信公众号文章" width={760} onCancel={() => setWechat(null)}
        footer={<Button onClick={() => setWechat(null)}>关闭</Button>}>
        {wechat && (
          <div className="gk-wechat">
            <div className="gk-copy-row"><strong>标题</strong><span>{wechat.title}</span>
              <Button size="small" onClick={() => void copied('标题', wechat.title)}>复制标题</Button></div>
            <div className="gk-copy-row"><strong>摘要</strong><span>{wechat.digest}</span>
              <Button size="small" onClick={() => void copied('摘要', wechat.digest)}>复制摘要</Button></div>
            {wechat.coverImage && (
              <div className="gk-copy-row"><strong>封面图</strong>
                <a download={wechat.coverImage.fileName} href={`data:${wechat.coverImage.contentType};base64,${wechat.coverImage.base64}`}>下载 {wechat.coverImage.fileName}</a></div>
            )}
            <div className="gk-copy-row"><strong>正文</strong><span className="gk-muted">行内样式的 HTML，可直接粘贴到公众号编辑器</span>
              <Button size="small" onClick={() => void copied('正文 HTML', wechat.bodyHtml)}>复制正文 HTML</Button></div>
            {/* The server's export of the sanitised body (inline styles only). */}
            <div className="gk-wechat-body" dangerouslySetInnerHTML={{ __html: wechat.bodyHtml }} />
          </div>
        )}
      </Modal>
      <Modal open={led !== null} title="LED显示屏文字预览" width={640} onCancel={() => setLed(null)}
        footer={<Button onClick={() => setLed(null)}>关闭</Button>}>
        <Space wrap className="gk-filters">
          <label className="gk-inline-label">每行字数
            <InputNumber min={4} max={64} value={size.charsPerLine} onChange={(v) => setSize((s) => ({ ...s, charsPerLine: v ?? s.charsPerLine }))} /></label>
          <label className="gk-inline-label">每屏行数
            <InputNumber min={1} max={16} value={size.lines} onChange={(v) => setSize((s) => ({ ...s, lines: v ?? s.lines }))} /></label>
          <Button onClick={() => void loadLed()}>重新截取</Button>
        </Space>
        {led && (
          <>
            <p className="gk-note">共 {led.screens.length} 屏，每屏 {led.lines} 行，每行不超过 {led.charsPerLine} 字。</p>
            <ol className="gk-led-screens">
              {led.screens.map((s, i) => <li key={i} className="gk-led" style={{ width: `${led.charsPerLine + 2}em` }}>{s}</li>)}
            </ol>
            <Button onClick={() => void copied('全部文字', led.screens.join('\n\n'))}>复制全部文字</Button>
          </>
        )}
      </Modal>
    </div>
  );
}
