/**
 * The portal's one style sheet (inlined: no extra request, works without JavaScript). Colours are variables so
 * that the high-contrast mode (适老化: 高对比度) only swaps them; sizes are rem so that the large-text mode (特大字体)
 * only changes the root size — both independent of the browser's zoom. Contrast ratios meet WCAG 2.1 AA.
 */
export const PORTAL_CSS = `
:root{--bg:#f4f5f7;--panel:#fff;--text:#1f1f1f;--muted:#4a4a4a;--link:#0b4a8b;--hover:#7a1111;--brand:#9e1b1b;--brand-text:#fff;--gold:#d4a017;--line:#d0d4d9;--head:#eef1f5;--focus:#c8102e;--mark:#fff3b0}
html.contrast{--bg:#000;--panel:#000;--text:#fff;--muted:#fff;--link:#ffeb3b;--hover:#fff;--brand:#000;--brand-text:#ffeb3b;--gold:#ffeb3b;--line:#fff;--head:#1a1a1a;--focus:#00e5ff;--mark:#ffeb3b}
html.contrast mark{color:#000}
*{box-sizing:border-box}
html{font-size:16px}
html.large{font-size:21px}
body{margin:0;display:flex;flex-direction:column;min-height:100vh;font-family:"Noto Sans SC","Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei",sans-serif;color:var(--text);background:var(--bg);line-height:1.75}
a{color:var(--link)}
a:hover{color:var(--hover)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0b4a8b;padding:.5rem 1rem;z-index:10}
.skip:focus{left:1rem}
.inner,.crumbs{width:100%;max-width:1100px;margin:0 auto;padding:0 1.25rem}
.site-header{background:var(--brand);color:var(--brand-text);border-bottom:4px solid var(--gold)}
.site-header>.inner{display:flex;align-items:center;justify-content:space-between;min-height:4.5rem;gap:.5rem 1rem;flex-wrap:wrap;padding-top:.5rem;padding-bottom:.5rem}
.site-name{color:var(--brand-text);text-decoration:none;font-size:1.45rem;font-weight:700;letter-spacing:.06em;display:flex;flex-wrap:wrap;align-items:baseline;gap:0 .75rem}
.site-name:hover{color:var(--brand-text);text-decoration:underline}
.column-name{font-size:1.05rem;font-weight:400;border-left:2px solid var(--gold);padding-left:.75rem}
.display a{color:var(--brand-text);margin-left:1rem;font-size:.95rem}
.display a:hover{color:var(--brand-text)}
.site-nav{background:rgba(0,0,0,.18)}
html.contrast .site-nav{background:#000;border-top:1px solid #fff}
.site-nav .inner{display:flex;flex-wrap:wrap;gap:0 1.75rem}
.site-nav a{color:var(--brand-text);text-decoration:none;line-height:2.6rem}
.site-nav a:hover{color:var(--brand-text);text-decoration:underline}
.crumbs{margin-top:1rem;font-size:.9rem;color:var(--muted)}
.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
.crumbs li+li::before{content:"›";margin:0 .5rem}
main{width:calc(100% - 2rem);max-width:1100px;margin:1rem auto 2rem;background:var(--panel);padding:1.5rem 1.75rem;border:1px solid var(--line)}
main h1{font-size:1.6rem;margin:.25rem 0 1rem;line-height:1.4}
main h2{font-size:1.25rem;margin:1.5rem 0 .75rem;border-left:4px solid var(--brand);padding-left:.6rem}
html.contrast main h2{border-left-color:#fff}
main h3{font-size:1.1rem;margin:1.25rem 0 .5rem}
table.list{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
table.list caption{text-align:left;font-weight:700;padding:.25rem 0}
table.list th,table.list td{border:1px solid var(--line);padding:.5rem .6rem;text-align:left;vertical-align:top}
table.list th{background:var(--head)}
table.list td.nowrap,.nowrap{white-space:nowrap}
table.list td.links a{margin-right:.75rem;white-space:nowrap}
table.list td.title{min-width:12em}
.table-wrap{overflow-x:auto}
ul.tree,ul.tree ul{list-style:none;margin:0;padding-left:1.25rem}
ul.tree{padding-left:0}
ul.tree li{margin:.3rem 0}
ul.tree ul{border-left:1px dashed var(--line);margin-left:.35rem}
.kind,.count,.note{color:var(--muted)}
.kind,.count{font-size:.85rem;margin-left:.4rem}
.columns{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:1rem;list-style:none;padding:0;margin:1rem 0}
.columns li{border:1px solid var(--line);border-top:4px solid var(--brand);padding:.75rem 1rem;background:var(--panel)}
html.contrast .columns li{border-top-color:#fff}
.columns a{font-weight:700;font-size:1.1rem}
.columns p{margin:.25rem 0 0;color:var(--muted);font-size:.9rem}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1rem;padding:.75rem 1rem;background:var(--head);border:1px solid var(--line);margin:0 0 1.5rem}
.downloads a{white-space:nowrap}
dl.meta{display:grid;grid-template-columns:max-content 1fr max-content 1fr;gap:0;border:1px solid var(--line);margin:0 0 1.5rem;background:var(--head)}
dl.meta dt,dl.meta dd{margin:0;padding:.45rem .6rem;border-bottom:1px solid var(--line)}
dl.meta dt{font-weight:700;white-space:nowrap}
dl.meta dd{background:var(--panel);word-break:break-all}
.article-title{text-align:center;font-size:1.55rem}
.article-body{font-size:1.05rem;line-height:1.9}
.article-body p{margin:.6rem 0}
.column-nav ul{list-style:none;margin:0 0 1.25rem;padding:0;display:flex;flex-wrap:wrap;gap:.25rem;border-bottom:2px solid var(--brand)}
.column-nav a{display:block;padding:.35rem .9rem;text-decoration:none;border:1px solid var(--line);border-bottom:0;background:var(--head)}
.column-nav a[aria-current="page"]{background:var(--brand);color:var(--brand-text);border-color:var(--brand)}
html.contrast .column-nav ul{border-bottom-color:#fff}
html.contrast .column-nav a[aria-current="page"]{border-color:#fff}
ul.latest{list-style:none;padding:0;margin:0}
ul.latest li{display:flex;justify-content:space-between;gap:1rem;border-bottom:1px dashed var(--line);padding:.4rem 0}
ul.latest .date{color:var(--muted);white-space:nowrap}
.article-body img{max-width:100%;height:auto}
.article-body table{border-collapse:collapse;max-width:100%}
.article-body td,.article-body th{border:1px solid var(--line);padding:.3rem .5rem}
.notice{border:2px solid var(--brand);background:var(--head);padding:.75rem 1rem;margin:0 0 1.25rem}
html.contrast .notice{border-color:#fff}
.pager{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;margin:1rem 0}
.search-form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;background:var(--head);border:1px solid var(--line);padding:1rem;margin:0 0 1rem}
.search-form label{display:flex;flex-direction:column;font-size:.9rem;gap:.2rem}
.search-form input,.search-form select,.search-form button{font:inherit;padding:.35rem .5rem;border:1px solid #6b6b6b;background:var(--panel);color:var(--text);min-height:2.4rem}
.search-form .q{flex:1 1 16rem}
.search-form button{background:var(--brand);color:var(--brand-text);border-color:var(--brand);padding:.35rem 1.25rem;cursor:pointer}
html.contrast .search-form button{border-color:#fff}
ol.results{list-style:none;padding:0;margin:0}
ol.results li{border-bottom:1px solid var(--line);padding:.75rem 0}
ol.results .title{font-size:1.1rem}
ol.results .snippet{margin:.25rem 0}
ol.results .facts{color:var(--muted);font-size:.875rem;margin:0}
ol.results .doc-kind{border:1px solid var(--line);padding:0 .35em;margin-right:.5em;white-space:nowrap}
mark{background:var(--mark);color:inherit;padding:0 .1em}
.attachment-text{white-space:pre-wrap;border:1px solid var(--line);padding:.75rem 1rem;max-height:30rem;overflow:auto;background:var(--head)}
.site-footer{margin-top:auto;border-top:4px solid var(--brand);background:var(--panel);color:var(--muted);font-size:.875rem;padding:1rem 0 1.5rem;text-align:center}
.site-footer p{margin:.3rem 0}
.site-footer .sep{margin-left:1.25rem}
.footer-links a{margin:0 .75rem}
.matter-guide .qr{float:right;margin:0 0 1rem 1rem;text-align:center;font-size:.85rem;color:var(--muted)}
.matter-guide .qr img{display:block;margin:0 auto;image-rendering:pixelated}
ul.tags{list-style:none;padding:0;margin:.5rem 0;display:flex;flex-wrap:wrap;gap:.4rem}
ul.tags li{border:1px solid var(--brand);color:var(--brand);padding:.05rem .5rem;font-size:.85rem}
ol.materials li span{display:block;color:var(--muted);font-size:.9rem}
ol.materials li a{margin-right:1rem}
.matter-filter{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end;margin:0 0 1rem}
.matter-filter label{display:flex;flex-direction:column;font-size:.9rem}
.matter-filter input,.matter-filter select,.matter-filter button{font:inherit;padding:.35rem .5rem;min-height:2.5rem}
ul.matter-list{list-style:none;padding:0}
ul.matter-list li{border-bottom:1px solid var(--line);padding:.6rem 0}
ul.matter-list li a{font-size:1.05rem}
ul.matter-list li .note{display:block}
@media (max-width:640px){
.matter-guide .qr{float:none;margin:0 auto 1rem}
.matter-filter label{width:100%}
main{width:calc(100% - 1rem);padding:1rem}
.site-name{font-size:1.2rem}
.display a{margin:0 1rem 0 0}
.site-nav .inner{gap:0 1rem}
table.list td.links a{display:block}
table.items thead{position:absolute;left:-9999px}
table.items,table.items tbody,table.items tr,table.items td{display:block;width:100%}
table.items tr{display:flex;flex-direction:column;border:1px solid var(--line);margin:0 0 .75rem;padding:.4rem .6rem}
table.items td,table.list.items td.nowrap{border:0;padding:.1rem 0;white-space:normal;word-break:break-all}
table.items caption{display:block;width:100%}
.column-nav a{padding:.25rem .6rem;font-size:.9rem}
table.items td.title{font-size:1.05rem;order:-1}
table.items td[data-label]::before{content:attr(data-label) "：";color:var(--muted)}
dl.meta{grid-template-columns:max-content 1fr}
.site-footer .sep{display:block;margin:0}
.table-wrap table.list th:nth-child(1){white-space:normal}
}
@media print{.site-header,.site-footer,.crumbs,.downloads,.skip,.display{display:none}main{border:0;margin:0;padding:0}}
`;
