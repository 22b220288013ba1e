/**
 * Machine-readable views of the portal: an Atom feed (RFC 4287) of the newest public items of an agency or a
 * category, and /sitemap.xml (sitemaps.org 0.9) of the public pages. XML text goes through the same escaping
 * as HTML (the five XML entities).
 */
import { escapeHtml } from '../core/escape-html.js';
import type { PublicItem } from './disclosure-pages.js';
import type { SiteSettings } from './site-settings.js';

const x = escapeHtml;

/** The absolute URL of a portal path on the configured domain. */
export function absolute(site: SiteSettings, path: string): string {
  return `https://${site.domain}${path}`;
}

/** An Atom feed of items (newest first); `updated` is the newest item's date (or `fallback`). */
export function atomFeed(site: SiteSettings, feed: { title: string; path: string; pagePath: string; fallback: string }, items: PublicItem[]): string {
  const stamp = (d: string | null) => `${d ?? feed.fallback.slice(0, 10)}T00:00:00+08:00`;
  const updated = stamp(items[0]?.publishedOn ?? null);
  const entries = items.map((i) => `<entry>
<title>${x(i.fields.title)}</title>
<id>${x(absolute(site, `/items/${i.id}`))}</id>
<link rel="alternate" type="text/html" href="${x(absolute(site, `/items/${i.id}`))}"/>
<updated>${stamp(i.publishedOn)}</updated>
<author><name>${x(i.fields.issuer || site.name)}</name></author>
<summary>${x([i.indexNo ? `索引号：${i.indexNo}` : '', i.fields.docNo ? `文号：${i.fields.docNo}` : '', i.fields.summary].filter(Boolean).join('；'))}</summary>
</entry>`).join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${x(feed.title)}</title>
<id>${x(absolute(site, feed.path))}</id>
<link rel="self" type="application/atom+xml" href="${x(absolute(site, feed.path))}"/>
<link rel="alternate" type="text/html" href="${x(absolute(site, feed.pagePath))}"/>
<updated>${updated}</updated>
<author><name>${x(site.sponsor)}</name></author>
${entries}
</feed>
`;
}

/** /sitemap.xml of the given paths (with their last-modified day when known). */
export function sitemapXml(site: SiteSettings, entries: Array<{ path: string; lastmod?: string | null }>): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map((e) => `<url><loc>${x(absolute(site, e.path))}</loc>${e.lastmod ? `<lastmod>${x(e.lastmod)}</lastmod>` : ''}</url>`).join('\n')}
</urlset>
`;
}
