/**
 * Help texts of the gongkai command, one per command group.
 */

export const MAIN_USAGE = `用法：gongkai <命令> [参数]

政府信息公开：年度报告的检查、导入、导出、生成 Word/PDF/HTML，已发布报告的读取与核查，依申请公开的办理期限。

命令：
  report check FILE        检查年度报告交换格式文件的勾稽关系
  report parse FILE        读取已发布的年度报告（Word、PDF、网页、文本），检查并可导入
  report render FILE       将年度报告生成为 HTML、Word（docx）、PDF 或 JSON
  report import FILE       将年度报告导入数据库
  report export            从数据库导出年度报告（交换格式 JSON）
  report list              列出数据库中的年度报告
  report fill-from-cases   以依申请公开办理数据填写年度报告的表三、表四
  agency list              列出机关（按隶属关系缩进）
  agency add NAME          添加机关
  calendar deadline        按工作日计算期限（不计起算当日），可列出跳过的日期及原因
  calendar show YYYY       查看某年度的放假和调休上班日期
  calendar set-year YYYY   录入国务院办公厅公布的某年度节假日安排
  audit DIR|FILE…          批量读取并核查已发布的年度报告，输出 Excel、CSV 或 HTML
  application list         列出政府信息公开申请（申请人信息已脱敏）
  application show ID      查看一件申请的状态、答复期限及其计算过程
  application receive      登记收到的政府信息公开申请
  application tables       按办理数据统计年度报告表三、表四

查看某组命令的说明：gongkai report --help、gongkai agency --help、gongkai calendar --help、gongkai audit --help、gongkai application --help

退出码：0 成功；1 报告存在错误（仅 report check、report parse）；2 用法、文件或数据错误；3 内部错误。
数据库：与服务端相同（环境变量 DATABASE_URL 或 GONGKAI_DATA_DIR；申请人个人信息的加密密钥 GONGKAI_PII_KEY，SQLite 未设置时为数据目录中的 pii.key）。`;

export const REPORT_USAGE = `用法：gongkai report <子命令> [参数]

  gongkai report check FILE [--json] [--previous FILE]
      检查报告。未指定 --previous 时，如数据库中有该机关上一年度的报告，则用于跨年度核对。
      存在错误时退出码为 1。--json 输出完整的检查结果（JSON）。

  gongkai report parse FILE [--json] [--import [--agency 名称或编号]]
      读取已发布的年度报告：Word（.docx）、PDF（须有文字层）、网页（HTML）或文本，文件不超过 50 MB。
      输出文件类型、报告格式及判断依据、机关、年度、成文日期、各统计表的读取置信度、
      未能读取的单元格及其位置（连在一起的数字列出各种可能的拆分），以及勾稽关系检查结果。
      --json 输出 { report（交换格式）, checks, diagnostics（cells、tables、narrative、notes） }。
      --import 将读取的报告导入数据库（一个事务；有未能确定数值的单元格时不导入）；
      未指定 --agency 时按报告中的机关名称匹配。
      存在错误时退出码为 1（导入时亦同，报告以草稿保存）；文件无法作为年度报告读取时为 2。

  gongkai report render FILE --to html|docx|pdf|json [-o OUT]
      生成文件；未指定 -o 时写在 FILE 旁，扩展名为所选格式。

  gongkai report import FILE [--agency 名称或编号]
      导入数据库；未指定 --agency 时按文件中的机关名称匹配。已有同年度未发布的报告则保存为新版本。

  gongkai report export --agency 名称或编号 --year 年度 [--version N] [-o FILE]
      导出交换格式 JSON；未指定 -o 时输出到标准输出。

  gongkai report list [--agency 名称或编号] [--year 年度]
      列出报告。

  gongkai report fill-from-cases --agency 名称或编号 --year 年度 [--as-of YYYY-MM-DD]
      以依申请公开办理数据统计表三、表四，替换该机关该年度报告的表三、表四并保存为新版本（其余内容不变）；
      只计截止日期（缺省为当年 12 月 31 日）及以前发生的事项；该年度尚无报告时新建草稿。已发布的报告不可修改。`;

export const AGENCY_USAGE = `用法：gongkai agency <子命令> [参数]

  gongkai agency list
      列出机关（按隶属关系缩进）。

  gongkai agency add NAME --kind government|department|unit [--parent 名称或编号]
      添加机关。government：人民政府；department：政府工作部门；unit：下属单位。`;

export const AUDIT_USAGE = `用法：gongkai audit DIR|FILE… [--out 文件.xlsx|.csv|.html]

  批量读取并核查已发布的年度报告（Word、PDF、网页、文本）。目录中的文件逐级读取，隐藏文件不读取。
  标准错误输出显示进度；结束时列出每份报告：机关、年度、格式、错误、警告、空白单元格、
  未能读取的单元格、最低置信度，以及无法读取的文件及原因。

  --out 文件.xlsx   Excel 工作簿：“报告”（每份报告一行）、“问题”（每项未通过的检查和每个未能读取的
                    单元格，含规则、表达式、数值、单元格标签及在原文件中的位置）、“说明”
  --out 文件.csv    每份报告一行（UTF-8，带 BOM，Excel 可直接打开），问题明细另存为“文件-问题.csv”
  --out 文件.html   可打印的 HTML 页面，含报告一览和问题明细

  个别文件无法读取时在结果中注明原因，其余文件照常核查；退出码为 0。`;

export const CALENDAR_USAGE = `用法：gongkai calendar <子命令> [参数]

  工作日：星期一至星期五，但国务院办公厅通知安排放假的日期除外；另加通知安排的周末调休上班日。
  日历保存在数据库中（首次使用时载入 2019 年至 2026 年的安排）；超出已录入年度的日期一律报错，
  不按“仅周末休息”推算。

  gongkai calendar deadline --from YYYY-MM-DD --working-days N [--explain]
      输出自起算日期（如收到申请之日）起第 N 个工作日的日期，如“2025-10-13（星期一）”。
      起算当日不计入，自次日起计算（《民法典》第二百零一条；《政府信息公开条例》第三十三条）。
      --explain 逐日列出计入或跳过的日期及原因（周六、周日、某节日假期、调休上班、工作日）。

  gongkai calendar show [YYYY]
      列出该年度节假日安排中的放假和调休上班日期；不指定年度时显示已录入的年度范围。

  gongkai calendar set-year YYYY --file 文件.json [--source 通知文号]
      录入或更正该年度的节假日安排，替换该年度原有的安排，并记录变更（操作人、时间、原安排、新安排）。
      年度须与已录入的年度相连。文件格式：
        { "source": "国办发明电〔2025〕7号",
          "days": [ { "date": "2026-02-15", "kind": "off", "name": "春节" },
                    { "date": "2026-02-14", "kind": "work", "name": "春节调休上班" }, … ] }
      kind：off 放假，work 调休上班（只能是星期六或星期日）；须列出通知中的全部放假日期
      （含其间的周末）和调休上班日期。元旦假期在上一年 12 月的日期（如 2018-12-29）属于次年的安排。`;
