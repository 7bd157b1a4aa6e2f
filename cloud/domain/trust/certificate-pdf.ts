import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CertificateFigures } from '../../contract';
import { dayjs, ZONE } from '../time';

/** Noto Sans SC (SIL Open Font License) from @embedpdf/fonts-sc; pdfkit embeds only the glyphs used. */
export const CERTIFICATE_FONT = 'NotoSansHans-Regular.otf';

/**
 * Where the font is: next to the bundled cloud function (build:cloud copies it into the folder
 * CloudBase uploads), else in the npm package.
 */
export function certificateFontPath(): string {
  const bundled = path.join(__dirname, 'fonts', CERTIFICATE_FONT);
  if (fs.existsSync(bundled)) return bundled;
  // The package exports only its index; its fonts folder sits beside dist/.
  // (createRequire: esbuild leaves it to run time instead of trying to bundle the package.)
  return path.join(path.dirname(createRequire(__filename).resolve('@embedpdf/fonts-sc')), '..', 'fonts', CERTIFICATE_FONT);
}

let fontBytes: Buffer | null = null;
const font = () => (fontBytes ??= fs.readFileSync(certificateFontPath()));

const day = (d: string) => dayjs.tz(d, ZONE).format('YYYY年M月D日');
const month = (m: string) => `${Number(m.slice(0, 4))}年${Number(m.slice(5))}月`;

/** A4, one page for up to about 24 months (the table continues on the next page beyond). */
export async function renderCertificatePdf(f: CertificateFigures, opts: { verifyUrl: string; code: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    // The CJK font from the start: pdfkit's default Helvetica would read AFM files a bundle lacks.
    font: font(),
    info: { Title: '志愿服务时长证明', Author: f.issuer, Subject: `${f.name} ${f.from} 至 ${f.to}`, Producer: '劳模工匠点单' },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.fillColor('#c8161d').fontSize(26).text('志愿服务时长证明', left, 72, { align: 'center', width });
  doc.fillColor('#666666').fontSize(10).text(`证明编号：${opts.code}`, left, 112, { align: 'center', width });

  const who = [f.org, f.team].filter(Boolean).join(' · ');
  doc.fillColor('#222222').fontSize(13).text(
    `兹证明 ${f.name} 同志${who ? `（${who}）` : ''}于 ${day(f.from)} 至 ${day(f.to)} 期间参加劳模工匠志愿服务，` +
      `完成宣讲 ${f.lectures} 场、技术服务 ${f.services} 次，服务群众 ${f.peopleServed} 人次，累计志愿服务时长 ${f.hours} 小时。`,
    left, 150, { width, lineGap: 6 },
  );

  // The months, as a table.
  const cols = [{ t: '月份', w: 0.28 }, { t: '宣讲（场）', w: 0.17 }, { t: '技术服务（次）', w: 0.2 }, { t: '服务人次', w: 0.17 }, { t: '时长（小时）', w: 0.18 }];
  const rowH = 22;
  let y = doc.y + 22;
  const row = (cells: string[], head = false) => {
    if (y > doc.page.height - 220) {
      doc.text('', left, 0); // pdfkit adds a page when text runs past the bottom
      y = doc.page.margins.top;
    }
    if (head) doc.rect(left, y, width, rowH).fill('#f6e7e7');
    let x = left;
    doc.fillColor(head ? '#c8161d' : '#222222').fontSize(10.5);
    cells.forEach((c, i) => {
      doc.text(c, x + 6, y + 5, { width: cols[i].w * width - 12, align: i === 0 ? 'left' : 'right' });
      x += cols[i].w * width;
    });
    doc.strokeColor('#e2d4d4').lineWidth(0.5).moveTo(left, y + rowH).lineTo(left + width, y + rowH).stroke();
    y += rowH;
  };
  row(cols.map((c) => c.t), true);
  if (f.byMonth.length === 0) row(['期间内无已完成的服务', '0', '0', '0', '0']);
  for (const m of f.byMonth) row([month(m.month), String(m.lectures), String(m.services), String(m.peopleServed), String(m.hours)]);
  row(['合计', String(f.lectures), String(f.services), String(f.peopleServed), String(f.hours)]);

  doc.fillColor('#666666').fontSize(9.5).text('时长仅计已完成并提交服务记录的订单，以服务记录中的实际时间计算（不超过预约时长）。', left, y + 10, { width });

  // Issuer, date, and the QR to the public verification page.
  const bottom = Math.max(y + 50, doc.page.height - 230);
  doc.fillColor('#222222').fontSize(12).text(`出具单位：${f.issuer}`, left, bottom + 20, { width: width - 150 });
  doc.text(`出具日期：${dayjs(f.issuedAt).tz(ZONE).format('YYYY年M月D日')}`, left, bottom + 44, { width: width - 150 });
  doc.fillColor('#666666').fontSize(9).text(`扫描右侧二维码或访问 ${opts.verifyUrl} 核验本证明（证明编号 ${opts.code}），核验结果与本证明所列数据一致即为真实。`, left, bottom + 76, { width: width - 160, lineGap: 3 });
  drawQr(doc, opts.verifyUrl, left + width - 120, bottom + 10, 120);

  doc.end();
  return done;
}

/** The QR as filled squares: vector, sharp at any zoom, a few hundred bytes. */
function drawQr(doc: PDFDocument, text: string, x: number, y: number, size: number) {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 2);
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) if (qr.modules.get(r, c) === 1) doc.rect(x + (c + 1) * cell, y + (r + 1) * cell, cell, cell);
  }
  doc.fill('#000000');
}
