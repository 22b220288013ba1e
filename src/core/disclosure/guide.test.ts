import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ValidationError } from '../errors.js';
import { defaultGuide, feeText, GUIDE_LIMITS, validateGuide } from './guide.js';

const filled = () => {
  const guide = defaultGuide('威海市环翠区行政审批服务局');
  guide.office = { ...guide.office, address: '文化中路59号', officeHours: '工作日 8:30—12:00，13:30—17:30', phone: '0631—5229038', postcode: '264200', fax: '0631—5235110', website: 'http://www.huancui.gov.cn' };
  return guide;
};

test('the default draft names the agency and is complete except the office details', () => {
  const guide = defaultGuide('某区民政局');
  assert.match(guide.office.name, /^某区民政局办公室$/);
  assert.throws(() => validateGuide(guide), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    const fields = (e.details.problems ?? []).map((p) => p.place?.field);
    assert.deepEqual(fields, ['office.address', 'office.officeHours', 'office.phone', 'office.postcode']);
    assert.match(e.message, /请填写办公地址/);
    return true;
  });
  assert.deepEqual(validateGuide(filled()).office.postcode, '264200');
});

test('phone, postcode, email and website formats are checked, each named in Chinese', () => {
  const guide = filled();
  guide.office = { ...guide.office, phone: '5229038', postcode: '26420', email: 'gongkai@', website: 'www.huancui.gov.cn' };
  assert.throws(() => validateGuide(guide), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    const messages = (e.details.problems ?? []).map((p) => p.message);
    assert.equal(messages.length, 4);
    assert.match(messages[0]!, /联系电话格式不正确：“5229038”/);
    assert.match(messages[1]!, /邮政编码格式不正确/);
    assert.match(messages[2]!, /电子邮箱格式不正确/);
    assert.match(messages[3]!, /网址格式不正确/);
    return true;
  });
});

test('texts, office details and list lines are bounded, each named in Chinese (and a long one is not pattern-checked)', () => {
  const guide = filled();
  guide.classification = '类'.repeat(GUIDE_LIMITS.paragraph + 1);
  guide.office = { ...guide.office, email: `a@${'.'.repeat(1_000_000)}@` };
  guide.proactive = { ...guide.proactive, channels: ['门户网站', '渠'.repeat(GUIDE_LIMITS.listLine + 1)] };
  guide.onRequest = { ...guide.onRequest, channels: Array.from({ length: GUIDE_LIMITS.listLines + 1 }, (_, i) => `渠道${i}`) };
  const started = Date.now();
  assert.throws(() => validateGuide(guide), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    const problems = (e.details.problems ?? []).map((p) => [p.place?.field, p.message]);
    assert.deepEqual(problems, [
      ['classification', `信息分类与编排体系不能超过 ${GUIDE_LIMITS.paragraph} 字（现有 ${GUIDE_LIMITS.paragraph + 1} 字）`],
      ['office.email', `电子邮箱不能超过 ${GUIDE_LIMITS.officeField} 字（现有 1000003 字）`],
      ['proactive.channels', `主动公开渠道第 2 项不能超过 ${GUIDE_LIMITS.listLine} 字`],
      ['onRequest.channels', `申请的提交渠道不能超过 ${GUIDE_LIMITS.listLines} 项（现有 ${GUIDE_LIMITS.listLines + 1} 项）`],
    ]);
    return true;
  });
  assert.ok(Date.now() - started < 1000, 'the format patterns do not run on over-long text');
});

test('the fee paragraph follows the bands of 国办函〔2020〕109号', () => {
  const text = feeText();
  assert.match(text, /10件以下（含）不收费，11—30件（含）每件收费100元/);
  assert.match(text, /31件以上以10件为一档，每增加一档，收费标准提高100元/);
  assert.match(text, /1—30页（含）免费，31—100页（含）的部分每页收费10元，101—200页（含）的部分每页收费20元，201页以上的部分每页收费40元/);
});
