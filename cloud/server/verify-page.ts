import type { FastifyInstance } from 'fastify';
import { AppError, type CertificateFigures } from '../contract';
import { formatCode, verifyCertificate } from '../domain/trust/certificate';
import type { Services } from '../functions/context';
import { dayjs, ZONE } from '../domain/time';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const day = (d: string) => dayjs.tz(d, ZONE).format('YYYY年M月D日');

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${esc(title)}</title><style>body{font-family:system-ui,sans-serif;max-width:640px;margin:24px auto;padding:0 16px;color:#222}` +
    `h1{color:#c8161d;font-size:22px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #eee;padding:6px;text-align:right}` +
    `td:first-child,th:first-child{text-align:left}.ok{color:#1a8f3c;font-weight:600}.muted{color:#888;font-size:13px}</style></head><body>${body}</body></html>`;
}

/** The certificate as issued: the same figures catalog.verifyCertificate answers, nothing else. */
export function verifyHtml(f: CertificateFigures): string {
  const rows = f.byMonth.map((m) => `<tr><td>${esc(m.month)}</td><td>${m.lectures}</td><td>${m.services}</td><td>${m.peopleServed}</td><td>${m.hours}</td></tr>`).join('');
  return page('志愿服务时长证明核验', `<h1>志愿服务时长证明核验</h1><p class="ok">✓ 证明真实有效</p>` +
    `<p>证明编号：${esc(formatCode(f.code))}</p><p>${esc(f.name)}${f.org ? `（${esc([f.org, f.team].filter(Boolean).join(' · '))}）` : ''}，` +
    `${day(f.from)} 至 ${day(f.to)}：宣讲 ${f.lectures} 场，技术服务 ${f.services} 次，服务 ${f.peopleServed} 人次，累计志愿服务时长 <b>${f.hours}</b> 小时。</p>` +
    `<table><tr><th>月份</th><th>宣讲</th><th>技术服务</th><th>服务人次</th><th>时长（小时）</th></tr>${rows}</table>` +
    `<p>出具单位：${esc(f.issuer)}　出具日期：${dayjs(f.issuedAt).tz(ZONE).format('YYYY年M月D日')}</p>` +
    `<p class="muted">数据来自劳模工匠点单平台的服务记录，与证明开具时一致。</p>`);
}

/** GET /verify/:code — where the certificate's QR points: a school or an employer checks it here. */
export async function registerVerifyPage(app: FastifyInstance, services: Services): Promise<void> {
  app.get<{ Params: { code: string } }>('/verify/:code', async (req, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-store');
    try {
      return verifyHtml(await verifyCertificate(services.db, String(req.params.code).slice(0, 40)));
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') throw err;
      return reply.code(404).send(page('证明不存在', '<h1>未找到该证明</h1><p>请核对证明编号，或联系出具证明的工会。</p>'));
    }
  });
}
