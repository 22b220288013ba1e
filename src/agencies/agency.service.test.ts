import { operator } from '../core/actor.js';
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { fixedClock } from '../core/clock.js';
import { ConflictError, NotFoundError, ValidationError } from '../core/errors.js';
import { agencyService } from './agency.service.js';

const clock = fixedClock('2024-02-01T08:00:00.000Z');

forEachDialect('agencyService', (ctx) => {
  it('builds a tree: a government, its department and the department’s unit', async () => {
    const agencies = agencyService(ctx.db, clock);
    const gov = await agencies.create({ name: '某县人民政府', kind: 'government' }, operator('test'));
    const dept = await agencies.create({ name: '某县教育局', kind: 'department', parentId: gov.id }, operator('test'));
    const unit = await agencies.create({ name: '某县教育局教研室', kind: 'unit', parentId: dept.id }, operator('test'));
    assert.deepEqual(gov, { id: gov.id, name: '某县人民政府', parentId: null, kind: 'government', createdAt: '2024-02-01T08:00:00.000Z' });
    assert.equal(dept.parentId, gov.id);
    assert.equal(unit.parentId, dept.id);
    const listed = (await agencies.list()).filter((a) => a.name.startsWith('某县'));
    assert.deepEqual(listed.map((a) => a.name), ['某县人民政府', '某县教育局', '某县教育局教研室']);
    const tree = (await agencies.tree()).find((n) => n.id === gov.id)!;
    assert.equal(tree.children.length, 1);
    assert.equal(tree.children[0]!.name, '某县教育局');
    assert.deepEqual(tree.children[0]!.children.map((c) => c.name), ['某县教育局教研室']);
    assert.deepEqual(await agencies.get(dept.id), dept);
  });

  it('resolves by id or exact name, and names the unknown agency', async () => {
    const agencies = agencyService(ctx.db, clock);
    const a = await agencies.create({ name: '某市财政局', kind: 'department' }, operator('test'));
    assert.deepEqual(await agencies.resolve(String(a.id)), a);
    assert.deepEqual(await agencies.resolve('  某市财政局 '), a);
    await assert.rejects(agencies.resolve('某市财政'), (e: unknown) =>
      e instanceof NotFoundError && e.code === 'NOT_FOUND' && e.message === '未找到机关：某市财政');
    await assert.rejects(agencies.resolve('999999'), (e: unknown) => e instanceof NotFoundError && e.message === '未找到机关：999999');
    await assert.rejects(agencies.get(999999), NotFoundError);
  });

  it('validates new agencies and refuses duplicate names', async () => {
    const agencies = agencyService(ctx.db, clock);
    const gov = await agencies.create({ name: '某镇人民政府', kind: 'government' }, operator('test'));
    const dept = await agencies.create({ name: '某镇经济发展办公室', kind: 'department', parentId: gov.id }, operator('test'));
    const field = (name: string) => (e: unknown) => e instanceof ValidationError && e.details.place?.field === name;
    await assert.rejects(agencies.create({ name: '   ', kind: 'department' }, operator('test')), field('name'));
    await assert.rejects(agencies.create({ name: '某局', kind: 'bureau' as never }, operator('test')), field('kind'));
    await assert.rejects(agencies.create({ name: '某局', kind: 'department', parentId: 987654 }, operator('test')), field('parentId'));
    await assert.rejects(agencies.create({ name: '某单位', kind: 'unit' }, operator('test')), field('parentId'));
    await assert.rejects(agencies.create({ name: '某科', kind: 'department', parentId: dept.id }, operator('test')), field('parentId'));
    await assert.rejects(agencies.create({ name: ' 某镇人民政府', kind: 'government' }, operator('test')), (e: unknown) =>
      e instanceof ConflictError && e.code === 'AGENCY_EXISTS' && e.message.includes('某镇人民政府'));
    assert.equal((await agencies.list()).filter((a) => a.name.startsWith('某')).every((a) => a.name !== '某局'), true);
  });

  it('reports an empty database as empty', async () => {
    const fresh = await ctx.fresh();
    assert.equal(await agencyService(fresh.db, clock).isEmpty(), true);
    await agencyService(fresh.db, clock).create({ name: '甲', kind: 'government' }, operator('test'));
    assert.equal(await agencyService(fresh.db, clock).isEmpty(), false);
  });
});
