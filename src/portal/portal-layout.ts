/**
 * The shared frame of the public portal: one HTML page with a header, breadcrumbs, the main
 * content and a footer. Plain server-rendered HTML that works without JavaScript; landmarks,
 * headings and a skip link for screen-reader and keyboard users.
 */
import { escapeHtml } from '../render/html/escape-html.js';

/** The portal's name, shown in the header and every page title. */
export const SITE_NAME = '政府信息公开 · 年度报告';

/** One step of the breadcrumb trail; the last one is the current page (no link). */
export interface Crumb {
  label: string;
  href?: string;
}

const CSS = `
*{box-sizing:border-box}
html{font-size:16px}
body{margin:0;display:flex;flex-direction:column;min-height:100vh;font-family:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:#1f1f1f;background:#f5f6f8;line-height:1.7}
a{color:#0b4a8b}
a:hover{color:#7a1111}
a:focus-visible,button:focus-visible{outline:3px solid #c8102e;outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.site-header{background:#9e1b1b;color:#fff;border-bottom:4px solid #d4a017}
.site-header .inner,.site-footer .inner,.crumbs{width:100%;max-width:1000px;margin:0 auto;padding:0 1.25rem}
.site-header .inner{display:flex;align-items:center;justify-content:space-between;min-height:4.25rem;gap:1rem;flex-wrap:wrap}
.site-name{color:#fff;text-decoration:none;font-size:1.45rem;font-weight:700;letter-spacing:.08em}
.site-name:hover{color:#fff;text-decoration:underline}
.site-header nav a{color:#fff;margin-left:1.25rem}
.crumbs{margin-top:1rem;font-size:.9rem;color:#555}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";margin:0 .5rem;color:#888}
main{width:calc(100% - 2rem);max-width:1000px;margin:1rem auto 2rem;background:#fff;padding:1.5rem 1.75rem;border:1px solid #e1e4e8}
main>h1{font-size:1.6rem;margin:.25rem 0 1rem}
main>section>h2{font-size:1.25rem;margin:1.5rem 0 .75rem;border-left:4px solid #9e1b1b;padding-left:.6rem}
table.list{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
table.list caption{text-align:left;font-weight:700;padding:.25rem 0}
table.list th,table.list td{border:1px solid #d0d4d9;padding:.5rem .6rem;text-align:left;vertical-align:top}
table.list th{background:#f0f2f5}
table.list td.nowrap{white-space:nowrap}
table.list td.links a{margin-right:.75rem;white-space:nowrap}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.25rem}
ul.tree{padding-left:0}
ul.tree li{margin:.3rem 0}
ul.tree ul{border-left:1px dashed #c5cad1;margin-left:.35rem}
.kind{color:#555;font-size:.85rem;margin-left:.4rem}
.count{color:#555;font-size:.85rem;margin-left:.4rem}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:.75rem 1rem;background:#f7f8fa;border:1px solid #e1e4e8;margin:0 0 1.5rem}
.downloads a{white-space:nowrap}
.note{color:#555}
.site-footer{margin-top:auto;border-top:1px solid #d0d4d9;background:#fff;color:#555;font-size:.875rem;padding:1rem 0 1.5rem}
.site-footer p{margin:.25rem 0}
.table-wrap{overflow-x:auto}
table.list td.title{min-width:12em}
@media (max-width:640px){main{width:calc(100% - 1rem);padding:1rem}.site-header nav a{margin:0 1.25rem 0 0}table.list td.links a{display:block}}
@media print{.site-header,.site-footer,.crumbs,.downloads,.skip{display:none}main{border:0;margin:0;padding:0}}
`;

/** Options of a page. */
export interface PageOptions {
  /** Page title (before the site name in <title>). */
  title: string;
  /** The inner HTML of <main>; must already be escaped. */
  main: string;
  crumbs?: Crumb[];
}

function crumbsHtml(crumbs: Crumb[]): string {
  if (crumbs.length === 0) return '';
  const items = crumbs.map((c, i) =>
    i === crumbs.length - 1 || !c.href
      ? `<li><span aria-current="page">${escapeHtml(c.label)}</span></li>`
      : `<li><a href="${escapeHtml(c.href)}">${escapeHtml(c.label)}</a></li>`);
  return `<nav class="crumbs" aria-label="当前位置"><ol>${items.join('')}</ol></nav>`;
}

/** Renders a complete portal page around the given main content. */
export function portalPage({ title, main, crumbs = [] }: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${escapeHtml(SITE_NAME)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<div class="inner">
<a class="site-name" href="/">${escapeHtml(SITE_NAME)}</a>
<nav aria-label="网站导航"><a href="/">首页</a><a href="/docs">开放接口</a></nav>
</div>
</header>
${crumbsHtml(crumbs)}
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
<div class="inner">
<p>依据《中华人民共和国政府信息公开条例》第五十条公布政府信息公开工作年度报告。</p>
<p>本站数据以各机关发布的年度报告为准；报告可下载为 HTML、Word、PDF 及交换格式 JSON。</p>
</div>
</footer>
</body>
</html>
`;
}

/** The page shown for a status code other than 200 (404, 400, 500 …), in Chinese. */
export function errorPage(statusCode: number, message: string): string {
  const title = statusCode === 404 ? '未找到页面' : statusCode >= 500 ? '服务器内部错误' : '请求无法处理';
  return portalPage({
    title,
    crumbs: [{ label: '首页', href: '/' }, { label: title }],
    main: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="note">错误代码：${statusCode}。请检查网址，或<a href="/">返回首页</a>查看各机关已发布的年度报告。</p>`,
  });
}
