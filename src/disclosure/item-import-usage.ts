/**
 * Help text of `gongkai item` (import and export of items), apart from the commands so the CLI can show it without
 * loading the database modules.
 */
import { DEFAULT_INDEX_TEMPLATE } from '../core/disclosure/index-number.js';
import { ITEM_COLUMNS } from './item-import-columns.js';

export const ITEM_USAGE = `用法：gongkai item <子命令> [参数]

  gongkai item import FILE --agency 名称|编号 [--skip-refused] [--dry-run] [--report 报告.xlsx]
      导入平台启用前已在旧网站发布的政府信息（.xlsx，或 .csv：UTF-8、带 BOM 的 UTF-8、GB18030/GBK 均可）。
      第一行为表头：${ITEM_COLUMNS.map((c) => (c.required ? `${c.header}（必填）` : c.header)).join('、')}。
      目录分类写完整路径，如“政策法规/规范性文件”；日期可写 2019-03-05、2019/3/5 或 2019年3月5日；
      公开属性留空为主动公开，有效性留空为有效；文件类型为 规章、行政规范性文件 或留空；正文可为文本或 HTML（不安全的内容会被删除）。
      先检查每一行；默认有任何一行被拒绝即不导入，并列出全部原因（第几行、哪一列）；
      --skip-refused 导入无误的行；--dry-run 只检查不保存；--report 将被拒绝的原因和提示写入 Excel 文件。
      导入的信息记为已发布（平台启用前已发布），在政府网站上于原发布日期发布；未填索引号的按本机关模板生成
      （默认 ${DEFAULT_INDEX_TEMPLATE}，即 统一社会信用代码/发布年度-5位序号，接在已用的序号之后）。

  gongkai item export --agency 名称|编号 --out 文件.xlsx [--all] [--without-index-no]
      导出政府信息（表头与导入相同，可再导入）。默认只含已发布的信息；--all 含全部状态（另加“状态”列）；
      --without-index-no 不填索引号（导入另一机关时由其重新编号）。

  gongkai item export-catalogue --agency 名称|编号 --out 文件.xlsx
      导出主动公开基本目录：分类路径、名称、层级、对应的条例第二十条事项、排序、状态。

  gongkai item set-code --agency 名称|编号 [--code 统一社会信用代码] [--template 模板 | --default-template]
      设置机关的统一社会信用代码（18 位，核对校验位）和索引号模板。模板中可用 {code}（统一社会信用代码）、
      {year}（年度）、{seq:5}（序号，5 位），须含年度和序号，如 ${DEFAULT_INDEX_TEMPLATE}。`;
