/**
 * What a text that is not a 政府信息公开工作年度报告 looks like, so that refusing it can say so
 * plainly (issue 11): an enterprise's annual report, a 政府工作报告, a department's final
 * accounts, another annual report of a government body, or a report of another country or region.
 * Only the start of the text (title, first paragraphs) is looked at: bounded work on any input.
 */

/** Kinds recognised, each by words that stand in its title or opening, with its name in Chinese. */
const KINDS: Array<{ name: string; words: RegExp }> = [
  { name: '企业（上市公司）年度报告', words: /股票代码|证券代码|证券简称|上市公司|股东大会|营业收入|归属于.{0,10}股东的净利润|公司年度报告|企业年度报告|年度报告摘要|企业信用信息公示/ },
  { name: '政府工作报告', words: /政府工作报告|各位代表[：:,，]/ },
  { name: '部门决算（预算）公开材料', words: /部门决算|单位决算|决算公开|部门预算|预算公开|决算报表|财政拨款收入支出决算/ },
  { name: '法治政府建设年度报告', words: /法治政府建设.{0,12}(?:年度)?报告/ },
  { name: '国民经济和社会发展统计公报', words: /统计公报/ },
  { name: '政府信息公开指南', words: /政府信息公开指南/ },
  { name: '其他国家或地区的信息公开报告', words: /公開資料守則|政府資訊公開法|情報公開|個人情報|Freedom of Information|FOIA|Access to Information|Right to Information/i },
  { name: '政务公开工作要点或实施方案', words: /政务公开工作要点|工作实施方案/ },
];

/** The kind of document a text seems to be, in Chinese, or null when nothing is recognised. */
export function lookAlike(text: string): string | null {
  const head = text.slice(0, 3000);
  if (/政府信息公[开開].{0,6}(?:年度报告|年度報告|年报|年報)/.test(head.replace(/\s+/g, ''))) return null;
  for (const kind of KINDS) if (kind.words.test(head)) return kind.name;
  return null;
}
