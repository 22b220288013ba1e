/**
 * The admin web UI in a real browser: the server (in-process, temporary SQLite data dir, demo
 * data and demo users) serves web/dist at /admin/. Each demo person signs in and must first change
 * the initial password: the publisher (gongkai) then opens the report list and the demo report
 * (威海市环翠区行政审批服务局, 2019) and finds its figures in the table view, then 依申请公开: a case
 * received through the API in the list and on its page with its reply deadline; the security admin
 * (anquan) sees 用户与角色 and grants a role; the audit admin (shenji) sees only the security log,
 * with that grant in it, and exports it. axe-core finds no critical accessibility violation, and none
 * serious or critical on the sign-in, users and log pages. Skipped, with a message, when
 * /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/demo-users.js';
import {
  axeViolations, CHROMIUM, CHROMIUM_ARGS, ensureBuilt, freePort, SERIOUS, skipWithoutChromium, violationsOf,
} from './browser-helpers.js';
import { startServer } from '../../src/server.js';

const skip = skipWithoutChromium;

const critical = violationsOf;

/** A demo person's initial password and the new one the test chooses. */
function passwords(login: string): { initial: string; changed: string } {
  const demo = DEMO_USERS.find((u) => u.login === login);
  assert.ok(demo, `演示用户 ${login} 不存在`);
  return { initial: demo.password, changed: `Neu#Mima-2026-${demo.password.slice(-2)}` };
}

/** Signs in on the sign-in page (the page shows it when there is no session). */
async function signIn(page: Page, login: string, password: string): Promise<void> {
  await page.getByRole('heading', { name: '登录' }).waitFor();
  await page.getByRole('textbox', { name: '登录名', exact: true }).fill(login);
  await page.getByLabel('密码', { exact: true }).fill(password);
  // By its place, not its name: after a failed attempt antd may still be ending the loading icon's
  // motion, whose label is then part of the button's accessible name for a while.
  await page.locator('form button[type="submit"]', { hasText: /登\s*录/ }).click();
}

/** First sign-in of a demo person: the initial password must be changed before anything else. */
async function firstSignIn(page: Page, login: string): Promise<void> {
  const { initial, changed } = passwords(login);
  await signIn(page, login, initial);
  await page.getByRole('heading', { name: '修改密码' }).waitFor();
  assert.equal(await page.getByRole('navigation', { name: '主导航' }).count(), 0, '修改初始密码前不应显示菜单');
  assert.match(await page.locator('body').innerText(), /至少 10 个字符，含大写字母、小写字母、数字、符号中的三类/);
  await page.getByLabel('当前密码').fill(initial);
  await page.getByLabel('新密码', { exact: true }).fill(changed);
  await page.getByLabel('确认新密码').fill(changed);
  await page.getByRole('button', { name: '修改密码' }).click();
  await page.getByRole('navigation', { name: '主导航' }).waitFor();
}

/** The labels of the main menu. */
async function menu(page: Page): Promise<string[]> {
  return (await page.getByRole('navigation', { name: '主导航' }).getByRole('link').allInnerTexts()).map((t) => t.trim());
}

/** An API session of a person (cookie and CSRF token) for requests from the test itself. */
async function apiSession(base: string, login: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/session`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }),
  });
  assert.equal(response.status, 200, await response.clone().text());
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const { csrfToken } = await response.json() as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}

describe('admin UI in a browser', { skip }, () => {
  let dataDir = '';
  let server: { url: string; stop: () => Promise<void> } | null = null;
  let browser: Browser | null = null;
  let base = '';
  /** The publisher's browser (signed in by the first test, used by the following ones). */
  let publisher: BrowserContext | null = null;

  /** A new browser of a demo person who signs in for the first time (initial password changed); page errors collected. */
  async function firstTime(login: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser!.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}/admin/`);
    await firstSignIn(page, login);
    return { context, page, errors };
  }

  before(async () => {
    await ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'gk-admin-ui-'));
    const port = await freePort();
    server = await startServer({ GONGKAI_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', TZ: 'Asia/Shanghai' });
    base = `http://127.0.0.1:${port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await publisher?.close();
    await browser?.close();
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('serves the UI at /admin/ with assets under /admin/', async () => {
    const html = await (await fetch(`${base}/admin/`)).text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    assert.ok(assets.length >= 2, html);
    for (const asset of assets) {
      assert.match(asset, /^\/admin\/assets\//);
      assert.equal((await fetch(`${base}${asset}`)).status, 200, asset);
    }
  });

  test('the publisher signs in, changes the initial password and sees the business menus; the sign-in page has no serious axe violation', async () => {
    publisher = await browser!.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await publisher.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/admin/#/agencies`);
      await page.getByRole('heading', { name: '登录' }).waitFor();
      assert.deepEqual(critical(await axeViolations(page), SERIOUS), []);
      // A wrong password: the server's one generic message, never which part was wrong.
      await signIn(page, 'gongkai', 'Falsch#2026-xx');
      await page.getByText('登录名或密码错误，或账户不可用').waitFor();
      await firstSignIn(page, 'gongkai');
      assert.deepEqual(await menu(page), ['待我处理', '主动公开', '公开目录', '办事指南', '政务服务大厅', '迎检自查', '年度报告', '依申请公开', '建议提案', '办理情况统计', '机关', '工作日日历']);
      const header = await page.getByLabel('当前用户').innerText();
      assert.match(header, /周专员/);
      assert.match(header, /威海市环翠区行政审批服务局/);
      assert.match(header, /信息公开专职人员/);
      await page.getByRole('button', { name: '退出登录' }).waitFor();
      await page.getByRole('link', { name: '修改密码' }).waitFor();
      // Back to where the person was going: the agency page.
      await page.waitForURL('**/admin/#/agencies');
      await page.getByRole('heading', { name: '机关', exact: true }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('lists the demo report and shows its table figures; no critical axe violation', async () => {
    const page = await publisher!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/admin/`);
      // The demo also holds the scripted 2025 report (src/demo/demo-disclosure-year.ts): the seed's 2019 row.
      const row = page.locator('tr', { hasText: '威海市环翠区行政审批服务局' }).filter({ hasText: '2019 试行格式' }).filter({ hasText: '已发布' });
      await row.first().waitFor();
      const rowText = await row.first().innerText();
      assert.match(rowText, /2019/);
      assert.match(rowText, /2019 试行格式/);
      assert.match(rowText, /已发布/);
      assert.deepEqual(critical(await axeViolations(page)), []);

      await row.first().getByRole('link', { name: '威海市环翠区行政审批服务局' }).click();
      await page.locator('.gk-grid').first().waitFor();
      const licensing = page.locator('td[data-address]', { hasText: '17302' });
      assert.equal(await licensing.count(), 1);
      assert.equal(await licensing.getAttribute('data-address'),
        JSON.stringify(['二', ['第二十条第（五）项', '行政许可'], ['处理决定数量']]));
      assert.equal(await page.locator('td[data-address]', { hasText: '165.51万元' }).count(), 1);
      // A blank cell is shown empty, never as 0.
      const blank = page.locator(`td[data-address='${JSON.stringify(['二', ['第二十条第（一）项', '规章'], ['本年新制作数量']])}']`);
      assert.equal((await blank.innerText()).trim(), '');
      assert.deepEqual(critical(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('a draft report is editable, with 发布 for the publisher, and keeps unsaved cells across a new sign-in; no critical axe violation', async () => {
    const auth = await apiSession(base, 'gongkai', passwords('gongkai').changed);
    const created = await fetch(`${base}/api/reports`, {
      method: 'POST', headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ agencyId: await demoAgencyId(base, auth), year: 2022 }),
    });
    assert.equal(created.status, 201, await created.clone().text());
    const { id } = await created.json() as { id: number };
    const page = await publisher!.newPage();
    try {
      await page.goto(`${base}/admin/#/reports/${id}`);
      const input = page.getByLabel('第二十条第（五）项 行政许可 本年处理决定数量');
      await input.waitFor();
      assert.equal(await input.inputValue(), '');
      await page.getByRole('button', { name: /发\s*布/ }).waitFor();
      assert.deepEqual(critical(await axeViolations(page)), []);

      // The session ends while a cell is edited: saving shows the sign-in page; after signing in
      // again the editor is back with the unsaved cell, and saving works.
      await input.fill('12');
      await page.getByText('有未保存的修改').waitFor();
      await publisher!.clearCookies();
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await signIn(page, 'gongkai', passwords('gongkai').changed);
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
      assert.equal(await input.inputValue(), '12');
      await page.getByText('有未保存的修改').waitFor();
      assert.match(page.url(), new RegExp(`#/reports/${id}$`));
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已保存为新版本').waitFor();
      assert.equal(await page.getByText('有未保存的修改').count(), 0);
    } finally {
      await page.close();
    }
  });

  test('依申请公开: the list shows a case received through the API, its page the reply deadline; no critical axe violation', async () => {
    const auth = await apiSession(base, 'gongkai', passwords('gongkai').changed);
    const received = await fetch(`${base}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({
        agencyId: await demoAgencyId(base, auth), channel: 'in-person', evidence: { handedInOn: '2026-09-25' }, applicantType: '自然人',
        applicant: { name: '张三丰', idNumber: '11010519491231002X', phone: '13812345678', address: '山东省威海市环翠区青岛北路1号' },
        subject: '2024年度行政许可事项清单', formWanted: '电子邮件', office: '政策法规科', handler: '李四',
      }),
    });
    assert.equal(received.status, 201, await received.clone().text());
    const { id, caseNo } = await received.json() as { id: number; caseNo: string };
    const page = await publisher!.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      await page.goto(`${base}/admin/`);
      await page.getByRole('link', { name: '依申请公开' }).click();
      const row = page.locator('tr', { hasText: caseNo });
      await row.first().waitFor();
      const rowText = await row.first().innerText();
      assert.match(rowText, /2026年9月25日/);
      assert.match(rowText, /张\*\*/, '申请人应已脱敏');
      assert.doesNotMatch(rowText, /张三丰/);
      assert.match(rowText, /自然人/);
      assert.match(rowText, /办理中/);
      assert.match(rowText, /2026年10月29日/);
      assert.match(rowText, /政策法规科 \/ 李四/);
      // Received in 2026 (2025 is closed: the demo's 2025 report is published, src/demo/demo-disclosure-year.ts) and never
      // answered: overdue, so the warnings panel names it in red.
      const warned = page.locator('li.gk-warn-overdue', { hasText: caseNo });
      await warned.waitFor();
      assert.equal(await warned.evaluate((el) => getComputedStyle(el).color), 'rgb(192, 40, 45)');
      assert.deepEqual(critical(await axeViolations(page)), []);

      await row.first().getByRole('link', { name: caseNo }).click();
      await page.waitForURL(`**/admin/#/applications/${id}`);
      const clock = page.locator('section', { has: page.getByRole('heading', { name: '答复期限' }) });
      await clock.waitFor();
      assert.match(await clock.innerText(), /2026年10月29日/);
      assert.match(await clock.innerText(), /计算过程/);
      await page.getByRole('heading', { name: '办理记录' }).waitFor();
      await page.getByLabel('事件类型').waitFor();
      assert.deepEqual(critical(await axeViolations(page)), []);
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });

  test('the security admin signs in, sees 用户与角色 and grants a role; no serious axe violation on the users page', async () => {
    const { context, page, errors } = await firstTime('anquan');
    try {
      assert.deepEqual(await menu(page), ['机关', '工作日日历', '用户与角色']);
      await page.waitForURL('**/admin/#/users');
      const row = page.locator('tbody tr', { hasText: 'jingban' });
      await row.waitFor();
      assert.match(await row.innerText(), /李经办/);
      assert.match(await row.innerText(), /经办人/);
      assert.deepEqual(critical(await axeViolations(page), SERIOUS), []);

      await page.getByRole('button', { name: '授予角色（李经办）' }).click();
      const dialog = page.getByRole('dialog', { name: /授予角色/ });
      await dialog.waitFor();
      await dialog.getByLabel('角色', { exact: true }).click();
      await page.locator('.ant-select-item-option', { hasText: '保密审查员' }).click();
      await dialog.getByRole('button', { name: /授\s*予/ }).click();
      await dialog.waitFor({ state: 'hidden' });
      await row.getByText('保密审查员').waitFor();

      // 三员分立: an administrator role beside a business role is refused with the server's message.
      await page.getByRole('button', { name: '授予角色（李经办）' }).click();
      await dialog.waitFor();
      await dialog.getByLabel('角色', { exact: true }).click();
      await page.keyboard.type('审计');
      await page.locator('.ant-select-item-option', { hasText: '审计管理员' }).click();
      await dialog.getByRole('button', { name: /授\s*予/ }).click();
      await dialog.getByText(/三员分立/).last().waitFor();
      assert.match(await dialog.innerText(), /审计管理员不得同时担任其他角色/);
      // The role list has closed (antd keeps it in the page, hidden, once it has finished closing).
      await page.waitForFunction(() => !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)'));
      assert.deepEqual(critical(await axeViolations(page), SERIOUS), []);
      await dialog.getByRole('button', { name: /取\s*消/ }).click();

      // A new user whose form is sent after the session ended: the sign-in page covers the open
      // dialog; after signing in again the dialog is back as it was, and the initial password is shown once.
      await page.getByRole('button', { name: '新建用户' }).click();
      const form = page.getByRole('dialog', { name: '新建用户' });
      await form.getByLabel('登录名').fill('xinren');
      await form.getByLabel('姓名').fill('新同事');
      await form.getByLabel('所在机关').click();
      await page.getByTitle('威海市环翠区行政审批服务局').last().click();
      await context.clearCookies();
      await form.getByRole('button', { name: /新\s*建/ }).click();
      await page.getByRole('heading', { name: '登录' }).waitFor();
      await form.waitFor({ state: 'hidden' });
      await signIn(page, 'anquan', passwords('anquan').changed);
      await form.waitFor();
      assert.equal(await form.getByLabel('姓名').inputValue(), '新同事');
      await form.getByRole('button', { name: /新\s*建/ }).click();
      const shown = page.getByRole('dialog', { name: '用户已新建' });
      await shown.waitFor();
      assert.match(await shown.innerText(), /首次登录时须修改/);
      await shown.getByRole('button', { name: '我已记下，关闭' }).click();
      await page.locator('tbody tr', { hasText: 'xinren' }).waitFor();
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the audit admin signs in, sees only the security log with the grant in it, and exports it; no serious axe violation', async () => {
    const { context, page, errors } = await firstTime('shenji');
    try {
      assert.deepEqual(await menu(page), ['工作日日历', '安全审计日志']);
      await page.waitForURL('**/admin/#/security-log');
      const granted = page.locator('tbody tr', { hasText: '授予角色' }).filter({ hasText: '保密审查员' }).first();
      await granted.waitFor();
      const text = await granted.innerText();
      assert.match(text, /陈安全/);
      assert.match(text, /jingban/);
      assert.match(text, /角色：保密审查员/);
      assert.match(text, /成功/);
      await page.locator('tbody tr', { hasText: '修改密码' }).first().waitFor();
      assert.deepEqual(critical(await axeViolations(page), SERIOUS), []);

      // Filter by login, then export the same filter.
      await page.getByLabel('登录名').fill('gongkai');
      await page.getByRole('button', { name: /查\s*询/ }).click();
      await page.locator('tbody tr', { hasText: '登录失败' }).first().waitFor();
      const logins = await page.locator('tbody tr.ant-table-row td:nth-child(5)').allInnerTexts();
      assert.ok(logins.length > 0 && logins.every((l) => l.trim() === 'gongkai'), logins.join(','));
      const href = await page.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
      assert.equal(href, '/api/security-log.xlsx?login=gongkai');
      const download = await page.request.get(`${base}${href}`);
      assert.equal(download.status(), 200);
      assert.match(download.headers()['content-type'] ?? '', /spreadsheetml/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});

async function demoAgencyId(base: string, auth: Record<string, string>): Promise<number> {
  const agencies = await (await fetch(`${base}/api/agencies`, { headers: auth })).json() as Array<{ id: number; name: string }>;
  const agency = agencies.find((a) => a.name === '威海市环翠区行政审批服务局');
  assert.ok(agency, '演示机关不存在');
  return agency.id;
}
