/**
 * Server entry point: configuration → personal-data key → database → migrations → encryption of applicant rows
 * still in plaintext (needs the key, so not a migration) → demo data and working-day calendar
 * (empty database only) → HTTP app → listen. Stops cleanly on SIGINT/SIGTERM (requests in flight
 * finish, the database is closed). A bad configuration stops it at once with a message naming the variable.
 */
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { preparePiiStorage } from './applications/applicant-encryption.js';
import { ensureCalendar } from './calendar/calendar-seed.js';
import { loadConfig } from './config.js';
import { systemClock } from './core/clock.js';
import { openDatabase } from './db/database.js';
import { migrate } from './db/migrations.js';
import { ensureDemoData } from './demo/seed-demo.js';
import { buildApp, defaultAdminDir } from './http/app.js';
import { requestLogSerializer } from './http/log-redaction.js';
import { loadPiiCipher } from './security/pii-key.js';
import { userService } from './auth/user.service.js';

/**
 * What the server prints when the database has no user at all (an installation from before sign-in
 * existed, or one whose demo data was not loaded): nobody can sign in, so the first administrator is
 * created on the server's command line.
 */
export const FIRST_ADMIN_HINT = [
  '尚无任何用户，无法登录。请在服务器上用命令行创建第一个安全管理员（初始密码只显示一次，首次登录时须修改）：',
  '  gongkai user add --login admin --name 姓名 --agency 机关名称 --role security-admin --subtree',
  '再由安全管理员登录管理界面添加其他用户并授予角色；gongkai user --help 查看说明。',
].join('\n');

/** Starts the server and returns a function that stops it. */
export async function startServer(env: NodeJS.ProcessEnv = process.env): Promise<{ url: string; noUsers: boolean; stop: () => Promise<void> }> {
  const config = loadConfig(env);
  const { cipher: pii, source: keySource } = loadPiiCipher(config);
  const db = await openDatabase(config);
  let noUsers: boolean;
  try {
    await migrate(db.db);
    await preparePiiStorage(db.db, pii);
    await ensureDemoData(db.db, systemClock, { disclosureYear: true, generatedItems: 200, draftReport: true, matters: true });
    await ensureCalendar(db.db, systemClock);
    noUsers = await userService(db.db, systemClock).isEmpty();
  } catch (e) {
    await db.close();
    throw e;
  }
  const app = await buildApp({ db, clock: systemClock, pii, settings: { feeStopsClock: config.feeStopsClock }, security: config.security, site: config.site, logger: { level: env.LOG_LEVEL ?? 'info', serializers: { req: requestLogSerializer } } });
  if (keySource === 'generated-file') {
    // The path only, never the key: without this file the encrypted personal data cannot be read.
    app.log.warn(`已生成个人信息加密密钥文件 ${config.piiKeyFile}，请与数据库分开妥善备份。Generated the personal-data key file; back it up apart from the database.`);
  }
  // Close the database after the last request has finished.
  app.addHook('onClose', async () => db.close());
  await app.listen({ port: config.port, host: config.host });
  // HOST=:: listens on IPv6 (and IPv4 where the system maps it): 本站支持IPv6.
  const shownHost = config.host === '0.0.0.0' ? '127.0.0.1' : config.host === '::' ? '::1' : config.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.port}/`;
  return { url, noUsers, stop: () => app.close() };
}

async function main(): Promise<void> {
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer();
  } catch (e) {
    console.error(`公开 Gongkai 启动失败：${(e as Error).message}`);
    process.exit(1);
  }
  console.log(`公开 Gongkai 已启动：${server.url}`);
  const admin = existsSync(defaultAdminDir()) ? `  ·  管理界面 ${server.url}admin/` : '';
  console.log(`  公开门户 ${server.url}  ·  接口文档 ${server.url}docs${admin}`);
  if (server.noUsers) console.log(FIRST_ADMIN_HINT);
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在停止…`);
    server.stop().then(
      () => process.exit(0),
      (e) => {
        console.error(`停止时出错：${(e as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

// Run only when executed directly (tsx src/server.ts), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
