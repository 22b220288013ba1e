/**
 * Help text of `gongkai application`, apart from the commands so the CLI can show it without loading
 * the database modules.
 */
import { EVENT_NAMES } from '../core/applications/case-events.js';
import { CHANNEL_NAMES } from '../core/applications/receipt-date.js';

export const APPLICATION_USAGE = `用法：gongkai application <子命令> [参数]

  gongkai application list [--agency 名称|编号] [--open] [--state 状态]
      列出政府信息公开申请（申请人信息已脱敏），按收到申请日期倒序。

  gongkai application show ID
      显示一件申请：状态、答复期限及其计算过程、办理记录。

  gongkai application receive --agency 名称|编号 --channel 渠道 --date YYYY-MM-DD --type 申请人类型
        --name 姓名或名称 --id-number 号码 [--id-type resident-id|uscc|other] [--phone 电话] [--address 地址]
        [--email 邮箱] --subject 所需信息描述 --form 获取方式
      登记收到的申请，输出登记号、查询码和答复期限。--date 为确定收到申请之日的依据日期
      （条例第三十一条：当面提交之日、邮寄签收之日、与申请人确认之日或双方确认之日）。
      渠道：${Object.entries(CHANNEL_NAMES).map(([k, v]) => `${k}（${v}）`).join('、')}。
      申请人类型：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他。

  gongkai application event ID --type 事件类型 --date YYYY-MM-DD [该类型的选项]
      登记一项办理事件，按全部事件重新计算并输出状态和答复期限；不符合条例的事件不予登记。
      事件类型：${Object.entries(EVENT_NAMES).filter(([k]) => k !== 'received').map(([k, v]) => `${k}（${v}）`).join('、')}。
      各类型的选项：
        correction-requested   --correction-deadline YYYY-MM-DD（补正期限）
        correction-received    [--late-reason 逾期补正的正当理由]
        consultation-started   --party 被征求意见的第三方或机关
        consultation-ended     [--party 被征求意见方]
        extended               --days 工作日数 --approver 批准延期的负责人 --reason 延期理由
        later-date-set         --reply-by YYYY-MM-DD（延迟答复期限）--reason 理由
        fee-notice-sent        --fee-method by-application [--count 件数] | --fee-method by-volume --pages 页数
                               [--received-on YYYY-MM-DD（收费通知送达日期）]
        decided                --decision 处理决定的键 [--particulars 告知书须载明的获取途径、负责机关或理由]
        fee-paid、withdrawn    无其他选项

  gongkai application decisions
      列出处理决定的键、名称及其对应的表三结果行。

  gongkai application remedy ID --kind reconsideration|lawsuit --filed-on YYYY-MM-DD [--after-reconsideration]
        [--result upheld|corrected|other|pending] [--decided-on YYYY-MM-DD]
      登记由该申请引起的行政复议或行政诉讼（表四）；--after-reconsideration 表示复议后起诉。
      结果：upheld（维持）、corrected（纠正）、other（其他）、pending（尚未审结，缺省）。

  gongkai application remedy-result REMEDY_ID --result upheld|corrected|other|pending [--decided-on YYYY-MM-DD]
      登记行政复议或行政诉讼的结果；已审结的须填写审结日期。

  gongkai application assign ID [--office 承办科室] [--handler 承办人]
      分配承办科室、承办人（用于按科室、按人员的期限预警）。

  gongkai application warnings --agency 名称|编号 [--today YYYY-MM-DD]
      按承办科室汇总、按承办人列出已逾期和 3 个工作日内到期的未办结申请
      （未指定承办人的，列在登记人名下）。

  gongkai application tables --agency 名称|编号 --year YYYY [--as-of YYYY-MM-DD] [--format 2019|2021] [--json]
      按办理数据统计年度报告表三（收到和处理政府信息公开申请情况）和表四（行政复议、行政诉讼情况）。
      只计截止日期（--as-of，缺省为当年 12 月 31 日）及以前发生的事项；--format 缺省为该年度适用的格式。
      --json 输出与接口 GET /api/agencies/:id/application-tables 相同的 JSON。

  gongkai application cases --agency 名称|编号 --year YYYY --cell 单元格键 [--as-of YYYY-MM-DD] [--format 2019|2021] [--json]
      列出计入表三或表四某一单元格的申请登记号（不含申请人信息），条目数等于单元格数值。
      单元格键如 三:r1:natural（表三“（一）予以公开”行“自然人”列）、三:received:total、四:all:reconsideration.total。

  event、remedy、remedy-result 可加 --override-approver 批准人 --override-reason 理由：
      变更将改变已发布年度报告表三、表四数据时，须经批准并写明理由（统计期间已锁定）。`;
