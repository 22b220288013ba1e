/**
 * What the engine does to a document's blocks before reading them (issue 11): the crawler's
 * header is taken off and kept (crawl-header.ts), collapsed text is cut again into paragraphs and
 * tables (collapsed-text.ts), and a file holding more than one report is read up to the start of
 * the second one — the first report is read and the note says so (reading one report per file
 * keeps every finding tied to one agency and year; the other report is to be submitted on its own).
 */
import { knownHeadings } from './collapsed-patterns.js';
import { segmentCollapsed } from './collapsed-text.js';
import { takeCrawlHeader } from './crawl-header.js';
import { normalizeLabel } from './normalize-label.js';
import type { ReportSource } from './parse-types.js';
import { sectionHeadingKey } from './read-sections.js';
import type { SourceBlock } from './source-types.js';

/** Blocks ready for the engine, the page's source when a crawler's header gave one, and notes. */
export interface PreparedBlocks {
  blocks: SourceBlock[];
  source: ReportSource | null;
  notes: string[];
}

const TITLE_WORDS = /政府信息公[开開].{0,12}年度?报告|年度?报告.{0,4}政府信息公[开開]/;

/** Prepares a document's blocks for the engine. */
export function prepareBlocks(blocks: SourceBlock[]): PreparedBlocks {
  const header = takeCrawlHeader(blocks);
  const segmented = segmentCollapsed(header.blocks);
  const notes = [...header.notes, ...segmented.notes];
  let out = segmented.collapsed ? segmented.blocks : firstReport(segmented.blocks, notes);
  const title = header.source?.title;
  if (title && TITLE_WORDS.test(title.replace(/\s+/g, '')) && !hasTitle(out)) {
    out = [{ kind: 'paragraph', text: title, where: {} }, ...out];
    notes.push(`正文开头没有报告标题，按网页标题“${title}”读取`);
  }
  return { blocks: out, source: header.source, notes };
}

/** Whether one of the first paragraphs is a report title. */
function hasTitle(blocks: SourceBlock[]): boolean {
  let seen = 0;
  for (const b of blocks) {
    if (b.kind !== 'paragraph') continue;
    if (b.text.length <= 100 && TITLE_WORDS.test(b.text.replace(/\s+/g, ''))) return true;
    if (++seen >= 5) return false;
  }
  return false;
}

/**
 * The blocks of the first report when a document holds several: section 一's heading again after
 * section 三 (or 四) starts another report, from its title when one stands just before.
 */
function firstReport(blocks: SourceBlock[], notes: string[]): SourceBlock[] {
  let seenThird = false;
  let current: ReturnType<typeof sectionHeadingKey> = null;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.kind !== 'paragraph' || b.text.length > 60) continue;
    const key = sectionHeadingKey(normalizeLabel(b.text), seenThird ? null : current);
    if (!key) continue;
    if (key === '三' || key === '四') seenThird = true;
    if (key === '一' && seenThird && knownHeadings().has(normalizeLabel(b.text))) {
      // Only with a report title just before it: “一、总体情况” alone may head a part of section 六.
      let cut = -1;
      for (let j = i - 1; j >= Math.max(0, i - 4); j--) {
        const p = blocks[j]!;
        if (p.kind === 'paragraph' && p.text.length <= 100 && TITLE_WORDS.test(p.text.replace(/\s+/g, ''))) { cut = j; break; }
      }
      if (cut < 0) continue;
      const title = blocks[cut]!.kind === 'paragraph' ? (blocks[cut] as { text: string }).text.trim().slice(0, 60) : '';
      notes.push(`文件中含有不止一份年度报告（另一份从“${title}”开始），只读取了第一份`);
      return blocks.slice(0, cut);
    }
    current = key;
  }
  return blocks;
}
