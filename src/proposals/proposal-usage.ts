/**
 * Help text of `gongkai proposal` (kept apart from the commands so the dispatcher loads no database code for it).
 */
export const PROPOSAL_USAGE = `用法：gongkai proposal <子命令> [参数]

  gongkai proposal list --agency 名称或编号 [--year 年度]
      列出交办本机关的人大代表建议和政协提案（登记号、类别、编号、标题、状态、答复期限）。

  gongkai proposal register --agency 名称或编号 --kind npc|cppcc --source-no 编号 --title 标题 --proposer 代表或委员
        --received-on YYYY-MM-DD [--assigned-on YYYY-MM-DD] --lead-office 主办科室 [--co-office 会办单位 …] [--due-on YYYY-MM-DD]
      登记交办的建议提案（npc：人大代表建议；cppcc：政协提案）。答复期限缺省为交办之日起三个月，
      遇节假日顺延至下一工作日；该年度节假日安排尚未录入时期限待定，在预警中列出。

  gongkai proposal answer --agency 名称或编号 --id 编号 --answered-on YYYY-MM-DD --reply-file 答复函.txt [--late-reason 理由]
      登记答复和答复函内容（文本文件）。答复日期晚于答复期限时须写明逾期理由。

  gongkai proposal feedback --agency 名称或编号 --id 编号 --feedback satisfied|basically|unsatisfied --feedback-on YYYY-MM-DD [--note 说明]
      登记代表或委员的反馈意见（满意、基本满意、不满意）。

  gongkai proposal warnings --agency 名称或编号
      列出已逾期、即将到期（10 个工作日内）和期限待定的建议提案。

  gongkai proposal counts --agency 名称或编号 --year 年度
      年度建议提案办理数据及年度报告第六部分“建议和提案办理情况”的表述。

  办理结果的公开：在管理界面由答复内容生成主动公开信息草稿，经初审、保密审查、签发后在政府网站发布。`;
