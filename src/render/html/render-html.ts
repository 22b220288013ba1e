/**
 * The annual report as HTML: a complete print-ready A4 page (renderHtml) or the report alone for
 * embedding in a portal page (renderHtmlBody). Built as strings, everything escaped.
 */
import type { TableDef } from '../../core/format/format-types.js';
import { getFormat } from '../../core/format/registry.js';
import { chineseDate } from '../../core/report/dates.js';
import type { ReportDocument, ReportSection } from '../../core/report/report-model.js';
import { escapeHtml } from '../../core/escape-html.js';
import { PAGE_CSS, REPORT_CSS } from './html-styles.js';
import { renderTableHtml } from './html-table.js';

/** Renders the report as a complete HTML5 page, ready to print on A4 (or to PDF). */
export function renderHtml(report: ReportDocument): string {
  return '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
    + '<meta name="viewport" content="width=device-width, initial-scale=1">'
    + `<title>${escapeHtml(report.title)}</title>`
    + `<style>${PAGE_CSS}${REPORT_CSS}</style></head><body>`
    + article(report)
    + '</body></html>\n';
}

/**
 * Renders the report without <html>/<head>: an <article class="gk-report"> carrying its own
 * styles, all scoped to .gk-report, for embedding in a portal page.
 */
export function renderHtmlBody(report: ReportDocument): string {
  return article(report, `<style>${REPORT_CSS}</style>`);
}

function article(report: ReportDocument, style = ''): string {
  const format = getFormat(report.format);
  const out: string[] = [`<article class="gk-report" lang="zh-CN">${style}`];
  out.push(`<h1 class="gk-title">${titleHtml(report)}</h1>`);
  for (const text of report.preamble) out.push(paragraph(text));
  for (const section of report.sections) {
    out.push(`<section class="gk-section" data-section="${escapeHtml(section.key)}">`);
    out.push(sectionText(section));
    for (const table of format.tables.filter((t) => t.section === section.key)) {
      out.push(renderTableHtml(report, table.id, tableTitle(format.sections, table)));
    }
    out.push('</section>');
  }
  out.push(closing(report));
  out.push('</article>');
  return out.join('\n');
}

/** Heading, then the section's own paragraphs, then its parts (（一）… with their paragraphs). */
function sectionText(section: ReportSection): string {
  const out = [`<h2 class="gk-h1">${escapeHtml(section.heading)}</h2>`];
  for (const text of section.paragraphs) out.push(paragraph(text));
  for (const part of section.parts) {
    if (part.heading) out.push(`<h3 class="gk-h2">${escapeHtml(part.heading)}</h3>`);
    for (const text of part.paragraphs) out.push(paragraph(text));
  }
  return out.join('\n');
}

function paragraph(text: string): string {
  // A paragraph that still holds line breaks keeps them; each line is indented like a paragraph.
  return text.split(/\r?\n/).filter((line) => line.trim() !== '').map((line) => `<p>${breakableUrls(escapeHtml(line))}</p>`).join('\n');
}

/**
 * Lets a long web address wrap after its / and . (a justified line otherwise stretches to make
 * room for the whole address on the next line).
 */
function breakableUrls(escaped: string): string {
  return escaped.replace(/(?:https?:\/\/|www\.)[A-Za-z0-9._~:/?#@!$&;=%+-]+/g, (url) => url.replace(/([/.])(?=[^/.])/g, '$1<wbr>'));
}

/**
 * The title, broken after the agency name when it starts with it (威海市环翠区行政审批服务局 /
 * 2019年政府信息公开工作年度报告), as published reports set a two-line title.
 */
function titleHtml(report: ReportDocument): string {
  const name = report.agency.name;
  const rest = report.title.slice(name.length);
  if (name && report.title.startsWith(name) && /^\d{4}年/.test(rest)) {
    return `<span>${escapeHtml(name)}</span><br><span>${escapeHtml(rest)}</span>`;
  }
  return escapeHtml(report.title);
}

/** Name of a table for its caption: 表二 主动公开政府信息情况 (from the section heading). */
function tableTitle(sections: ReadonlyArray<{ key: string; heading: string }>, table: TableDef): string {
  const heading = sections.find((s) => s.key === table.section)?.heading ?? '';
  return `表${table.id} ${heading.replace(/^[一二三四五六七八九十]+、/, '')}`.trim();
}

/** The signing agency and the Chinese date of issue, right-aligned (omitted while unset). */
function closing(report: ReportDocument): string {
  const lines: string[] = [];
  if (report.signature) lines.push(`<p class="gk-signature">${escapeHtml(report.signature)}</p>`);
  if (report.issuedOn) lines.push(`<p class="gk-date"><time datetime="${escapeHtml(report.issuedOn)}">${escapeHtml(chineseDate(report.issuedOn))}</time></p>`);
  return lines.length ? `<div class="gk-closing"><div class="gk-sign">${lines.join('')}</div></div>` : '';
}
