/**
 * Large pages (issue 11): what no reader sees is cleared before parse5 builds its tree, so a page of 50 MB that is
 * mostly an embedded image or script reads like the report it holds; a page of more tags than a report ever has is
 * refused at once with a message. Sizes here are small (the bench measures the 50 MB page).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { renderHtml } from '../render/html/render-html.js';
import { parseReportFile } from './parse-file.js';
import { clearUnseen, countTags, MAX_HTML_TAGS, readHtml } from './read-html.js';

const report = fromInterchange(JSON.parse(readFileSync(new URL('../../test/fixtures/full-2021.json', import.meta.url), 'utf8')));

describe('a large page', () => {
  it('keeps a small page as written', () => {
    const page = '<p>甲</p><!-- 注释 --><script>var a = "<p>乙</p>";</script>';
    assert.equal(clearUnseen(page), page);
  });

  it('clears comments, scripts, styles and embedded images of a large page, keeping the tags and text', () => {
    const image = 'A'.repeat(2 * 1024 * 1024);
    const page = `<p>甲</p><!-- <script> --><p>乙</p><script type="x">var s = "<p>丙</p>";</script><style>p{}</style>`
      + `<img src="data:image/png;base64,${image}"><p>丁 data:x,abc</p>`;
    assert.equal(clearUnseen(page), '<p>甲</p><p>乙</p><script type="x"></script><style></style><img src="data:image/png;base64,"><p>丁 data:x,abc</p>');
  });

  it('reads the report out of a page that is mostly an embedded image', async () => {
    const image = Buffer.alloc(3 * 1024 * 1024, 7).toString('base64');
    const page = renderHtml(report).replace('</body>', `<p><img src="data:image/png;base64,${image}"></p><!-- ${'x'.repeat(100_000)} --></body>`);
    const large = await parseReportFile(Buffer.from(page), 'large.html');
    const plain = await parseReportFile(Buffer.from(renderHtml(report)), 'large.html');
    assert.equal(large.error, null);
    assert.deepEqual(large.report, plain.report);
  });

  it('refuses a page of more tags than a report has, with a Chinese message', async () => {
    assert.equal(countTags('<p>a</p> < b <B>'), 2);
    const page = `<table>${'<tr><td>1</td></tr>'.repeat(Math.ceil(MAX_HTML_TAGS / 2) + 1)}</table>`;
    assert.throws(() => readHtml(page), /^Error: 网页结构过于复杂（超过 50 万个标记）/);
    const result = await parseReportFile(Buffer.from(page), '复杂.html');
    assert.equal(result.report, null);
    assert.match(result.error ?? '', /^网页结构过于复杂/);
  });
});
