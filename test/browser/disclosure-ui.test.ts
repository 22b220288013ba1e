/**
 * Proactive disclosure (主动公开) in a real browser, signed in as the demo users: 李经办 (jingban) drafts an item
 * with a phone number in its body, tries an executable renamed .pdf (refused with the server's message), adds an
 * image and submits; 王科长 (kezhang) finds it in 待我处理 and passes 初审; 赵保密 (baomi) sees the scan's finding,
 * cannot pass until it is resolved and the 保密审查表 is filled, confirms it with a reason and passes; 孙局长
 * (lingdao) signs off; 周专员 (gongkai) publishes to the portal and sees the 索引号. axe-core finds no serious or
 * critical violation on any of these screens; screenshots at 1366 px and 360 px go to GONGKAI_SHOTS (default
 * /tmp/gk-disclosure-shots) to be looked at. Skipped, with a message, when /usr/bin/chromium is missing.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations, contextOptions, openAdmin, SERIOUS, signInDemo, skipWithoutChromium, startRig, violationsOf, type BrowserRig,
} from './browser-helpers.js';

const skip = skipWithoutChromium;
const SHOTS = process.env.GONGKAI_SHOTS ?? '/tmp/gk-disclosure-shots';

/** Demo users (src/demo/demo-users.ts) and the passwords they choose at first sign-in. */
const USERS = {
  jingban: { initial: 'Demo#2026-01', chosen: 'Jing#Ban-2026-dx' },
  kezhang: { initial: 'Demo#2026-02', chosen: 'Ke#Zhang-2026-cs' },
  baomi: { initial: 'Demo#2026-03', chosen: 'Bao#Mi-2026-scq' },
  lingdao: { initial: 'Demo#2026-04', chosen: 'Ling#Dao-2026-qf' },
  gongkai: { initial: 'Demo#2026-05', chosen: 'Gong#Kai-2026-fb' },
} as const;
type Login = keyof typeof USERS;

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
/** An ELF header: an executable, whatever its name says. */
const EXE = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

describe('proactive disclosure in a browser', { skip }, () => {
  let rig: BrowserRig | null = null;
  let browser: Browser | null = null;
  let base = '';

  /** Cookies of each user's session: signing in again would run into the sign-in rate limit (10 a minute). */
  const sessions = new Map<Login, Awaited<ReturnType<BrowserContext['storageState']>>>();

  /** A browser context signed in as a demo user (the initial password changed the first time). */
  async function signedIn(login: Login, width = 1366): Promise<BrowserContext> {
    const known = sessions.get(login);
    if (known) return browser!.newContext({ ...contextOptions(width), storageState: known });
    const context = await browser!.newContext(contextOptions(width));
    await signInDemo(context, base, { login, ...USERS[login] });
    sessions.set(login, await context.storageState());
    return context;
  }

  const open = (context: BrowserContext, hash: string) => openAdmin(context, base, hash);

  /** No serious or critical axe violation; a full-page screenshot to look at. */
  async function check(page: Page, name: string): Promise<void> {
    // Let antd's motion finish (half-transparent text mid-animation fails contrast).
    await page.waitForTimeout(400);
    const width = page.viewportSize()?.width ?? 0;
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
    assert.deepEqual(violationsOf(await axeViolations(page), SERIOUS), [], name);
  }

  /** The same screen at 360 px: axe and a screenshot, once `ready` (a heading) shows. */
  async function narrow(login: Login, hash: string, name: string, ready: string): Promise<void> {
    const context = await signedIn(login, 360);
    const { page, errors } = await open(context, hash);
    try {
      await page.getByRole('heading', { name: ready }).first().waitFor();
      await check(page, name);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  }

  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    rig = await startRig('gk-disclosure-ui-');
    ({ base, browser } = rig);
  });

  after(async () => {
    await rig?.stop();
  });

  test('one item through the chain: draft, 初审, 保密审查 with a finding resolved, 核审签发, publish', async () => {
    const title = '关于调整行政审批服务大厅办公时间的公告';
    let itemHash = '';

    // 李经办 drafts.
    {
      const context = await signedIn('jingban');
      const { page, errors } = await open(context, '#/items/new');
      try {
        await page.getByLabel('标题', { exact: true }).waitFor();
        await page.getByLabel('标题', { exact: true }).fill(title);
        await page.getByLabel('内容概述').fill('自2026年12月起，行政审批服务大厅工作日办公时间调整为上午9:00至下午5:00。');
        await page.getByLabel('文号').fill('威环审批发〔2026〕12号');
        await page.getByLabel('承办科室').fill('政务公开科');
        // 目录类别 from the bureau's catalogue tree, 主题分类 from the 22 gov.cn classes.
        await page.getByLabel('目录类别').click();
        await page.locator('.ant-select-tree-title', { hasText: '通知公告' }).click();
        await page.getByLabel('主题分类').click();
        await page.locator('.ant-cascader-menu-item[title="综合政务"]').click();
        await page.locator('.ant-cascader-menu-item[title="政务公开"]').click();
        await page.locator('.gk-body-editor').click();
        await page.keyboard.type('自2026年12月1日起，行政审批服务大厅办公时间调整为工作日上午9:00至下午5:00。咨询电话：13805311234。');
        await check(page, '01-item-new');
        await page.getByRole('button', { name: '保存草稿' }).click();
        await page.waitForURL(/#\/items\/\d+$/, { waitUntil: 'commit' }).catch(async (e: unknown) => {
          await page.screenshot({ path: join(SHOTS, 'failed-save.png'), fullPage: true });
          throw e;
        });
        itemHash = new URL(page.url()).hash;
        await page.getByText('第 1 版').waitFor();

        // An executable named .pdf is refused, with the server's message under its name; an image is stored.
        const input = page.locator('input[type="file"]');
        await input.setInputFiles({ name: '办公时间.pdf', mimeType: 'application/pdf', buffer: EXE });
        const refusal = page.locator('.gk-upload-line .ant-alert');
        await refusal.waitFor();
        assert.match(await refusal.innerText(), /“办公时间\.pdf”未能上传：/);
        await input.setInputFiles({ name: '大厅示意图.png', mimeType: 'image/png', buffer: PNG });
        await page.locator('.gk-attachment-list', { hasText: '大厅示意图.png' }).waitFor();
        assert.match(await page.locator('.gk-attachment-list').innerText(), /PNG 图片/);
        await check(page, '02-item-draft');

        await page.getByRole('tab', { name: '预览' }).click();
        await page.locator('.gk-preview-title', { hasText: title }).waitFor();
        assert.match(await page.locator('.gk-preview-meta').innerText(), /综合政务\\政务公开[\s\S]*通知公告/);
        await check(page, '03-item-preview');
        await page.getByRole('tab', { name: '编辑' }).click();

        await page.getByRole('button', { name: '提交审核' }).click();
        await page.locator('.gk-meta', { hasText: '待初审' }).waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }

    // 王科长: 待我处理, then 初审通过.
    {
      const context = await signedIn('kezhang');
      const { page, errors } = await open(context, '#/inbox');
      try {
        const link = page.getByRole('link', { name: title });
        await link.waitFor();
        await check(page, '04-inbox-kezhang');
        await link.click();
        await page.getByRole('button', { name: '科室负责人初审通过' }).waitFor();
        await check(page, '05-first-review');
        await page.getByRole('button', { name: '科室负责人初审通过' }).click();
        await page.locator('.gk-meta', { hasText: '待保密审查' }).waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }

    // 赵保密: the finding, the form, then 通过.
    {
      const context = await signedIn('baomi');
      const { page, errors } = await open(context, itemHash);
      try {
        const pass = page.getByRole('button', { name: '办公室保密审查通过' });
        await pass.waitFor();
        await page.locator('.gk-finding-open').first().waitFor();
        assert.equal(await pass.isDisabled(), true);
        await check(page, '06-secrecy-review');
        await narrow('baomi', itemHash, '06-secrecy-review', '办公室保密审查：第 2 版');
        const open = page.locator('.gk-finding-open');
        while (await open.count() > 0) {
          await open.first().getByRole('button', { name: '确认可以公开…' }).click();
          const dialog = page.getByRole('dialog');
          await dialog.getByLabel('确认理由（必填）').fill('该号码为服务大厅对外公开的咨询电话，不属于个人信息。');
          await dialog.getByRole('button', { name: /确\s*认/ }).click();
          await dialog.waitFor({ state: 'hidden' });
        }
        assert.equal(await pass.isDisabled(), true);
        for (const q of ['是否涉及国家秘密', '是否涉及工作秘密', '是否涉及个人信息', '是否涉及商业秘密']) {
          await page.getByRole('radiogroup', { name: q }).getByLabel('否').check();
        }
        await page.getByRole('group', { name: '拟发布渠道' }).getByLabel('政府网站（政府信息公开平台）').check();
        await page.getByRole('group', { name: '拟发布渠道' }).getByLabel('公开栏').check();
        await page.getByRole('radiogroup', { name: '是否适合在政府网站（政府信息公开平台）发布' }).getByLabel('是').check();
        await page.getByRole('radiogroup', { name: '是否适合在公开栏发布' }).getByLabel('是').check();
        await page.getByLabel('审查结论').fill('经审查，内容不涉及国家秘密、工作秘密、个人信息和商业秘密，同意公开。');
        assert.equal(await pass.isDisabled(), false);
        await check(page, '07-secrecy-filled');
        await pass.click();
        await page.locator('.gk-meta', { hasText: '待核审签发' }).waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }

    // 孙局长 signs off.
    {
      const context = await signedIn('lingdao');
      const { page, errors } = await open(context, '#/inbox');
      try {
        await page.getByRole('link', { name: title }).click();
        await page.getByRole('button', { name: '领导核审签发通过' }).waitFor();
        await page.getByRole('button', { name: '领导核审签发通过' }).click();
        await page.locator('.gk-meta', { hasText: '已签发待发布' }).waitFor();
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }

    // 周专员 publishes to the portal and the notice board; the 索引号 is shown.
    {
      const context = await signedIn('gongkai');
      const { page, errors } = await open(context, itemHash);
      try {
        await page.getByRole('button', { name: '发布…' }).click();
        const dialog = page.getByRole('dialog', { name: '发布信息' });
        await dialog.getByLabel('政府网站（政府信息公开平台）').waitFor();
        await check(page, '08-publish-dialog');
        await dialog.getByLabel('政府网站（政府信息公开平台）').check();
        await dialog.getByLabel('公开栏').check();
        await dialog.getByRole('button', { name: /发\s*布/ }).click();
        const indexNo = dialog.locator('.gk-index-no');
        await indexNo.waitFor();
        assert.match(await indexNo.innerText(), /\/\d{4}-\d{5}$/);
        await check(page, '09-published');
        await dialog.getByRole('button', { name: /完\s*成/ }).click();
        await page.locator('.gk-meta', { hasText: '已发布' }).waitFor();
        await page.getByRole('tab', { name: '发布与渠道' }).click();
        await page.getByRole('cell', { name: '公开栏', exact: true }).waitFor();
        // The channel exports: the WeChat article ready to paste, the LED screens' text.
        await page.getByRole('button', { name: '政务微信公众号：复制文章' }).click();
        const wechat = page.getByRole('dialog', { name: '政务微信公众号文章' });
        await wechat.getByText(title).first().waitFor();
        await check(page, '10a-wechat');
        await wechat.getByRole('button', { name: /关\s*闭/ }).first().click();
        await page.getByRole('button', { name: 'LED显示屏：预览文字' }).click();
        const led = page.getByRole('dialog', { name: 'LED显示屏文字预览' });
        await led.locator('.gk-led').first().waitFor();
        await check(page, '10b-led');
        await led.getByRole('button', { name: /关\s*闭/ }).first().click();
        // Withdrawal from the notice board needs a reason; the portal stays.
        await page.getByRole('button', { name: '撤回（公开栏）' }).click();
        const withdraw = page.getByRole('dialog', { name: '从公开栏撤回' });
        assert.equal(await withdraw.getByRole('button', { name: /撤\s*回/ }).isDisabled(), true);
        await withdraw.getByLabel('撤回理由（必填）').fill('公开栏张贴期满');
        await check(page, '10c-withdraw');
        await withdraw.getByRole('button', { name: /撤\s*回/ }).click();
        await page.getByText(/撤回：公开栏张贴期满/).waitFor();
        assert.equal(await page.getByRole('button', { name: '撤回（政府网站（政府信息公开平台））' }).count(), 1);
        await page.getByRole('tab', { name: '历史' }).click();
        await page.getByRole('cell', { name: '领导核审签发' }).waitFor();
        await check(page, '10-history');
        await narrow('gongkai', itemHash, '10-published', title);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('the monthly checklist: the item published this month kept, signed off; the catalogue, guide and settings read', async () => {
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date()).slice(0, 7);
    const [y, m] = month.split('-').map(Number) as [number, number];
    {
      const context = await signedIn('baomi');
      const { page, errors } = await open(context, '#/checklists');
      try {
        await page.getByLabel('月份').click();
        await page.locator(`.ant-select-item-option[title="${y}年${m}月"]`).click();
        await page.getByRole('button', { name: '生成清单' }).click();
        const keep = page.getByRole('button', { name: /^保留此条（关于调整行政审批服务大厅办公时间的公告，/ });
        await keep.first().waitFor();
        await check(page, '12-checklist');
        await keep.first().click();
        await keep.first().waitFor({ state: 'detached' });
        // The notice board's publication was withdrawn on the item page: recorded as withdrawn, with a reason.
        await page.getByRole('button', { name: /^记为撤回（关于调整行政审批服务大厅办公时间的公告，公开栏）/ }).click();
        const dialog = page.getByRole('dialog', { name: '撤回该信息' });
        await dialog.getByLabel('撤回理由（必填）').fill('公开栏张贴期满，已撤回');
        await dialog.getByRole('button', { name: /撤\s*回/ }).click();
        await dialog.waitFor({ state: 'hidden' });
        await page.getByRole('button', { name: '签字确认' }).click();
        await page.getByText(/已由 赵保密 于 .* 签字确认/).waitFor();
        await check(page, '13-checklist-signed');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
    {
      const context = await signedIn('gongkai');
      const { page, errors } = await open(context, '#/catalogue');
      try {
        await page.getByRole('tree').waitFor();
        await check(page, '14-catalogue');
        // Add a category under 工作资讯, rename it, then archive it (kept, shown among the archived).
        await page.getByRole('tree').getByText('工作资讯', { exact: true }).click();
        await page.getByLabel('在“工作资讯”下添加类目').fill('会议活动');
        await page.getByRole('button', { name: /^添\s*加$/ }).click();
        await page.getByRole('tree').getByText('会议活动', { exact: true }).click();
        await page.getByLabel('名称', { exact: true }).fill('会议与活动');
        await page.getByRole('button', { name: /^改\s*名$/ }).click();
        await page.getByRole('tree').getByText('会议与活动', { exact: true }).waitFor();
        await check(page, '14a-catalogue-node');
        await page.getByRole('button', { name: /^归\s*档$/ }).click();
        await page.getByRole('dialog').getByRole('button', { name: /^归\s*档$/ }).click();
        await page.getByRole('tree').getByText('会议与活动', { exact: true }).waitFor({ state: 'detached' });
        await page.getByLabel('显示已归档类目').click();
        await page.getByRole('tree').getByText('会议与活动（已归档）', { exact: true }).waitFor();
        await page.getByRole('tab', { name: '公开指南' }).click();
        await page.getByLabel('工作机构名称').waitFor();
        await check(page, '15-guide');
        await page.getByRole('tab', { name: '索引号' }).click();
        await page.getByLabel('统一社会信用代码').waitFor();
        await check(page, '16-settings');
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test('the annual report: its review chain, 从数据填报 with each cell’s source, the figures for the prose with their publications', async () => {
    const context = await signedIn('gongkai');
    try {
      const session = await (await context.request.get(`${base}/api/session`)).json() as { csrfToken: string; user: { agencyId: number } };
      const year = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
      const created = await context.request.post(`${base}/api/reports`, {
        headers: { 'x-csrf-token': session.csrfToken }, data: { agencyId: session.user.agencyId, year },
      });
      assert.equal(created.status(), 201, await created.text());
      const { id } = await created.json() as { id: number };
      const { page, errors } = await open(context, `#/reports/${id}`);
      await page.getByRole('heading', { name: /审核与发布/ }).waitFor();
      assert.equal(await page.getByRole('button', { name: /^发\s*布$/ }).isDisabled(), true);
      await page.getByRole('button', { name: '从数据填报' }).click();
      const dialog = page.getByRole('dialog', { name: '已从数据填写表二、表三、表四' });
      await dialog.getByText(/共填写 \d+ 个单元格/).waitFor();
      await check(page, '17-report-filled');
      await dialog.getByRole('button', { name: /完\s*成/ }).click();
      await page.getByRole('tab', { name: '正文' }).click();
      const figure = page.getByRole('button', { name: /查看对应发布记录$/ }).first();
      await figure.waitFor();
      await figure.click();
      await page.locator('.ant-drawer').getByText(/共 \d+ 次发布/).waitFor();
      await check(page, '18-report-figures');
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });

  test('the screens at 360 px: inbox, item list, item editor, checklist, catalogue', async () => {
    for (const [login, hash, ready] of [
      ['kezhang', '#/inbox', '待我处理'],
      ['jingban', '#/items', '主动公开信息'],
      ['jingban', '#/items/new', '起草信息'],
      ['baomi', '#/checklists', '互联网信息发布每月检查清理清单'],
      ['gongkai', '#/catalogue', '公开目录与指南'],
      ['baomi', '#/items', '主动公开信息'],
    ] as const) {
      const context = await signedIn(login, 360);
      const { page, errors } = await open(context, hash);
      try {
        await page.getByRole('heading', { level: 1, name: ready }).waitFor();
        await check(page, `11-${login}-${hash.replace(/[#/]/g, '') || 'start'}`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    }
  });
});
