import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'node:test';
import { forEachDialect } from '../../test/db-helpers.js';
import { openSqlite } from './database.js';
import { migrate } from './migrations.js';
import { nextNumber, peekNumber } from './sequences.js';

forEachDialect('number sequences', (ctx) => {
  it('hands out 1, 2, 3 … to concurrent transactions, never the same number twice', async () => {
    const { db } = ctx;
    let starts = 0;
    const start = async () => {
      starts++;
      return 1;
    };
    const numbers = await Promise.all(Array.from({ length: 30 }, () => db.transaction().execute((trx) => nextNumber(trx, 'test:a', start))));
    assert.deepEqual([...numbers].sort((a, b) => a - b), Array.from({ length: 30 }, (_, i) => i + 1));
    assert.ok(starts >= 1);
    assert.equal(await peekNumber(db, 'test:a'), 31);
  });

  it('starts a new scope where told, and a rolled-back transaction gives its number back', async () => {
    const { db } = ctx;
    assert.equal(await peekNumber(db, 'test:b'), null);
    assert.equal(await db.transaction().execute((trx) => nextNumber(trx, 'test:b', 42)), 42);
    await assert.rejects(db.transaction().execute(async (trx) => {
      assert.equal(await nextNumber(trx, 'test:b'), 43);
      throw new Error('rolled back');
    }), /rolled back/);
    assert.equal(await db.transaction().execute((trx) => nextNumber(trx, 'test:b')), 43);
  });
});

forEachDialect('SQLite write transactions', (ctx) => {
  it('wait for another process holding the write lock instead of failing with SQLITE_BUSY', { skip: ctx.dialect !== 'sqlite' ? 'SQLite only' : false }, async () => {
    // A file of our own, shared with a second process (as a CLI command beside the server).
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-busy-'));
    const path = join(dir, 'db.sqlite');
    const ours = openSqlite(path);
    try {
      await migrate(ours.db);
      await ours.db.transaction().execute((trx) => nextNumber(trx, 'busy'));
      const child = spawn(process.execPath, ['-e', `
        const db = new (require('better-sqlite3'))(${JSON.stringify(path)});
        db.pragma('busy_timeout = 5000');
        db.exec('begin immediate');
        db.prepare("update number_sequences set next = next + 1 where scope = 'busy'").run();
        process.stdout.write('locked\\n');
        setTimeout(() => { db.exec('commit'); db.close(); }, 400);
      `], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve(); });
        child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
      });
      // Read, then write: with a deferred BEGIN the write would fail (SQLITE_BUSY_SNAPSHOT) once the other commits.
      const taken = await ours.db.transaction().execute(async (trx) => {
        await trx.selectFrom('number_sequences').selectAll().execute();
        return nextNumber(trx, 'busy');
      });
      assert.equal(taken, 3, 'after the other process’s number');
      await new Promise((resolve) => child.once('close', resolve));
    } finally {
      await ours.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
