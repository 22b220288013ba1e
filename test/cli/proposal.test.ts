/**
 * gongkai proposal … and gongkai report correct on a fresh SQLite data directory (the demo bureau): register a
 * 人大代表建议, a late answer without its reason refused (exit 2, Chinese, nothing stored), answered with it, the
 * warnings and the counts of section 六; a correction without a reason refused.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gongkai, hasStackTrace, suiteDirs } from './run-gongkai.js';

const BUREAU = '威海市环翠区行政审批服务局';

describe('gongkai proposal', () => {
  const { data } = suiteDirs();
  const run = (...args: string[]) => gongkai(args, data.path);

  it('registers, refuses a late answer without a reason, answers, counts; report correct needs a reason', async () => {
    const reg = await run('proposal', 'register', '-a', BUREAU, '--kind', 'npc', '--source-no', '第 12 号', '--title', '关于延长政务服务大厅午间服务时间的建议',
      '--proposer', '李某代表', '--received-on', '2025-03-03', '--assigned-on', '2025-03-05', '--lead-office', '政务服务科', '--co-office', '办公室');
    assert.equal(reg.code, 0, reg.stderr);
    assert.match(reg.stdout, /已登记 JYTA-2025-0001 人大代表建议第 12 号“关于延长政务服务大厅午间服务时间的建议”（李某代表）：办理中，答复期限 2025-06-05（编号 (\d+)）/);
    const id = /编号 (\d+)）/.exec(reg.stdout)![1]!;
    const reply = join(data.path, 'reply.txt');
    writeFileSync(reply, '李某代表：您提出的建议收悉，现答复如下……');
    const late = await run('proposal', 'answer', '-a', BUREAU, '--id', id, '--answered-on', '2025-06-10', '--reply-file', reply);
    assert.equal(late.code, 2);
    assert.match(late.stderr, /答复日期 2025-06-10 晚于答复期限 2025-06-05，逾期答复须写明逾期理由/);
    assert.ok(!hasStackTrace(late.stderr));
    const answered = await run('proposal', 'answer', '-a', BUREAU, '--id', id, '--answered-on', '2025-06-10', '--reply-file', reply, '--late-reason', '会办单位调研时间较长');
    assert.equal(answered.code, 0, answered.stderr);
    assert.match(answered.stdout, /已答复|2025-06-10 答复（逾期：会办单位调研时间较长）/);
    const counts = await run('proposal', 'counts', '-a', BUREAU, '-y', '2025');
    assert.equal(counts.code, 0, counts.stderr);
    assert.match(counts.stdout, /共承办人大代表建议 1 件、政协提案 0 件，答复人大代表建议 1 件、政协提案 0 件，其中按期答复 0 件/);
    const noReason = await run('report', 'correct', '-a', BUREAU, '-y', '2019');
    assert.equal(noReason.code, 2);
    assert.match(noReason.stderr, /缺少选项 --reason/);
  });
});
