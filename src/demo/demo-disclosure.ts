/**
 * The demo bureau's disclosure setup: a 统一社会信用代码, the default catalogue (the seed's six categories) and a
 * published 政府信息公开指南 filled from the seed report, taken through the review chain by the demo people
 * (李经办 drafts, 王科长 初审, 赵保密 保密审查, 孙局长 核审签发, 周专员 publishes) so the records look as they will.
 */
import type { Kysely } from 'kysely';
import { findUserByLogin } from '../auth/user.repository.js';
import type { Actor } from '../core/actor.js';
import type { Clock } from '../core/clock.js';
import { defaultGuide } from '../core/disclosure/guide.js';
import type { Database } from '../db/schema.js';
import { catalogueService } from '../disclosure/catalogue.service.js';
import { disclosureSettingsService } from '../disclosure/disclosure-settings.service.js';
import { guideService } from '../disclosure/guide.service.js';

/**
 * DEMO VALUE, not the bureau's real code (the seed does not state it): 11 (机构编制 · 机关) + 371002 (环翠区) +
 * an invented 主体标识码 with a valid GB 11714 check digit, and a valid GB 32100-2015 check character.
 */
export const DEMO_CREDIT_CODE = '11371002MB2836717D';

/**
 * The bureau's office as its 2019 report states it (地址：文化中路59号；邮编：264200；电话：0631—5229038；
 * 传真：0631—5235110; 环翠政务网 http://www.huancui.gov.cn). The report does not state office hours: the hours
 * here are a DEMO VALUE (the usual working hours of the district's offices), to be replaced by the real ones.
 */
const SEED_OFFICE = {
  name: '威海市环翠区行政审批服务局办公室', address: '山东省威海市环翠区文化中路59号', postcode: '264200',
  phone: '0631-5229038', fax: '0631-5235110', website: 'http://www.huancui.gov.cn', email: '',
  officeHours: '法定工作日 上午8:30—12:00，下午13:30—17:30（演示数据）',
};

async function demoActor(db: Kysely<Database>, login: string): Promise<Actor> {
  const user = await findUserByLogin(db, login);
  if (!user) throw new Error(`demo user ${login} missing`);
  return { id: user.id, name: user.name };
}

/** Sets up the demo bureau's catalogue, guide and settings (inside the demo loader's transaction). */
export async function addDemoDisclosure(db: Kysely<Database>, clock: Clock, bureau: { id: number; name: string }): Promise<void> {
  const [drafter, head, secrecy, leader, publisher] = await Promise.all(
    ['jingban', 'kezhang', 'baomi', 'lingdao', 'gongkai'].map((login) => demoActor(db, login)),
  );
  await disclosureSettingsService(db, clock).set(bureau.id, { creditCode: DEMO_CREDIT_CODE, indexTemplate: null }, publisher!);
  await catalogueService(db, clock).applyTemplate(bureau.id, 'seed', drafter!);

  const content = defaultGuide(bureau.name);
  content.office = SEED_OFFICE;
  content.proactive.channels = [
    '环翠政务网（http://www.huancui.gov.cn）“政府信息公开”专栏', '山东政务服务网威海环翠网上政务大厅', '环翠区政务服务大厅政府信息公开查阅点',
    '服务大厅信息公示栏和LED显示屏', '本局微信公众号', '办事指南和业务手册',
  ];
  const guides = guideService(db, clock);
  const saved = await guides.save(bureau.id, { baseVersion: 0, content }, drafter!);
  await guides.submit(bureau.id, saved.version, drafter!);
  await guides.decide(bureau.id, saved.version, { step: 'first-review', decision: 'pass' }, head!);
  await guides.decide(bureau.id, saved.version, {
    step: 'secrecy-review', decision: 'pass',
    form: {
      stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
      channelsFit: { portal: true, 'reading-point': true }, conclusion: '不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开。',
    },
  }, secrecy!);
  await guides.decide(bureau.id, saved.version, { step: 'sign-off', decision: 'pass' }, leader!);
  await guides.publish(bureau.id, saved.version, ['portal', 'reading-point'], publisher!);
}
