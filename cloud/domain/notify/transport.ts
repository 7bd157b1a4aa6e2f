/**
 * The last step of sending a subscribe message. Everything before it (claiming the row, the
 * template, the credit, the exact request) is the same code on every platform; only this call
 * differs: WeChat's open API on CloudBase, a recorder locally.
 * The request is in the outbox row either way (`request`).
 */
export interface SendRequest {
  touser: string;
  templateId: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogramState: 'formal' | 'trial' | 'developer';
  lang: 'zh_CN';
}

/** `ok`, or WeChat's error code and message (a thrown error without a code is a transport failure). */
export type SendResult = { ok: true } | { ok: false; code: number | null; message: string };

export interface Transport {
  /** 'wechat' or 'local': written on each row it sent. */
  name: string;
  /** WeChat needs the recipient's OPENID; the local recorder also takes users who never opened the mini-program. */
  needsOpenid: boolean;
  send(req: SendRequest): Promise<SendResult>;
}

/** The part of wx-server-sdk the sender uses. */
export interface WxOpenApi {
  openapi: { subscribeMessage: { send(req: SendRequest): Promise<unknown> } };
}

/**
 * CloudBase: `cloud.openapi.subscribeMessage.send` (the function needs the
 * `subscribeMessage.send` open-API permission in its config.json, else -604101). The SDK throws
 * `{errCode, errMsg}` on a WeChat error.
 */
export function wechatTransport(cloud: WxOpenApi): Transport {
  return {
    name: 'wechat',
    needsOpenid: true,
    async send(req) {
      try {
        await cloud.openapi.subscribeMessage.send(req);
        return { ok: true };
      } catch (err) {
        const e = err as { errCode?: unknown; errcode?: unknown; errMsg?: unknown; message?: unknown };
        const code = Number(e?.errCode ?? e?.errcode);
        return { ok: false, code: Number.isFinite(code) ? code : null, message: String(e?.errMsg ?? e?.message ?? err) };
      }
    },
  };
}

/**
 * Locally there is no WeChat: the request is kept (on the outbox row, and in `sent` for a test or
 * a log) and counts as sent.
 */
export function localTransport(): Transport & { sent: SendRequest[] } {
  const sent: SendRequest[] = [];
  return {
    name: 'local',
    needsOpenid: false,
    sent,
    async send(req) {
      sent.push(req);
      if (sent.length > 200) sent.shift(); // a long-running local server keeps only the latest
      return { ok: true };
    },
  };
}
