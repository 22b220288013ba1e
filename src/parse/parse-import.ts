/**
 * Whether a parsed report may be stored, and the document to store. A report is stored only when
 * every figure in the file was determined: a cell that could not be read or has several possible
 * splits would otherwise be stored as a blank or a guess (cells the file does not have at all are
 * blank in the file too, and are stored as blank). The document then passes the same strict
 * validation as an imported interchange file.
 */
import { ValidationError, type ProblemDetail } from '../core/errors.js';
import { fromInterchange } from '../core/interchange/from-interchange.js';
import { toInterchange } from '../core/interchange/to-interchange.js';
import type { ParseResult } from '../core/parse/parse-types.js';
import type { ReportDocument } from '../core/report/report-model.js';
import { cellReadingDetail, describeSourcePlace } from './parse-summary.js';

/** The report of a parse result, validated for storing; ValidationError listing every blocking cell otherwise. */
export function documentForImport(result: ParseResult): ReportDocument {
  if (result.error || !result.report) {
    throw new ValidationError(`文件无法作为年度报告读取，未导入：${result.error ?? '未读出报告'}`);
  }
  const problems: ProblemDetail[] = result.cells
    .filter((c) => c.status === 'unreadable' || c.status === 'ambiguous')
    .map((c) => {
      const where = describeSourcePlace(c.where);
      const what = c.status === 'ambiguous' ? '连在一起的数字有多种拆分' : '内容无法识别为数字';
      const detail = cellReadingDetail(c);
      return {
        message: `${what}${where ? `（${where}）` : ''}${detail ? `：${detail}` : ''}`,
        place: { cell: { table: c.table, row: [...c.row], column: [...c.column] }, ...(c.where?.line !== undefined ? { line: c.where.line } : {}) },
      };
    });
  if (problems.length) {
    throw new ValidationError(
      `有 ${problems.length} 个单元格未能确定数值，未导入（以免把猜测的数字存为报告数据）；请对照原文改正后以交换格式导入`,
      undefined, problems,
    );
  }
  return fromInterchange(toInterchange(result.report), `读取的报告“${result.fileName ?? ''}”`);
}

/** The note recorded with the stored version: where the report was read from. */
export function importNote(result: ParseResult): string {
  return `读取已发布的报告文件导入${result.fileName ? `：${result.fileName}` : ''}`;
}
