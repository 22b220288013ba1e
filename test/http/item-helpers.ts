/**
 * What the item tests share: an app with the working-day calendar, the bureau's 统一社会信用代码, one user per
 * role of the chain (distinct people), and short calls of the item API.
 */
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { calendarService } from '../../src/calendar/calendar.service.js';
import { operator } from '../../src/core/actor.js';
import type { Role } from '../../src/core/access/roles.js';
import { createTestUser, signIn, type TestSession } from '../auth-helpers.js';
import type { DialectContext } from '../db-helpers.js';
import { json, sendJson, testApp, type TestApp } from './http-helpers.js';

/** The bureau's 统一社会信用代码 in the tests. */
export const CREDIT_CODE = '11371002MB2850312X';

/** A complete 保密审查表 clearing the portal and WeChat. */
export const FORM = {
  stateSecret: false, workSecret: false, personalInfo: false, tradeSecret: false,
  channelsFit: { portal: true, wechat: true }, conclusion: '经审查，不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开',
};

/** The people of the chain, one per role. */
export interface ChainPeople {
  drafter: TestSession;
  head: TestSession;
  secrecy: TestSession;
  leader: TestSession;
  publisher: TestSession;
}

/** An app for the item tests. */
export interface ItemTestApp extends TestApp {
  people: ChainPeople;
  /** Sends a request as someone (JSON body). */
  call(who: TestSession | null, method: InjectOptions['method'], url: string, body?: unknown): ReturnType<typeof sendJson>;
}

/** Builds the app, seeds the calendar, gives the bureau its credit code and creates the chain's people. */
export async function itemTestApp(ctx: DialectContext, options: { now?: string } = {}): Promise<ItemTestApp> {
  const { steppingClock } = await import('../../src/core/clock.js');
  const t = await testApp(ctx, { clock: steppingClock(options.now ?? '2024-03-04T02:00:00.000Z') });
  const db = t.db.db;
  await calendarService(db).seedIfEmpty(operator('测试准备'));
  await db.updateTable('agencies').set({ credit_code: CREDIT_CODE }).where('id', '=', t.bureauId).execute();
  const person = async (login: string, role: Role, name: string) => {
    await createTestUser(db, login, [role], t.bureauId, { name });
    return signIn(t.app, login);
  };
  const people: ChainPeople = {
    drafter: await person('c-drafter', 'drafter', '经办人小李'),
    head: await person('c-head', 'office-head', '科室负责人老张'),
    secrecy: await person('c-secrecy', 'secrecy-reviewer', '保密审查员小王'),
    leader: await person('c-leader', 'leader', '分管领导刘局'),
    publisher: await person('c-publisher', 'publisher', '公开专员小赵'),
  };
  const call: ItemTestApp['call'] = (who, method, url, body) =>
    sendJson(t.app, method, url, body, who ? who.headers : {});
  return { ...t, people, call };
}

/** Creates an item as `who`; returns its detail. */
export async function createItemAs(t: ItemTestApp, who: TestSession, body: Record<string, unknown> = {}): Promise<any> {
  const res = await t.call(who, 'POST', `/api/agencies/${t.bureauId}/items`, { title: '关于2024年行政许可事项清单的通知', writtenOn: '2024-03-01', bodyHtml: '<p>正文</p>', ...body });
  assert.equal(res.statusCode, 201, res.body);
  return json(res).item;
}

/** Drives an item through submit → 初审 → 保密审查 → 签发 with the distinct people; returns the detail. */
export async function approve(t: ItemTestApp, id: number, form: Record<string, unknown> = FORM): Promise<any> {
  const { drafter, head, secrecy, leader } = t.people;
  const steps: Array<[any, string, unknown]> = [
    [drafter, 'submit', {}],
    [head, 'review', { step: 'first-review', decision: 'pass' }],
    [secrecy, 'review', { step: 'secrecy-review', decision: 'pass', form }],
    [leader, 'review', { step: 'sign-off', decision: 'pass', comment: '同意发布' }],
  ];
  let last: any;
  for (const [who, action, body] of steps) {
    const res = await t.call(who, 'POST', `/api/items/${id}/${action}`, body);
    assert.equal(res.statusCode, 200, `${action} ${JSON.stringify(body)}: ${res.body}`);
    last = json(res);
  }
  return last;
}
