/**
 * GET /api/agencies/:agencyId/portal-readiness (issue 10, Deliver 5): empty, due-soon and stale columns from the
 * last portal publication per category (withdrawn ones not counted), by office; the home page's last update; the
 * 19号 failures; a supervisor's subtree; refusals.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestUser, signIn } from '../auth-helpers.js';
import { forEachDialect } from '../db-helpers.js';
import { json } from './http-helpers.js';
import { approve, createItemAs, itemTestApp, type ItemTestApp } from './item-helpers.js';

forEachDialect('portal readiness', (ctx) => {
  let t: ItemTestApp;
  const node: Record<string, number> = {};
  before(async () => {
    // The clock: 2024-03-04 (items published that day, then some moved back in time).
    t = await itemTestApp(ctx);
    const add = async (name: string, parentId: number | null, details?: Record<string, unknown>) => {
      const res = await t.call(t.tester, 'POST', `/api/agencies/${t.bureauId}/catalogue/nodes`, { parentId, name, ...(details ? { details } : {}) });
      assert.equal(res.statusCode, 201, res.body);
      node[name] = json(res).id;
    };
    await add('工作资讯', null);
    await add('工作动态', node['工作资讯']!);
    await add('通知公告', node['工作资讯']!);
    await add('机构职能', null);
    await add('政策解读', null, { updateCycleDays: 30 });
    await add('空栏目一', null);
    await add('空栏目二', null);
    const publish = async (category: string, office: string, on: string) => {
      const item = await createItemAs(t, t.people.drafter, { categoryId: node[category], office, title: `${category}的一条信息` });
      await approve(t, item.id);
      const res = await t.call(t.people.publisher, 'POST', `/api/items/${item.id}/publish`, { channels: ['portal'] });
      assert.equal(res.statusCode, 200, res.body);
      await t.db.db.updateTable('channel_publications').set({ published_on: on }).where('subject_kind', '=', 'item').where('subject_id', '=', item.id).execute();
      return item.id as number;
    };
    await publish('工作动态', '综合科', '2024-02-01'); // 14-day cycle: stale since 02-15
    await publish('通知公告', '审批一科', '2023-09-20'); // 183 days: due 2024-03-21, within 20 %
    await publish('机构职能', '综合科', '2020-01-01'); // no cycle
    await publish('政策解读', '审批一科', '2024-03-01'); // own cycle 30 days: in order
    // A withdrawn publication does not count: 空栏目二 stays empty.
    const withdrawn = await publish('空栏目二', '综合科', '2024-03-03');
    await t.db.db.updateTable('channel_publications').set({ withdrawn_at: '2024-03-04T00:00:00.000Z', withdrawn_by: '测试', withdrawal_reason: '测试' })
      .where('subject_id', '=', withdrawn).where('subject_kind', '=', 'item').execute();
  });
  after(async () => t.close());

  test('columns by state, offices, the home page and the failures', async () => {
    const res = await t.call(t.tester, 'GET', `/api/agencies/${t.bureauId}/portal-readiness`);
    assert.equal(res.statusCode, 200, res.body);
    const body = json(res);
    assert.equal(body.today, '2024-03-04');
    assert.equal(body.agencies.length, 1);
    const a = body.agencies[0];
    assert.equal(a.agencyId, t.bureauId);
    assert.equal(a.agencyName, '威海市环翠区行政审批服务局');
    const byPath = Object.fromEntries(a.columns.map((c: any) => [c.path, c]));
    // The parent 工作资讯 is not a column; its children are, named with it.
    assert.deepEqual(Object.keys(byPath).sort(), ['工作资讯 / 工作动态', '工作资讯 / 通知公告', '政策解读', '机构职能', '空栏目一', '空栏目二'].sort());
    assert.equal(byPath['工作资讯 / 工作动态'].state, 'stale');
    assert.equal(byPath['工作资讯 / 工作动态'].stateName, '已超期');
    assert.equal(byPath['工作资讯 / 工作动态'].dueOn, '2024-02-15');
    assert.equal(byPath['工作资讯 / 工作动态'].daysLeft, -18);
    assert.deepEqual(byPath['工作资讯 / 工作动态'].offices, ['综合科']);
    assert.equal(byPath['工作资讯 / 通知公告'].state, 'due-soon');
    assert.equal(byPath['机构职能'].state, 'ok');
    assert.equal(byPath['机构职能'].cycleDays, null);
    assert.equal(byPath['政策解读'].state, 'ok');
    assert.equal(byPath['政策解读'].cycleDays, 30);
    assert.equal(byPath['空栏目一'].state, 'empty');
    assert.equal(byPath['空栏目二'].state, 'empty');
    assert.equal(byPath['空栏目二'].items, 0);
    assert.deepEqual(a.counts, { empty: 2, dueSoon: 1, stale: 1, ok: 2 });
    assert.equal(a.homeLastUpdated, '2024-03-01');
    assert.equal(a.homeDaysAgo, 3);
    assert.deepEqual(a.failures, []);
    assert.deepEqual(a.offices.find((o: any) => o.office === '综合科'), { office: '综合科', columns: 2, dueSoon: 0, stale: 1 });
    assert.deepEqual(a.offices.find((o: any) => o.office === '审批一科'), { office: '审批一科', columns: 2, dueSoon: 1, stale: 0 });

    // A wider warning window turns 政策解读 (due 03-31) yellow.
    const wide = json(await t.call(t.tester, 'GET', `/api/agencies/${t.bureauId}/portal-readiness?warnDays=30`));
    assert.equal(wide.warnDays, 30);
    assert.equal(wide.agencies[0].columns.find((c: any) => c.path === '政策解读').state, 'due-soon');
  });

  test('a supervisor sees the subtree; someone of the bureau only the bureau', async () => {
    await createTestUser(t.db.db, 'r-sup', ['supervisor'], t.governmentId, { subtree: true });
    const sup = await signIn(t.app, 'r-sup');
    const tree = json(await t.call(sup, 'GET', `/api/agencies/${t.governmentId}/portal-readiness?subtree=true`));
    assert.deepEqual(tree.agencies.map((a: any) => a.agencyId).sort(), [t.governmentId, t.bureauId].sort());
    const gov = tree.agencies.find((a: any) => a.agencyId === t.governmentId);
    assert.equal(gov.columns.length, 0);
    assert.match(gov.failures.join(), /门户从未发布信息/);
    // Without subtree: the agency alone.
    assert.equal(json(await t.call(sup, 'GET', `/api/agencies/${t.governmentId}/portal-readiness`)).agencies.length, 1);
    // The bureau's drafter may not read the government's.
    const denied = await t.call(t.people.drafter, 'GET', `/api/agencies/${t.governmentId}/portal-readiness?subtree=true`);
    assert.equal(denied.statusCode, 403);
  });

  test('bad input: unknown agency 404, bad warnDays 400 with a Chinese message', async () => {
    const unknown = await t.call(t.tester, 'GET', '/api/agencies/999999/portal-readiness');
    assert.ok([403, 404].includes(unknown.statusCode), unknown.body);
    for (const bad of ['-1', '1000', 'abc']) {
      const res = await t.call(t.tester, 'GET', `/api/agencies/${t.bureauId}/portal-readiness?warnDays=${bad}`);
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, /[\u4e00-\u9fa5]/);
    }
    // A column's own cycle must be a whole number of days; nothing is stored otherwise.
    for (const updateCycleDays of [0, 1.5, '十四', 99999]) {
      const res = await t.call(t.tester, 'POST', `/api/agencies/${t.bureauId}/catalogue/nodes`, { parentId: null, name: '坏周期', details: { updateCycleDays } });
      assert.equal(res.statusCode, 400, res.body);
      assert.match(json(res).message, /更新周期应为 1 至 3660 之间的整数天数/);
    }
    assert.equal((await t.db.db.selectFrom('catalogue_nodes').select('id').where('name', '=', '坏周期').execute()).length, 0);
  });
});
