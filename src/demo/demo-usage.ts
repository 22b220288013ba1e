/**
 * Help text of `gongkai demo` (kept apart from the commands so the dispatcher loads no database code for it).
 */
export const DEMO_USAGE = `用法：gongkai demo <子命令>

  gongkai demo disclosure-year
      为演示机关（威海市环翠区行政审批服务局）演练 2025 年度主动公开（演示数据）：92 条政府信息经初审、保密审查、
      签发后在各渠道发布，含退回、个人信息处理、撤回、每月检查清理清单和 2025 年度报告的填写、审核与发布。
      新建的演示数据库在服务器首次启动时已自动演练；本命令用于此前由命令行建立的演示数据库。
      演示机关已有政府信息时不执行。`;
