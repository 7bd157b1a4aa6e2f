import { z } from 'zod';
import { idSchema, lineText, multilineText } from './common';

/** 'YYYY-MM-DD' (a Shanghai day). */
const day = z.string({ error: '日期格式应为 YYYY-MM-DD' }).regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');

/** Inputs of issue 12's actions (the functions pick them up next to their other actions). */
export const trustInput = {
  /** order.checkInCode: the requester's phone asks once for what it derives the codes from. */
  checkInCode: z.object({ id: idSchema }).strict(),
  /** task.handBack: an accepted volunteer who cannot come. */
  handBack: z
    .object({ id: idSchema, reason: multilineText('请填写原因').trim().min(2, '请填写交还原因（至少 2 个字）').max(200, '原因最多 200 字') })
    .strict(),
  /** task.certificate: a period of whole Shanghai days, `to` included. */
  certificate: z.object({ from: day, to: day }).strict(),
  /** catalog.verifyCertificate (public). */
  verifyCertificate: z.object({ code: lineText('请填写验证码').trim().min(1, '请填写验证码').max(40, '验证码不正确') }).strict(),
};

/** `task.checkIn`'s code: 6 digits typed, or what the QR holds. */
export const checkInCodeField = lineText('签到码应为 6 位数字').trim().max(80, '签到码不正确');

/** What the requester's phone needs to show the rotating check-in code without a network. */
export interface CheckInCodeAnswer {
  orderId: string;
  /** Hex; never sent to anyone but the requester. */
  secret: string;
  periodSeconds: number;
  digits: number;
  /** The server's clock when answering: the phone corrects its own by the difference. */
  serverTime: string;
  /** Until when the code is shown (the end of the booked time). */
  until: string;
}

/** One month of a certificate (Shanghai, 'YYYY-MM'). */
export interface CertificateMonth {
  month: string;
  lectures: number;
  services: number;
  peopleServed: number;
  hours: number;
}

/** The figures a certificate states; `catalog.verifyCertificate` answers exactly these. */
export interface CertificateFigures {
  code: string;
  name: string;
  org: string | null;
  team: string | null;
  /** The union that issues it: the volunteer's org. */
  issuer: string;
  from: string;
  to: string;
  issuedAt: string;
  lectures: number;
  services: number;
  peopleServed: number;
  hours: number;
  byMonth: CertificateMonth[];
}

/** `task.certificate`: the PDF (base64) and what it states. */
export interface CertificateFile {
  filename: string;
  mime: 'application/pdf';
  base64: string;
  bytes: number;
  /** The public page the QR points to. */
  verifyUrl: string;
  figures: CertificateFigures;
}
