/**
 * The shared frame of the public portal (政府信息公开平台): one HTML page with a header, the site's navigation,
 * breadcrumbs, the main content and the footer every government site must show (国办发〔2017〕47号: 主办单位,
 * 承办单位, contact, 网站标识码, ICP备案 and 公安机关备案 linked to their registries, 我为政府网站找错). Plain
 * server-rendered HTML that works without JavaScript; landmarks, headings and a skip link for screen-reader and
 * keyboard users; the standard meta tags (spec A5 item 22); a large-text and a high-contrast mode (适老化) chosen
 * by a plain link and remembered in a cookie, independent of the browser's zoom.
 */
import { html, raw, type Html, type HtmlValue } from '../render/html/template.js';
import { DEFAULT_SITE_SETTINGS, ICP_REGISTRY_HREF, policeRecordHref, type SiteSettings } from './site-settings.js';
import { PORTAL_CSS } from './portal-styles.js';

/** The name of the column every government site must have (国办公开办函〔2019〕61号: 统一名称). */
export const COLUMN_NAME = '政府信息公开';

/** One step of the breadcrumb trail; the last one is the current page (no link). */
export interface Crumb {
  label: string;
  href?: string;
}

/** The reader's display choice (适老化): larger text and/or high contrast. */
export interface DisplayMode {
  large: boolean;
  contrast: boolean;
}

/** What every page needs besides its content: the site's settings, the reader's display mode and the page's path. */
export interface PageContext {
  site: SiteSettings;
  display: DisplayMode;
  /** The page's path and query (for the display links and the Url meta tag). */
  path: string;
}

/** A context with the demo site and the standard display (tests, error pages without a request). */
export const DEFAULT_PAGE_CONTEXT: PageContext = { site: DEFAULT_SITE_SETTINGS, display: { large: false, contrast: false }, path: '/' };

/** The meta tags of an article (an item, a report, a guide). */
export interface ArticleMeta {
  title: string;
  /** YYYY-MM-DD. */
  pubDate?: string | null;
  /** 信息来源: the issuing body. */
  source?: string | null;
  keywords?: string | null;
  description?: string | null;
}

/** Options of a page. */
export interface PageOptions {
  /** Page title (before the site name in <title>). */
  title: string;
  main: Html;
  crumbs?: Crumb[];
  /** ColumnName / ColumnType of the meta tags (default the 政府信息公开 column). */
  column?: { name: string; type: string };
  article?: ArticleMeta;
  /** Extra elements of <head> (a feed link). */
  head?: Html;
}

/** The display cookie's name and its values. */
export const DISPLAY_COOKIE = 'gk_display';

/** Reads the display cookie's value ("large", "contrast", "large contrast"). */
export function displayOf(cookie: string | undefined): DisplayMode {
  const words = new Set((cookie ?? '').split(/[\s,+]+/));
  return { large: words.has('large'), contrast: words.has('contrast') };
}

/** The cookie value of a display mode. */
export function displayValue(mode: DisplayMode): string {
  return [mode.large ? 'large' : '', mode.contrast ? 'contrast' : ''].filter(Boolean).join(' ');
}

/** The link that switches the display and comes back to `path`. */
function displayHref(mode: DisplayMode, path: string): string {
  const params = new URLSearchParams({ mode: displayValue(mode) || 'standard', back: path });
  return `/display?${params.toString()}`;
}

function crumbsHtml(crumbs: Crumb[]): Html {
  if (crumbs.length === 0) return html``;
  const items = crumbs.map((c, i) =>
    i === crumbs.length - 1 || !c.href
      ? html`<li><span aria-current="page">${c.label}</span></li>`
      : html`<li><a href="${c.href}">${c.label}</a></li>`);
  return html`<nav class="crumbs" aria-label="当前位置"><ol>${items}</ol></nav>`;
}

function meta(name: string, content: HtmlValue): Html {
  return content === null || content === undefined || content === '' ? html`` : html`<meta name="${name}" content="${content}">\n`;
}

function displayLinks(ctx: PageContext): Html {
  const { display, path } = ctx;
  return html`<nav class="display" aria-label="阅读模式">
<a href="${displayHref({ ...display, large: !display.large }, path)}">${display.large ? '标准字号' : '大字版'}</a>
<a href="${displayHref({ ...display, contrast: !display.contrast }, path)}">${display.contrast ? '标准配色' : '高对比度'}</a>
${display.large || display.contrast ? html`<a href="${displayHref({ large: false, contrast: false }, path)}">恢复标准版</a>` : ''}
</nav>`;
}

function footer(site: SiteSettings): Html {
  return html`<footer class="site-footer">
<div class="inner">
<p class="footer-links"><a href="/sitemap">网站地图</a><a href="/search">站内搜索</a><a href="/apply">依申请公开</a><a href="${site.errorReportUrl}" rel="noopener">我为政府网站找错</a></p>
<p>主办单位：${site.sponsor}<span class="sep">承办单位：${site.operator}</span></p>
<p>地址：${site.address}<span class="sep">联系电话：${site.phone}</span></p>
<p>网站标识码：${site.idCode}<span class="sep"><a href="${ICP_REGISTRY_HREF}" rel="noopener">${site.icp}</a></span><span class="sep"><a href="${policeRecordHref(site.police)}" rel="noopener">${site.police}</a></span><span class="sep">本站支持IPv6</span></p>
</div>
</footer>`;
}

/** Renders a complete portal page around the given main content. */
export function portalPage(ctx: PageContext, { title, main, crumbs = [], column, article, head }: PageOptions): string {
  const { site, display } = ctx;
  const col = column ?? { name: COLUMN_NAME, type: '信息公开' };
  const classes = [display.large ? 'large' : '', display.contrast ? 'contrast' : ''].filter(Boolean).join(' ');
  const page = html`<!DOCTYPE html>
<html lang="zh-CN"${classes ? html` class="${classes}"` : ''}>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} - ${site.name}</title>
${meta('SiteName', site.name)}${meta('SiteDomain', site.domain)}${meta('SiteIDCode', site.idCode)}${meta('ColumnName', col.name)}${meta('ColumnType', col.type)}${article ? html`${meta('ArticleTitle', article.title)}${meta('PubDate', article.pubDate)}${meta('ContentSource', article.source)}${meta('Keywords', article.keywords)}${meta('Description', article.description)}` : html`${meta('Description', title)}`}${meta('Url', `https://${site.domain}${ctx.path}`)}${head ?? ''}
<style>${raw(PORTAL_CSS)}</style>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site-header">
<div class="inner">
<a class="site-name" href="/">${site.name}<span class="column-name">${COLUMN_NAME}</span></a>
${displayLinks(ctx)}
</div>
<nav class="site-nav" aria-label="网站导航"><div class="inner">
<a href="/">首页</a><a href="/search">站内搜索</a><a href="/matters">办事指南</a><a href="/apply">依申请公开</a><a href="/status">办理进度查询</a><a href="/sitemap">网站地图</a>
</div></nav>
</header>
${crumbsHtml(crumbs)}
<main id="main" tabindex="-1">
${main}
</main>
${footer(site)}
</body>
</html>
`;
  return page.text;
}

/** The title of an error page by status code. */
function errorTitle(statusCode: number): string {
  if (statusCode === 404) return '未找到页面';
  if (statusCode === 410) return '信息已撤回';
  return statusCode >= 500 ? '服务器内部错误' : '请求无法处理';
}

/** The page shown for a status code other than 200 (404, 400, 500 …), in Chinese, inside the site's frame. */
export function errorPage(statusCode: number, message: string, ctx: PageContext = DEFAULT_PAGE_CONTEXT): string {
  const title = errorTitle(statusCode);
  return portalPage(ctx, {
    title,
    crumbs: [{ label: '首页', href: '/' }, { label: title }],
    main: html`<h1>${title}</h1>
<p>${message}</p>
<p class="note">错误代码：${statusCode}。请检查网址，或<a href="/">返回首页</a>、使用<a href="/search">站内搜索</a>、查看<a href="/sitemap">网站地图</a>。</p>`,
  });
}
