/**
 * gongkai catalogue show | apply-template against a fresh SQLite data directory (the demo bureau has the seed
 * catalogue applied and nothing published yet): the tree as text, a template merged by name, bad input with
 * exit code 2 and a Chinese message.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEMO_AGENCY, gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

describe('gongkai catalogue', () => {
  const { data } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path);

  it('shows the demo bureau\'s catalogue with the Art. 20 ties, and reports that none is published', async () => {
    const shown = await run('catalogue', 'show', '--agency', DEMO_AGENCY);
    assert.equal(shown.code, 0, shown.stderr);
    assert.match(shown.stdout, /^威海市环翠区行政审批服务局 主动公开基本目录（编辑中）$/m);
    assert.match(shown.stdout, /^\[\d+\] 政策法规 {2}〔条例第二十条（一）〕$/m);
    assert.match(shown.stdout, /^ {2}\[\d+\] 行政规范性文件 {2}〔条例第二十条（一）〕$/m);
    const published = await run('catalogue', 'show', '--agency', DEMO_AGENCY, '--published');
    assert.match(published.stdout, /主动公开基本目录尚未发布/);
  });

  it('applies the basic-26 template (merged by name) and refuses an unknown template or a missing agency', async () => {
    const applied = await run('catalogue', 'apply-template', '--agency', '环翠区人民政府', '--template', 'basic-26');
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /已为环翠区人民政府套用“基层政务公开标准目录（26个试点领域）”：新增 \d+ 个类目。/);
    const again = await run('catalogue', 'apply-template', '--agency', '环翠区人民政府', '--template', 'basic-26');
    assert.match(again.stdout, /新增 0 个类目，保留同名类目 \d+ 个/);
    const details = await run('catalogue', 'show', '--agency', '环翠区人民政府', '--details');
    assert.match(details.stdout, /^ {6}公开时限：信息形成或者变更之日起20个工作日内$/m);

    const unknown = await run('catalogue', 'apply-template', '--agency', '环翠区人民政府', '--template', 'x');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /模板“x”不存在/);
    assert.ok(!hasStackTrace(unknown.stderr));
    const missing = await run('catalogue', 'show');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /缺少选项 --agency/);
  });
});
