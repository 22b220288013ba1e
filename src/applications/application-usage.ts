/**
 * Help text of `gongkai application`, apart from the commands so the CLI can show it without loading
 * the database modules.
 */
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
      申请人类型：自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他。`;
