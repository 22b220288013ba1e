/**
 * Styles of the HTML report, after the national standard for official documents
 * (GB/T 9704-2012 党政机关公文格式): A4, 156 mm × 225 mm text area, title in 小标宋 二号,
 * body in 仿宋 三号 with 28 pt lines, first-level headings in 黑体, second-level in 楷体.
 * Font stacks name the Windows/macOS fonts first and fall back to Noto CJK on Linux servers.
 */

/** Font stacks (official fonts first, then the common substitutes). */
export const FONTS = {
  title: `"方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "小标宋", "华文中宋", "STZhongsong", "宋体", SimSun, "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", serif`,
  body: `"仿宋_GB2312", "仿宋", FangSong, "FangSong_GB2312", STFangsong, "Noto Serif CJK SC", "Noto Serif SC", serif`,
  heading1: `"黑体", SimHei, "Heiti SC", STHeiti, "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif`,
  heading2: `"楷体_GB2312", "楷体", KaiTi, "KaiTi_GB2312", STKaiti, "Noto Serif CJK SC", "Noto Serif SC", serif`,
  table: `"宋体", SimSun, "Songti SC", STSong, "Noto Serif CJK SC", "Noto Serif SC", serif`,
} as const;

/** The report's styles, every selector under `.gk-report` so a portal page is not affected. */
export const REPORT_CSS = `
.gk-report{font-family:${FONTS.body};font-size:16pt;line-height:28pt;color:#000;text-align:justify;font-kerning:none;-webkit-text-size-adjust:100%}
.gk-report *{box-sizing:border-box}
.gk-report .gk-title{font-family:${FONTS.title};font-size:22pt;line-height:1.5;font-weight:normal;text-align:center;
  margin:0 0 28pt;letter-spacing:0}
.gk-report .gk-title span{display:inline-block}
.gk-report p{margin:0;text-indent:2em}
.gk-report .gk-h1{font-family:${FONTS.heading1};font-size:16pt;line-height:28pt;font-weight:normal;margin:0;text-indent:2em;
  break-after:avoid;page-break-after:avoid}
.gk-report .gk-h2{font-family:${FONTS.heading2};font-size:16pt;line-height:28pt;font-weight:normal;margin:0;text-indent:2em;
  break-after:avoid;page-break-after:avoid}
.gk-report .gk-table{width:100%;border-collapse:collapse;table-layout:fixed;margin:8pt 0 14pt;font-family:${FONTS.table};
  font-size:10.5pt;line-height:1.35;text-align:center;text-indent:0;font-variant-numeric:tabular-nums}
.gk-report .gk-table th,.gk-report .gk-table td{border:1px solid #000;padding:2pt 3pt;vertical-align:middle;font-weight:normal;
  overflow-wrap:anywhere}
.gk-report .gk-table tr{break-inside:avoid;page-break-inside:avoid}
.gk-report .gk-table thead{display:table-header-group}
.gk-report .gk-table .gk-left{text-align:left}
.gk-report .gk-table .gk-center{text-align:center}
.gk-report .gk-table .gk-right{text-align:right}
.gk-report .gk-table .gk-caption{font-weight:bold}
.gk-report .gk-table .gk-corner{font-size:9pt;line-height:1.3}
.gk-report .gk-table .gk-value{white-space:nowrap}
.gk-report .gk-table .gk-caption-row,.gk-report .gk-table .gk-head{break-after:avoid;page-break-after:avoid}
.gk-report .gk-table-3{font-size:9pt;line-height:1.3}
.gk-report .gk-table-3 th,.gk-report .gk-table-3 td{padding:2pt 1.5pt}
.gk-report .gk-table .gk-vertical{display:inline-block;width:1.05em;line-height:1.5;text-align:center}
.gk-report .gk-table-3 .gk-row-label.gk-left{padding:2pt 3pt}
.gk-report .gk-table-wrap-3,.gk-report .gk-table-wrap-4{break-inside:avoid;page-break-inside:avoid}
.gk-report .gk-table-3 .gk-pair{display:inline-block;width:2.2em;text-align:center}
.gk-report .gk-table-2 tbody{break-inside:avoid;page-break-inside:avoid}
.gk-report .gk-table-4 th{padding:2pt 1pt}
.gk-report .gk-table-4 td{padding:4pt 1pt}
.gk-report .gk-table{border:1px solid #000}
@media screen{.gk-report .gk-table-wrap{overflow-x:auto}.gk-report .gk-table{min-width:600px}}
.gk-report .gk-sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);
  white-space:nowrap;border:0}
.gk-report .gk-closing{margin-top:42pt;text-align:right;break-inside:avoid;page-break-inside:avoid;break-before:avoid;page-break-before:avoid}
.gk-report .gk-sign{display:inline-block;text-align:center;margin-right:2em}
.gk-report .gk-sign p{text-indent:0}
`;

/** Page setup for the whole printable page: A4 with the standard margins and a page number. */
export const PAGE_CSS = `
@page{size:A4 portrait;margin:37mm 26mm 35mm 28mm;
  @bottom-center{content:"— " counter(page) " —";font-family:${FONTS.table};font-size:14pt;vertical-align:top;padding-top:7mm}}
html{background:#f2f2f2}
body{margin:0}
.gk-report{box-sizing:border-box;width:210mm;margin:24px auto;padding:37mm 26mm 35mm 28mm;background:#fff;box-shadow:0 1px 6px rgba(0,0,0,.25)}
@media print{html{background:none}.gk-report{width:auto;margin:0;padding:0;box-shadow:none}}
`;
