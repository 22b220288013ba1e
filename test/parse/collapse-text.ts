/**
 * Test helper (issue 11): the text forms crawled or copied reports come in, made from a rendered
 * report (render-text.ts, TSV form) with seeded randomness so that many variants can be generated:
 *  - 'spaces': every line break and run of whitespace collapsed to one space;
 *  - 'glued': collapsed, and the cells of tables 三 and 四 run together with no separator, into
 *    their label and into the next row's label (table 二, which has no sums to split by, stays spaced
 *    unless `glueTable2`);
 *  - 'partial': collapsed, cells of tables 三 and 四 separated irregularly (a space or nothing
 *    between any two cells; table 二 too with `glueTable2`);
 *  - `lines`: the collapsed text cut into that many lines at random spaces.
 */
import { seededRandom } from '../../src/core/seeded-random.js';

export type CollapseMode = 'spaces' | 'glued' | 'partial';

export interface CollapseOptions {
  seed?: number;
  glueTable2?: boolean;
  lines?: number;
}

const VALUE = /^(?:[+-]?\d+(?:\.\d+)?(?:万元|元)?|[/／—-]|无)$/;

/** Collapses a TSV-rendered report text in the given mode. */
export function collapseText(tsv: string, mode: CollapseMode, options: CollapseOptions = {}): string {
  const random = seededRandom(options.seed ?? 1);
  let section = '';
  let out = '';
  let lastWasRow = false;
  for (const raw of tsv.split('\n')) {
    const line = raw.trim() === '' ? '' : raw;
    if (!line) continue;
    if (/^[一二三四五六]、/.test(line) && !line.includes('\t')) section = line[0]!;
    if (!line.includes('\t')) {
      out += (out ? ' ' : '') + line.replace(/\s+/g, ' ').trim();
      lastWasRow = false;
      continue;
    }
    const fields = line.split('\t').map((f) => f.replace(/\s+/g, ' ').trim()).filter((f) => f !== '');
    if (!fields.length) continue;
    // Table 二 has no sums to split by: its cells are glued only when asked.
    const table2 = section === '二' && !options.glueTable2;
    const glue = mode === 'glued' && !table2;
    const sep = () => (mode === 'spaces' || table2 ? ' ' : glue ? '' : random.chance(0.5) ? ' ' : '');
    let text = '';
    let prevValue = false;
    for (const f of fields) {
      const isValue = VALUE.test(f);
      if (text) text += isValue ? sep() : ' ';
      text += f;
      prevValue = isValue;
    }
    const joiner = !out ? '' : lastWasRow && glue ? '' : ' ';
    out += joiner + text;
    lastWasRow = prevValue;
  }
  if (!options.lines || options.lines <= 1) return `${out}\n`;
  // Cut into lines at random spaces.
  const spaces: number[] = [];
  for (let i = 0; i < out.length; i++) if (out[i] === ' ') spaces.push(i);
  const cuts = new Set<number>();
  while (cuts.size < Math.min(options.lines - 1, spaces.length)) cuts.add(random.pick(spaces));
  return `${[...out].map((ch, i) => (cuts.has(i) ? '\n' : ch)).join('')}\n`;
}
