/**
 * Help texts of the gongkai command, one per command group.
 */
import { ROLE_KEYS, ROLES } from '../core/access/roles.js';

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
  report fill-from-data    以数据填写年度报告的表二、表三、表四
  report draft-text        按数据起草年度报告第一、六部分的正文
  report publish           在政府网站发布已经审核签发的年度报告
  report correct           更正已发布的年度报告（写明更正说明，生成新的草稿版本，重新审核后发布）
  proposal list|register   列出、登记交办的人大代表建议和政协提案
  proposal answer|feedback 登记答复（逾期须写明理由）和代表委员的反馈意见
  proposal warnings|counts 答复期限预警；年度办理数据（年度报告第六部分）
  art20 set|list           录入、查看表二第二十条其他项目的数值及来源
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
  item import FILE         导入平台启用前已发布的政府信息（Excel 或 CSV），逐行检查，全部导入或不导入
  item export              导出政府信息（Excel，表头与导入相同）
  item export-catalogue    导出主动公开基本目录（Excel）
  item set-code            设置机关的统一社会信用代码和索引号模板
  matter import FILE       导入事项清单（办事指南，Excel），逐行检查，导入为草稿
  matter export            导出事项清单（Excel，表头与导入相同）
  matter figures           显示某年度的事项占比和政务服务大厅数据
  catalogue show           显示机关的主动公开基本目录（编辑中的或已发布的）
  catalogue apply-template 套用目录模板（本局默认目录或基层政务公开标准目录）
  demo disclosure-year     为演示机关演练 2025 年度主动公开（演示数据，服务器首次启动时已自动演练）
  demo items               为演示机关生成并发布演示政府信息（经完整审核流程）
  search rebuild           重建门户网站的全文检索索引
  user add                 添加用户（新安装时用于创建第一个安全管理员）
  user list                列出用户及其角色
  user grant|revoke LOGIN  授予或撤销角色
  user disable|enable LOGIN  停用或启用用户
  user reset-password LOGIN  重置密码（下次登录时须修改）

查看某组命令的说明：gongkai report --help、gongkai agency --help、gongkai calendar --help、gongkai audit --help、gongkai application --help、gongkai item --help、gongkai matter --help、gongkai catalogue --help、gongkai art20 --help、gongkai demo --help、gongkai proposal --help、gongkai search --help、gongkai user --help

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
      只计截止日期（缺省为当年 12 月 31 日）及以前发生的事项；该年度尚无报告时新建草稿。已发布的报告不可修改。

  gongkai report fill-from-data --agency 名称或编号 --year 年度 [--as-of YYYY-MM-DD]
      以数据填写表二、表三、表四并保存为一个新版本（其余内容不变），列出表二各格的数值及来源：
      表二第二十条第（一）项由已发布或导入的规章、行政规范性文件统计（制发、废止、现行有效），
      其他项目取截止日期前最后录入的数值（gongkai art20 set），表三、表四同 fill-from-cases。
      截止日期缺省为今天；该年度尚无报告时新建草稿。已发布或审核中的报告不可修改。

  gongkai report draft-text --agency 名称或编号 --year 年度 [--as-of YYYY-MM-DD]
      按平台数据起草第一部分“总体情况”和第六部分“其他需要报告的事项”（替换这两部分，其余内容和表格不变），
      保存为一个新版本，列出写入的每个数字及其来源；截止日期缺省为今天（至多为当年 12 月 31 日）。

  gongkai report publish --agency 名称或编号 --year 年度
      在政府网站发布年度报告。年度报告须先经科室负责人初审、办公室保密审查和领导核审签发
      （条例第五十条；在管理界面办理，命令行没有登录的审核人，不能审核），
      只有已签发且无强制性校验失败的报告可以发布，否则报错（退出码 2）。

  gongkai report correct --agency 名称或编号 --year 年度 --reason 更正说明
      更正已发布的年度报告：以已发布版本为基础生成新的草稿版本，修改（如 report import）、校验后，
      须在管理界面重新经初审、保密审查和签发，再以 report publish 发布为现行版本；
      门户网站注明更正日期和更正说明，原版本仍可下载。更正期间门户网站继续显示原发布版本。`;

export const AGENCY_USAGE = `用法：gongkai agency <子命令> [参数]

  gongkai agency list
      列出机关（按隶属关系缩进）。

  gongkai agency add NAME --kind government|department|unit [--parent 名称或编号]
      添加机关。government：人民政府；department：政府工作部门；unit：下属单位。`;

export const AUDIT_USAGE = `用法：gongkai audit DIR|FILE… [--out 文件.xlsx|.csv|.html]

  批量读取并核查已发布的年度报告（Word、PDF、网页、文本）。目录中的文件逐级读取，隐藏文件不读取。
  ZIP 压缩包逐个展开（内含的压缩包再展开一层；每个压缩包最多读取 2000 个文件，GBK 文件名可识别），
  各文件在后台线程中并行读取，单个文件读取超时或内存超限时注明原因并继续。
  标准错误输出显示进度；结束时列出每份报告：机关、年度、格式、错误、警告、空白单元格、
  未能读取的单元格、最低置信度，以及无法读取的文件及原因。

  --out 文件.xlsx   Excel 工作簿：“报告”（每份报告一行）、“问题”（每项未通过的检查和每个未能读取的
                    单元格，含规则、表达式、数值、单元格标签及在原文件中的位置）、“说明”
  --out 文件.csv    每份报告一行（UTF-8，带 BOM，Excel 可直接打开），问题明细另存为“文件-问题.csv”
  --out 文件.html   可打印的 HTML 页面，含报告一览和问题明细

  个别文件无法读取时在结果中注明原因，其余文件照常核查；退出码为 0。`;

export const SEARCH_USAGE = `用法：gongkai search <子命令>

  门户网站的全文检索（政府信息、附件、公开指南、公开目录、年度报告）。文件发布或撤回时，
  索引在同一事务中随之更新；本命令用于迁移、升级分词词典或修复后从已公开的文件重建全部索引。

  gongkai search rebuild
      清空索引并从各功能登记的已公开文件重新建立（一个事务：完成前门户网站仍使用原索引）。
`;

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


export const USER_USAGE = `用法：gongkai user <子命令> [参数]

  用户和角色（与管理界面中安全管理员的操作相同，记入安全审计日志，操作人为本机操作员）。
  新安装尚无用户时，先用 user add 创建第一个安全管理员，再由其在管理界面添加其他用户。
  角色可写英文键或中文名称：${ROLE_KEYS.map((key) => `${key}（${ROLES[key].name}）`).join('、')}。
  三员分立：系统管理员、安全管理员、审计管理员不得兼任其他角色。

  gongkai user add --login 登录名 --name 姓名 --agency 机关名称或编号 --role 角色 [--subtree]
                   [--office 科室] [--phone 电话] [--password-stdin [--no-change-required]]
      添加用户并在所在机关授予角色（--subtree：含下级机关；--role 可重复）。
      未指定 --password-stdin 时由系统生成初始密码，只显示这一次；首次登录时须修改。
      --password-stdin 从标准输入的第一行读取初始密码（不要写在命令行上），首次登录时同样须修改，
      除非另加 --no-change-required。
      例：gongkai user add --login admin --name 张三 --agency 环翠区人民政府 --role security-admin --subtree

  gongkai user list
      列出用户：所在机关、状态（启用、停用、锁定）、是否须修改密码、角色。

  gongkai user grant LOGIN --role 角色 --agency 机关名称或编号 [--subtree]
      授予角色；该用户的会话随即结束，重新登录后生效。

  gongkai user revoke LOGIN --role 角色 --agency 机关名称或编号
      撤销该用户在该机关的该角色（授权记录保留）；该用户的会话随即结束。

  gongkai user disable LOGIN
  gongkai user enable LOGIN
      停用（会话立即结束，不能再登录）或重新启用用户。用户不会被删除。

  gongkai user reset-password LOGIN [--password-stdin]
      重置密码并解除锁定；未指定 --password-stdin 时生成新的初始密码并只显示这一次。下次登录时须修改。

  退出码：0 成功；2 用法错误、找不到用户或机关、不符合规则（如密码强度、三员分立）。`;


export const ART20_USAGE = `用法：gongkai art20 <子命令> [参数]

  表二中不由数据统计的项目（第二十条第（五）项行政许可、第（六）项行政处罚和行政强制、第（八）项行政事业性收费等）
  按年度录入数值并写明来源。每次录入保存为新记录（不修改、不删除），报告取截止日期前最后录入的数值。
  第二十条第（一）项（规章、行政规范性文件）由数据统计，不能录入。

  gongkai art20 set --agency 名称或编号 --year 年度 --cell 单元格键 --value 数值 --source 来源
      录入一个数值。单元格键如 二:licensing:decisions（行政许可“本年处理决定数量”）、
      二:fees:fee-amount（行政事业性收费“本年收费金额（单位：万元）”，可有小数）。
      件数须为非负整数（2019 年格式“本年增/减”可为负数）。

  gongkai art20 list --agency 名称或编号 --year 年度 [--as-of YYYY-MM-DD] [--all] [--json]
      列出各单元格截至该日最后录入的数值；--all 列出全部录入记录。`;
