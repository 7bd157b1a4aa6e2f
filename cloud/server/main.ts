import path from 'node:path';
import { loadConfig } from '../config';
import { drainOutbox } from '../domain/notify/sender';
import { sendReminders } from '../domain/notify/reminders';
import { NO_TEMPLATES } from '../domain/notify/templates';
import { localTransport } from '../domain/notify/transport';
import { broadcastTeamOrders, escalateOverdue } from '../domain/orders/sla';
import { foldStatsDeltas } from '../db/repositories/stats';
import { startRuntime } from '../runtime/services';
import { createLogger } from '../runtime/logger';
import { buildServer } from './app';
import { buildH5, h5BuildIsStale } from './h5-build';

/**
 * `npm start`: build H5 if needed, open the database (PGlite in DATA_DIR, or DATABASE_URL),
 * migrate, seed an empty database with the demo data, and serve everything on one port.
 */
async function main() {
  const config = loadConfig();
  const root = path.resolve(__dirname, '../..');
  if (process.env.SKIP_H5_BUILD !== '1' && h5BuildIsStale(root, config.h5Dir)) buildH5(root);

  const log = createLogger(config.logLevel);
  const runtime = await startRuntime(config);
  const { startup } = runtime;
  const app = await buildServer({
    services: runtime.services,
    h5Dir: config.h5Dir,
    uploadsDir: path.join(config.dataDir, 'uploads'),
    // On PostgreSQL several processes may share the database: the photos live there too.
    uploadsInDatabase: startup.engine === 'postgres',
    uploadQuota: config.uploads,
    logger: log,
  });
  await app.listen({ port: config.port, host: config.host });

  const where = startup.engine === 'pglite' ? `PGlite ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)';
  console.log(
    `数据库: ${where}; 迁移 ${startup.migrated.length} 个; ${startup.seeded ? '已载入演示数据' : '沿用已有数据'}; ` +
      `启动用时 ${startup.ms} ms${config.devMode ? '; 开发模式（可快捷登录）' : ''}` +
      (config.clockOffsetMinutes ? `; 时钟偏移 ${config.clockOffsetMinutes} 分钟` : ''),
  );
  if (startup.engine === 'postgres' && !config.sessionSecret) {
    // Several processes on one database each generate their own secret: a login through one fails at the next.
    console.warn('未设置 SESSION_SECRET：会话密钥保存在本机 DATA_DIR 中。多个服务进程共用一个数据库时，请为所有进程设置同一个 SESSION_SECRET，否则在一个进程登录后到另一个进程会失效。');
  }
  console.log(`劳模工匠点单 已启动: http://${config.host}:${config.port}`);

  // No WeChat here: subscribe messages are recorded on their outbox rows and marked sent (local).
  const transport = localTransport();
  // The SLA timer (a CloudBase timer trigger in the cloud): escalate orders nobody answered,
  // then reminders, then the outbox.
  const escalate = async () => {
    try {
      const now = runtime.services.clock.now();
      const ids = await escalateOverdue(runtime.services.db, now);
      if (ids.length) console.log(`已将 ${ids.length} 个超时订单转交管理员`);
      await broadcastTeamOrders(runtime.services.db, now);
      await sendReminders(runtime.services.db, now);
      await drainOutbox(runtime.services.db, now, { ...(runtime.services.notify ?? NO_TEMPLATES), transport });
      await foldStatsDeltas(runtime.services.db);
    } catch (err) {
      log.error({ job: 'timer', err }, '超时检查失败');
    }
  };
  await escalate();
  const timer = setInterval(() => void escalate(), 60_000);
  // SIGUSR2 runs the timer now: an operator's nudge, and how the multi-process test makes three
  // processes tick at the same moment. Each piece of timer work is claimed in the database
  // (guarded UPDATEs, SKIP LOCKED, the outbox's unique key), so any number may run at once.
  process.on('SIGUSR2', () => void escalate().then(() => console.log('定时任务已执行（SIGUSR2）')));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`收到 ${signal}，正在关闭…`);
    clearInterval(timer);
    await app.close();
    await runtime.database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
