/**
 * Progress of a long command on stderr. On a terminal: one bar redrawn in place,
 * `[=====>    ] 12/40 文件名`, cut to the terminal's width; otherwise (a pipe, a log file): one plain
 * line per file, so logs stay readable.
 */
import { displayWidth } from './text-table.js';

/** The part of a stream the progress needs (process.stderr satisfies it). */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): boolean;
}

const BAR_WIDTH = 24;

/** The bar for done of total: `[=====>    ]`. */
export function progressBar(done: number, total: number, width = BAR_WIDTH): string {
  const filled = total === 0 ? width : Math.round((done / total) * width);
  if (filled >= width) return `[${'='.repeat(width)}]`;
  return `[${'='.repeat(filled)}>${' '.repeat(width - filled - 1)}]`;
}

/** Keeps the end of a text (the file name) within a display width, marking the cut with …. */
export function fitEnd(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = [...text];
  let out = '';
  for (let i = chars.length - 1; i >= 0; i--) {
    if (displayWidth(`…${chars[i]}${out}`) > width) break;
    out = chars[i] + out;
  }
  return `…${out}`;
}

/** Creates the progress callback (done, total, file) for a stream. */
export function progressReporter(stream: ProgressStream): (done: number, total: number, file: string) => void {
  if (!stream.isTTY) {
    return (done, total, file) => {
      if (file) stream.write(`${done + 1}/${total} ${file}\n`);
    };
  }
  return (done, total, file) => {
    const columns = Math.max(40, stream.columns ?? 80) - 1;
    const head = `${progressBar(done, total)} ${done}/${total} `;
    const name = file ? fitEnd(file, columns - displayWidth(head)) : '完成';
    // \r returns to the line start, ESC[K clears what a longer previous line left behind.
    stream.write(`\r${head}${name}\x1b[K${done === total ? '\n' : ''}`);
  };
}
