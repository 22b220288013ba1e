/**
 * Help text of `gongkai matter` (the matter list in and out as Excel, the hall's figures of a year), apart from the
 * commands so the CLI can show it without loading the database modules.
 */
import { MATTER_COLUMNS } from './matter-columns.js';

export const MATTER_USAGE = `用法：gongkai matter <子命令> [参数]

  gongkai matter import FILE.xlsx --agency 名称|编号 [--skip-refused] [--dry-run]
      导入事项清单（办事指南）。第一行为表头：${MATTER_COLUMNS.map((c) => (c.required ? `${c.header}（必填）` : c.header)).join('、')}。
      主题分类写作“自然人-生育收养”或“legal:005”，多个用顿号分隔；申请材料每行一项：名称｜原件｜1｜纸质；办理方式各列填“是”或“否”。
      先检查每一行；默认有任何一行被拒绝即不导入，并列出全部原因；--skip-refused 导入无误的行；--dry-run 只检查不保存。
      新的事项编码新增事项，已有的生成新版本；导入的均为草稿，须经审核后发布。

  gongkai matter export --agency 名称|编号 --out 文件.xlsx
      导出事项清单（每个事项的当前版本，表头与导入相同，可再导入）。

  gongkai matter figures --agency 名称|编号 --year YYYY
      显示某年度的事项占比（截至年末已发布的事项：最多跑一次、可网办、全程网办）和各服务大厅的窗口、办件量、快递送达证照数。`;
