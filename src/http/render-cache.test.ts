import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSeedReport } from '../demo/seed-demo.js';
import { createRenderCache } from './render-cache.js';

test('a report version is rendered once; another version or type is a new file; the oldest is dropped', async () => {
  const cache = createRenderCache(2);
  const doc = loadSeedReport();
  const a = cache.get({ id: 1, version: 1 }, doc, 'json');
  assert.equal(cache.get({ id: 1, version: 1 }, doc, 'json'), a, 'the same promise: one render');
  const changed = { ...doc, title: '改过的标题' };
  const b = await cache.get({ id: 1, version: 2 }, changed, 'json');
  assert.equal(JSON.parse(b.body.toString('utf8')).title, '改过的标题');
  assert.equal(JSON.parse((await a).body.toString('utf8')).title, doc.title);
  await cache.get({ id: 1, version: 2 }, changed, 'html');
  // Capacity 2: version 1's JSON was the least recently used and is gone.
  assert.notEqual(cache.get({ id: 1, version: 1 }, doc, 'json'), a);
});
