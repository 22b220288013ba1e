/**
 * Help texts of the gongkai command, one per command group.
 */

export const MAIN_USAGE = `用法：gongkai <命令> [参数]

政府信息公开工作年度报告：检查、导入、导出、生成 Word/PDF/HTML。

命令：
  report check FILE        检查年度报告交换格式文件的勾稽关系
  report render FILE       将年度报告生成为 HTML、Word（docx）、PDF 或 JSON
  report import FILE       将年度报告导入数据库
  report export            从数据库导出年度报告（交换格式 JSON）
  report list              列出数据库中的年度报告
  agency list              列出机关（按隶属关系缩进）
  agency add NAME          添加机关

查看某组命令的说明：gongkai report --help、gongkai agency --help

退出码：0 成功；1 报告存在错误（仅 report check）；2 用法、文件或数据错误；3 内部错误。
数据库：与服务端相同（环境变量 DATABASE_URL 或 GONGKAI_DATA_DIR）。`;

export const REPORT_USAGE = `用法：gongkai report <子命令> [参数]

  gongkai report check FILE [--json] [--previous FILE]
      检查报告。未指定 --previous 时，如数据库中有该机关上一年度的报告，则用于跨年度核对。
      存在错误时退出码为 1。--json 输出完整的检查结果（JSON）。

  gongkai report render FILE --to html|docx|pdf|json [-o OUT]
      生成文件；未指定 -o 时写在 FILE 旁，扩展名为所选格式。

  gongkai report import FILE [--agency 名称或编号]
      导入数据库；未指定 --agency 时按文件中的机关名称匹配。已有同年度未发布的报告则保存为新版本。

  gongkai report export --agency 名称或编号 --year 年度 [--version N] [-o FILE]
      导出交换格式 JSON；未指定 -o 时输出到标准输出。

  gongkai report list [--agency 名称或编号] [--year 年度]
      列出报告。`;

export const AGENCY_USAGE = `用法：gongkai agency <子命令> [参数]

  gongkai agency list
      列出机关（按隶属关系缩进）。

  gongkai agency add NAME --kind government|department|unit [--parent 名称或编号]
      添加机关。government：人民政府；department：政府工作部门；unit：下属单位。`;
