import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ValidationError } from '../errors.js';
import { feeByApplication, feeByVolume } from './fees.js';
import { REGULATIONS, citationText } from './legal-basis.js';
import { feeNoticeContent, letterDocNo, replyLetterContent, type LetterContent } from './letter-content.js';
import { DECISIONS, type DecisionDef } from './outcomes.js';

const base = {
  agencyName: '威海市环翠区行政审批服务局',
  caseNo: 'YSQ2025-0012',
  applicantName: '张三',
  receivedOn: '2025-09-26',
  subject: '2024年度某项目环境影响评价批复文件',
  decidedOn: '2025-10-20',
};

const DETAILS: Record<NonNullable<DecisionDef['needs']>, string> = {
  where: '已在本机关门户网站“政府信息公开”专栏公开，网址为http://www.example.gov.cn/gk/2025/12.html',
  reason: '该信息含有第三方企业的商业秘密，第三方不同意公开',
  agency: '威海市生态环境局，联系电话：0631-5200001',
};

const allText = (c: LetterContent) => [c.title, c.docNo, c.salutation, ...c.paragraphs, c.remedies, c.closing, c.signature, c.date].join('\n');

describe('reply letters (告知书), one template per decision', () => {
  for (const d of DECISIONS) {
    it(`${d.name}: names its basis, both remedies, the agency and the date`, () => {
      const letter = replyLetterContent({ ...base, decision: d.key, details: d.needs ? DETAILS[d.needs] : undefined });
      const text = allText(letter);
      // 条例 Art. 36–39 etc.: the provisions of the controlled list, or the Regulations as a whole when none applies.
      const cited = citationText(d.basis);
      assert.ok(text.includes(cited || REGULATIONS), `${d.key}: ${cited}`);
      // 条例 Art. 51: reconsideration within 60 days, litigation within 6 months.
      assert.match(letter.remedies, /60日内向.+申请行政复议/);
      assert.match(letter.remedies, /6个月内向.+人民法院提起行政诉讼/);
      assert.equal(letter.signature, base.agencyName);
      assert.equal(letter.date, '2025年10月20日');
      assert.equal(letter.issuedOn, '2025-10-20');
      assert.equal(letter.salutation, '张三：');
      assert.equal(letter.docNo, '依申请公开〔2025〕12号');
      assert.ok(letter.paragraphs[0]!.startsWith('本机关于2025年9月26日收到您提出的政府信息公开申请（申请编号：YSQ2025-0012）'));
      if (d.needs) assert.ok(text.includes(DETAILS[d.needs]), `${d.key} names the particular it needs`);
      assert.ok(!/undefined|null|\$\{/.test(text), text);
    });
  }

  it('titles the letter by the kind of answer', () => {
    const title = (key: DecisionDef['key']) => replyLetterContent({ ...base, decision: key, details: '详见附件' }).title;
    assert.equal(title('disclosed'), '政府信息公开申请答复告知书');
    assert.equal(title('partially-disclosed'), '政府信息公开申请答复告知书');
    assert.equal(title('withheld-state-secret'), '政府信息不予公开告知书');
    assert.equal(title('does-not-exist'), '政府信息不存在告知书');
    assert.equal(title('not-this-agency'), '非本机关政府信息告知书');
    assert.equal(title('repeated-application'), '政府信息公开申请不予处理告知书');
    assert.equal(title('correction-not-made'), '政府信息公开申请视为放弃告知书');
    assert.equal(title('withdrawn'), '政府信息公开申请终止处理告知书');
  });

  it('writes the decision and its basis as one sentence', () => {
    const letter = replyLetterContent({ ...base, decision: 'withheld-state-secret', details: '该信息已依法确定为秘密级国家秘密' });
    assert.equal(letter.paragraphs[1],
      '经审查，您申请公开的政府信息依法确定为国家秘密，决定不予公开。依据《中华人民共和国政府信息公开条例》第十四条、第三十六条第（三）项的规定，现予告知。');
    assert.equal(letter.paragraphs[2], '理由：该信息已依法确定为秘密级国家秘密。');
  });

  it('names the reconsideration body and the court when given', () => {
    const letter = replyLetterContent({
      ...base, decision: 'does-not-exist', reconsiderationBody: '威海市环翠区人民政府', court: '威海市环翠区人民法院',
    });
    assert.equal(letter.remedies,
      '如对本答复不服，可以在收到本告知书之日起60日内向威海市环翠区人民政府申请行政复议，或者在收到本告知书之日起6个月内向威海市环翠区人民法院提起行政诉讼。');
  });

  it('says so when the agency responsible cannot be determined (条例 Art. 36 (5))', () => {
    const letter = replyLetterContent({ ...base, decision: 'not-this-agency' });
    assert.equal(letter.paragraphs.at(-1), '本机关无法确定负责公开该政府信息的行政机关。');
  });

  it('adds a paid fee and puts the contact line in the 附注', () => {
    const letter = replyLetterContent({ ...base, decision: 'disclosed', details: '随本告知书提供', feeAmount: 400, contact: '联系人：王五，联系电话：0631-5200000' });
    assert.ok(letter.paragraphs.includes('本申请已依照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）收取信息处理费400元。'));
    assert.equal(letter.note, '（联系人：王五，联系电话：0631-5200000）');
  });

  it('refuses a reply dated before receipt, a missing particular, an unknown decision, a bad date', () => {
    const bad: Array<[Partial<Parameters<typeof replyLetterContent>[0]>, string]> = [
      [{ decision: 'does-not-exist', decidedOn: '2025-09-25' }, 'decidedOn'],
      [{ decision: 'withheld-third-party' }, 'details'],
      [{ decision: 'already-public', details: '  ' }, 'details'],
      [{ decision: 'no-such-decision' as never }, 'decision'],
      [{ decision: 'does-not-exist', receivedOn: '2025-02-30' }, 'receivedOn'],
      [{ decision: 'does-not-exist', applicantName: '' }, 'applicantName'],
      [{ decision: 'disclosed', details: '随函提供', feeAmount: 0 }, 'feeAmount'],
    ];
    for (const [change, field] of bad) {
      assert.throws(() => replyLetterContent({ ...base, decision: 'does-not-exist', ...change }),
        (e: unknown) => e instanceof ValidationError && e.details.place?.field === field, field);
    }
  });

  it('numbers the letter from the case number and the year of the letter', () => {
    assert.equal(letterDocNo('YSQ2025-0012', '2026-01-05'), '依申请公开〔2026〕12号');
    assert.equal(letterDocNo('甲-乙', '2025-03-01', '环审公开'), '环审公开〔2025〕甲-乙号');
  });
});

describe('fee notice (收费通知)', () => {
  const notice = {
    agencyName: base.agencyName, caseNo: 'YSQ2025-0045', applicantName: '李四', receivedOn: '2025-09-26',
    noticeDate: '2025-10-09', payByDate: '2025-11-06',
  };

  it('shows 45 applications in a month as 5500元 with one line per band', () => {
    const letter = feeNoticeContent({ ...notice, fee: feeByApplication(0, 45) });
    assert.equal(letter.title, '政府信息公开信息处理费缴费通知书');
    assert.ok(letter.paragraphs.some((p) => p.includes('应缴纳信息处理费5500元') && p.includes('第四十二条') && p.includes('第四条')));
    assert.deepEqual(letter.paragraphs.filter((p) => p.startsWith('（')), [
      '（一）第1—10件：10件免费；',
      '（二）第11—30件：20件×100元/件＝2000元；',
      '（三）第31—40件：10件×200元/件＝2000元；',
      '（四）第41—45件：5件×300元/件＝1500元。',
    ]);
    assert.ok(letter.paragraphs.includes('合计：5500元。'));
    const pay = letter.paragraphs.find((p) => p.startsWith('请您'))!;
    assert.match(pay, /次日起20个工作日内（即2025年11月6日前）缴纳/);
    assert.match(pay, /视为放弃申请/);
    assert.match(letter.remedies, /60日内.+申请行政复议.+6个月内.+提起行政诉讼/);
    assert.equal(letter.date, '2025年10月9日');
    assert.equal(letter.closing, '特此通知。');
  });

  it('shows 250 pages as 4700元 by volume, and the clock stop when the setting says so', () => {
    const letter = feeNoticeContent({ ...notice, fee: feeByVolume(250), clockStopped: true, payment: '在本机关政务服务大厅缴纳' });
    const text = letter.paragraphs.join('\n');
    assert.match(text, /共250页.+按量计收.+应缴纳信息处理费4700元/);
    assert.match(text, /第201—250页：50页×40元\/页＝2000元。/);
    assert.match(text, /缴纳方式：在本机关政务服务大厅缴纳。/);
    assert.match(text, /不计入答复期限/);
    assert.doesNotMatch(feeNoticeContent({ ...notice, fee: feeByVolume(250) }).paragraphs.join(''), /不计入答复期限/);
  });

  it('names a single application by its place in the month', () => {
    const letter = feeNoticeContent({ ...notice, fee: feeByApplication(40) });
    assert.match(letter.paragraphs[1]!, /本件申请为您本月提出的第41件，按超额累进方式计算，应缴纳信息处理费300元/);
  });

  it('refuses a free quote, a payment date not after the notice, a notice before receipt', () => {
    const bad: Array<[Partial<Parameters<typeof feeNoticeContent>[0]>, string]> = [
      [{ fee: feeByApplication(0, 5) }, 'fee'],
      [{ payByDate: '2025-10-09' }, 'payByDate'],
      [{ noticeDate: '2025-09-25', payByDate: '2025-10-30' }, 'noticeDate'],
    ];
    for (const [change, field] of bad) {
      assert.throws(() => feeNoticeContent({ ...notice, fee: feeByApplication(0, 45), ...change }),
        (e: unknown) => e instanceof ValidationError && e.details.place?.field === field, field);
    }
  });
});
