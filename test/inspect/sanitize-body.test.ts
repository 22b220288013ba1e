import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FINDING_KIND_NAMES, mustResolve } from '../../src/inspect/finding.js';
import { redactBody, sanitizeBody, scanBody } from '../../src/inspect/sanitize-body.js';

describe('sanitizeBody', () => {
  it('removes <script>, event attributes, javascript: links, iframes and style tags, and says so in Chinese', () => {
    const { html, removed } = sanitizeBody([
      '<p onclick="steal()">通知<script>alert(1)</script></p>',
      '<style>p{display:none}</style>',
      '<a href="javascript:alert(1)">点此</a>',
      '<iframe src="https://evil.example/"></iframe>',
      '<img src="https://evil.example/x.png" onerror="x()">',
    ].join(''));
    assert.doesNotMatch(html, /script|onclick|javascript|iframe|style|evil|onerror|alert/i);
    assert.match(html, /<p>通知<\/p>/);
    assert.match(html, /点此/);
    assert.ok(removed.includes('脚本（<script>）'));
    assert.ok(removed.includes('事件属性（onclick）'));
    assert.ok(removed.includes('事件属性（onerror）'));
    assert.ok(removed.some((r) => r.startsWith('脚本链接')));
    assert.ok(removed.includes('内嵌框架或插件（<iframe>）'));
    assert.ok(removed.includes('样式表（<style>）'));
    assert.ok(removed.some((r) => r.startsWith('外部图片')));
  });
  it('keeps what government documents need', () => {
    const body = '<h2 style="text-align:center">关于开展检查的通知</h2><p style="text-indent:2em">各单位：</p>'
      + '<table><tbody><tr><td colspan="2">合计</td></tr></tbody></table><ol start="2"><li><strong>一</strong></li></ol>'
      + '<p><a href="https://www.gov.cn/">中国政府网</a> <a href="mailto:gk@example.cn">邮箱</a></p>'
      + '<p><img src="/attachments/ab12.png" alt="图"><img src="data:image/png;base64,iVBORw0KGgo="></p>';
    const { html, removed } = sanitizeBody(body);
    assert.deepEqual(removed, []);
    assert.equal(html, body.replace(/(<img[^>]*)>/g, '$1 />'));
  });
  it('drops unsafe styles and data: SVG images', () => {
    const { html, removed } = sanitizeBody('<p style="position:fixed;text-align:right">甲</p><img src="data:image/svg+xml;base64,PHN2Zz4="><img src="/attachments/../api/users">');
    assert.equal(html, '<p style="text-align:right">甲</p>');
    assert.ok(removed.some((r) => r.startsWith('外部图片')));
  });
  it('keeps the text of Word formatting tags', () => {
    const { html, removed } = sanitizeBody('<p><font face="宋体">正文</font></p>');
    assert.equal(html, '<p>正文</p>');
    assert.deepEqual(removed, ['不允许的格式标记（<font>，文字已保留）']);
  });
});

describe('scanBody and redactBody', () => {
  const body = '<p>各单位：</p><table><tr><td>张三</td><td>138<b>1234</b>5678</td></tr></table><p>咨询电话 0631-5201234，手机 13912345678。</p>';
  it('finds personal data per paragraph (a table row is one)', () => {
    const found = scanBody(body);
    assert.deepEqual(found.map((f) => [f.kind, f.place, f.excerpt]), [
      ['name-near-number', '正文第 2 段', '张*'],
      ['mobile', '正文第 2 段', '138****5678'],
      ['landline', '正文第 3 段', '0631-***1234'],
      ['mobile', '正文第 3 段', '139****5678'],
    ]);
    assert.ok(found.every((f) => f.source === 'body'));
  });
  it('removes the found text from the HTML itself, across formatting tags', () => {
    const [, mobile] = scanBody(body);
    const masked = redactBody(body, mobile!);
    assert.match(masked, /<td>138\*\*\*\*5678<b><\/b><\/td>/);
    const removed = redactBody(body, mobile!, 'nothing');
    assert.match(removed, /<td>张三<\/td><td><b><\/b><\/td>/);
    assert.equal(scanBody(removed).filter((f) => f.kind === 'mobile').length, 1);
  });
  it('leaves the HTML unchanged for a finding no longer there', () => {
    assert.equal(redactBody(body, { kind: 'mobile', place: '正文第 9 段', excerpt: '138****5678' }), body);
  });
});

describe('finding kinds', () => {
  it('have Chinese names; all but an organisation code must be resolved', () => {
    assert.equal(FINDING_KIND_NAMES['text-under-image'], '图片下的文字');
    assert.equal(FINDING_KIND_NAMES.mobile, '手机号码');
    assert.equal(mustResolve('uscc-organisation'), false);
    assert.equal(mustResolve('uscc-individual'), true);
    assert.equal(mustResolve('hidden-sheet'), true);
  });
});
