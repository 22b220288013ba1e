import assert from 'node:assert/strict';
import { test } from 'node:test';
import { html, isHtml, join, raw } from './template.js';

test('interpolations are escaped unless they are fragments; arrays joined; null/false dropped', () => {
  const title = '<script>alert("x")</script>&\'';
  assert.equal(html`<h1>${title}</h1>`.text, '<h1>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</h1>');
  assert.equal(html`<a href="${'/a?b=1&c="2"'}">x</a>`.text, '<a href="/a?b=1&amp;c=&quot;2&quot;">x</a>');
  const inner = html`<b>${'<i>'}</b>`;
  assert.equal(html`<p>${inner}</p>`.text, '<p><b>&lt;i&gt;</b></p>');
  assert.equal(html`<ul>${['<a>', html`<li>b</li>`, 3]}</ul>`.text, '<ul>&lt;a&gt;<li>b</li>3</ul>');
  assert.equal(html`${null}${undefined}${false}${true}x`.text, 'x');
  assert.equal(html`${raw('<p>sanitised</p>')}`.text, '<p>sanitised</p>');
  assert.equal(join(['<', html`<br>`], html`, `).text, '&lt;, <br>');
  assert.ok(isHtml(inner) && !isHtml('<b>') && !isHtml({ text: '<b>' }), 'a look-alike object is not a fragment');
  assert.equal(String(inner), '<b>&lt;i&gt;</b>');
});
