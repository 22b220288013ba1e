/**
 * Help text of `gongkai demo` (kept apart from the commands so the dispatcher loads no database code for it).
 */
export const DEMO_USAGE = `用法：gongkai demo <子命令>

  gongkai demo disclosure-year
      为演示机关（威海市环翠区行政审批服务局）演练 2025 年度主动公开（演示数据）：93 条政府信息经初审、保密审查、
      签发后在各渠道发布，含退回、个人信息处理、撤回、每月检查清理清单、一件政协提案的答复与办理结果公开，
      以及 2025 年度报告的填写、审核与发布。
      新建的演示数据库在服务器首次启动时已自动演练；本命令用于此前由命令行建立的演示数据库。
      演示机关已有政府信息时不执行。

  gongkai demo items [--count 300] [--year 2024]
      为演示机关生成 N 条演示政府信息（默认 300 条，最多 2000 条；内容系虚构，正文注明“演示数据”），
      逐条经起草、初审、保密审查、签发后发布到政府网站，详见 gongkai demo items --help。`;

/** Help text of `gongkai demo items`. */
export const DEMO_ITEMS_USAGE = `用法：gongkai demo items [--count N] [--year YYYY]

  gongkai demo items [--count 300] [--year 2024]
      为演示机关（威海市环翠区行政审批服务局）生成 N 条演示政府信息（默认 300 条，最多 2000 条；内容系虚构，
      正文注明“演示数据”）：通知、公告、工作动态、办理结果公示、政策解读、办事指南和部分行政规范性文件，
      带文号和成文日期，逐条由演示用户经起草、初审、保密审查、签发后发布到政府网站（默认 2024 年内的工作日）。
      同一参数每次生成相同内容；所有信息在一个事务中写入，失败时不留下任何一条。`;

