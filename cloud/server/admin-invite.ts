import { loadConfig } from '../config';
import { openDatabase } from '../db/engine';
import { migrate } from '../db/migrate';
import { createInvite } from '../domain/accounts/invites';
import { createClock } from '../domain/clock';
import { toIso } from '../domain/time';

/**
 * `npm run admin:invite -- --org <org id or name> [--hours N]`: prints a one-time admin
 * invitation for any org — how the very first admin of a deployment gets in (later admins are
 * invited by an admin in the console). Uses the same database settings as the server (DATA_DIR or
 * DATABASE_URL); with PGlite the server must be stopped first (one process per data directory).
 */
export function parseArgs(argv: string[]): { org: string; hours: number | null } {
  let org = '';
  let hours: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = inline ?? argv[i + 1];
    if (flag === '--org') org = value ?? '';
    else if (flag === '--hours') hours = Number(value);
    else throw new Error(`未知的参数: ${argv[i]}`);
    if (inline === undefined) i++;
  }
  if (!org.trim()) throw new Error('请用 --org 指定工会组织的编号或名称');
  if (hours !== null && !(Number.isInteger(hours) && hours > 0 && hours <= 24 * 30)) throw new Error('--hours 应为 1 到 720 之间的整数');
  return { org: org.trim(), hours };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const config = loadConfig();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 1 });
  try {
    await migrate(database.db);
    const byId = /^[1-9][0-9]{0,17}$/.test(args.org);
    const org = await database.db
      .selectFrom('orgs')
      .select(['id', 'name'])
      .where(byId ? 'id' : 'name', '=', args.org)
      .executeTakeFirst();
    if (!org) {
      const names = await database.db.selectFrom('orgs').select(['id', 'name']).orderBy('id').execute();
      throw new Error(`没有这个工会组织: ${args.org}\n可选: ${names.map((o) => `${o.id} ${o.name}`).join('；') || '（数据库中还没有工会组织）'}`);
    }
    const now = createClock(config.clockOffsetMinutes).now();
    const invite = await createInvite(database.db, now, null, org.id, args.hours ?? config.inviteTtlHours);
    console.log(`工会组织: ${invite.orgName}（编号 ${invite.orgId}）`);
    console.log(`管理员邀请码: ${invite.code}`);
    console.log(`有效期至: ${toIso(invite.expiresAt)}`);
    console.log(`小程序页面: ${invite.url.slice(1)}`);
    console.log('在小程序「我的」→「接受管理员邀请」中输入邀请码（仅可使用一次）。');
  } finally {
    await database.close();
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
