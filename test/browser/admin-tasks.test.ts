/**
 * The office's tasks in a real browser, signed in as the demo users: registering an application received
 * in person (a wrong identity number shown at its field, then the case page), assigning it and a
 * reconsideration with its result, the deadline pending for want of next year's holidays in the warnings
 * with the banner, tables 三/四 with a cell's cases, and the system administrator entering next year's
 * notice. axe-core finds no serious or critical violation on these screens at 1366 px and 360 px.
 * Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  axeViolations, contextOptions, openAdmin, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type AxeViolation, type BrowserRig,
} from './browser-helpers.js';

const skip = skipWithoutChromium;

/** Demo users (src/demo/demo-users.ts) and the passwords they choose at first sign-in. */
const USERS = {
  publisher: { login: 'gongkai', initial: 'Demo#2026-05', chosen: 'Zheng#Wu-2026-xk' },
  sysadmin: { login: 'xitong', initial: 'Demo#2026-08', chosen: 'Xi#Admin-Cal-2026' },
} as const;

/** Serious and critical violations, described. */
const serious = (violations: AxeViolation[]): string[] => violationsOf(violations, SERIOUS);

describe('admin tasks in a browser', { skip }, () => {
  let rig: BrowserRig | null = null;
  let browser: Browser | null = null;
  let base = '';

  /** A browser context signed in as a demo user (the initial password changed the first time); the CSRF token. */
  async function signedIn(user: keyof typeof USERS, width = 1366): Promise<{ context: BrowserContext; csrf: string; agencyId: number }> {
    const context = await browser!.newContext(contextOptions(width));
    const session = await signInDemo(context, base, USERS[user]);
    return { context, csrf: session.csrfToken, agencyId: session.user.agencyId };
  }

  const open = (context: BrowserContext, hash: string) => openAdmin(context, base, hash);

  before(async () => {
    rig = await startRig('gk-admin-tasks-');
    ({ base, browser } = rig);
  });

  after(async () => {
    await rig?.stop();
  });

  test('registers an application in person, then assigns it and records a reconsideration with its result', async () => {
    const { context } = await signedIn('publisher');
    const { page, errors } = await open(context, '#/applications');
    try {
      await page.getByRole('link', { name: '登记申请' }).click();
      await page.getByLabel('姓名').waitFor();
      assert.deepEqual(serious(await axeViolations(page)), []);
      await page.getByLabel('当面提交日期').fill('2026-11-02');
      await page.getByLabel('姓名').fill('张三丰');
      await page.getByLabel('证件号码').fill('110105194912310021');
      await page.getByLabel('电子邮箱').fill('zhang@example.cn');
      await page.getByLabel(/所需信息内容描述/).fill('2025年度行政许可事项清单');
      await page.getByLabel('获取信息的方式、途径').fill('电子邮件');
      await page.getByRole('button', { name: /登\s*记/ }).click();
      // The server's message at the identity number field.
      const message = page.locator('.ant-form-item', { has: page.getByLabel('证件号码') }).getByText(/校验码错误/);
      await message.waitFor();
      assert.deepEqual(serious(await axeViolations(page)), []);
      await page.getByLabel('证件号码').fill('11010519491231002X');
      await page.getByRole('button', { name: /登\s*记/ }).click();
      await page.waitForURL(/#\/applications\/\d+$/);
      await page.getByRole('heading', { name: '答复期限' }).waitFor();
      assert.match(await page.locator('.gk-meta').first().innerText(), /收到申请 2026年11月2日/);

      // 分配承办.
      const assign = page.locator('section', { has: page.getByRole('heading', { name: '分配承办' }) });
      await assign.getByLabel('承办科室').fill('政策法规科');
      await assign.getByLabel('承办人').fill('李四');
      await assign.getByRole('button', { name: /分\s*配/ }).click();
      await page.locator('.gk-case-facts', { hasText: '政策法规科 / 李四' }).waitFor();

      // A reconsideration, then its result.
      const remedy = page.locator('section', { has: page.getByRole('heading', { name: '登记行政复议、行政诉讼' }) });
      await remedy.getByLabel('收到日期（提起日期）').fill('2026-11-20');
      await remedy.getByRole('button', { name: /登\s*记/ }).click();
      const remedies = page.locator('section', { has: page.getByRole('heading', { name: '行政复议、行政诉讼', exact: true }) });
      await remedies.getByRole('cell', { name: '尚未审结' }).waitFor();
      await remedies.getByRole('button', { name: /^登记结果：行政复议/ }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('结果').waitFor();
      assert.deepEqual(serious(await axeViolations(page)), []);
      await dialog.getByLabel('结果').click();
      await page.locator('.ant-select-item-option[title="维持"]').click();
      await dialog.getByLabel('审结日期').fill('2026-12-01');
      await dialog.getByRole('button', { name: /登\s*记/ }).click();
      await remedies.getByRole('cell', { name: '维持' }).waitFor();
      assert.match(await remedies.innerText(), /2026年12月1日/);
      assert.deepEqual(serious(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('a deadline pending for want of next year’s holidays stays in the warnings, with the banner; the administrator enters the year', async () => {
    const { context, csrf, agencyId } = await signedIn('publisher');
    const years = await (await context.request.get(`${base}/api/calendar/years`)).json() as { coveredYears: { to: number } };
    const next = years.coveredYears.to + 1;
    // A receipt late in the last covered year: 20 working days run into the next (only when that day has come).
    const lateDay = `${years.coveredYears.to}-12-04`;
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    if (lateDay > today) return;
    const created = await context.request.post(`${base}/api/applications`, {
      headers: { 'x-csrf-token': csrf },
      data: { agencyId, channel: 'registered-post', evidence: { signedForOn: lateDay }, applicantType: '商业企业',
        applicant: { name: '威海某科技有限公司', idNumber: '91371000MA3C8K2L10' }, subject: '某项审批结果', formWanted: '邮寄' },
    });
    assert.equal(created.status(), 201, await created.text());
    const { caseNo } = await created.json() as { caseNo: string };
    for (const width of [1366, 360]) {
      const { context: c } = await signedIn('publisher', width);
      const { page, errors } = await open(c, '#/applications');
      try {
        const group = page.locator('.gk-warn-pending', { hasText: `答复期限待定：尚未录入 ${next} 年节假日安排` });
        await group.waitFor();
        assert.match(await group.innerText(), new RegExp(caseNo));
        const banner = page.locator('.gk-notice-banner');
        assert.match(await banner.innerText(), /请联系系统管理员/);
        assert.equal(await banner.getByRole('link', { name: '查看工作日日历' }).getAttribute('href'), `#/calendar/${next}`);
        assert.deepEqual(serious(await axeViolations(page)), []);
        assert.deepEqual(errors, []);
      } finally {
        await c.close();
      }
    }

    // The system administrator enters the year from the calendar screen; the case gets its deadline.
    const admin = await signedIn('sysadmin');
    const { page, errors } = await open(admin.context, `#/calendar/${next}`);
    try {
      await page.getByLabel('第 1 日 日期').waitFor();
      assert.deepEqual(serious(await axeViolations(page)), []);
      await page.getByLabel('第 1 日 日期').fill(`${next}-01-01`);
      await page.locator('#calendar-year_days_0_name').fill('元旦');
      await page.getByLabel('来源（通知文号）').fill(`国办发明电〔${next - 1}〕9号`);
      await page.getByRole('button', { name: new RegExp(`保存 ${next} 年节假日安排`) }).click();
      const saved = page.getByText(new RegExp(`已保存 ${next} 年节假日安排：重新计算了 \\d+ 件未办结申请的答复期限，其中 [1-9]\\d* 件发生变化`));
      await saved.waitFor();
      assert.deepEqual(serious(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await admin.context.close();
    }
    const warnings = await (await context.request.get(`${base}/api/applications/warnings?agencyId=${agencyId}`)).json() as { pending: unknown };
    assert.equal(warnings.pending, null);
    await context.close();
  });

  test('tables 三/四 from the cases: a non-zero cell lists its cases; the calendar screen reads', async () => {
    for (const width of [1366, 360]) {
      const { context } = await signedIn('publisher', width);
      const { page, errors } = await open(context, '#/statistics');
      try {
        const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 4));
        await page.getByRole('heading', { name: '三、收到和处理政府信息公开申请情况' }).waitFor();
        await page.locator('.gk-cell-link').first().waitFor();
        assert.deepEqual(serious(await axeViolations(page)), []);
        await page.getByRole('button', { name: /一、本年新收政府信息公开申请数量 总计：\d+，查看对应申请/ }).click();
        const drawer = page.locator('.ant-drawer');
        await drawer.locator('.ant-table-row').first().waitFor();
        // Let the drawer finish sliding in: mid-animation its text is half transparent (and fails contrast).
        await page.waitForFunction(() => !document.querySelector('.ant-drawer [class*="-motion-"], .ant-drawer [class*="slide-"]'));
        await page.waitForTimeout(400);
        const text = await drawer.innerText();
        assert.match(text, new RegExp(`${year}-\\d{4}`));
        assert.doesNotMatch(text, /张三丰|11010519491231002X/, '不含申请人信息');
        assert.deepEqual(serious(await axeViolations(page)), []);

        await page.goto(`${base}/admin/#/calendar`);
        await page.getByRole('heading', { name: /放假和调休上班日期/ }).waitFor();
        await page.getByRole('table').first().waitFor();
        assert.deepEqual(serious(await axeViolations(page)), []);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });
});
