import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { HTTP_STATUS, type Envelope, type UploadResult } from '../contract';
import type { Services } from '../functions/context';

/** Photos of needs and service records: images only, at most 5 MB each. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The real type comes from the first bytes, not from the file name or the declared type. */
export function sniffImage(buf: Buffer): { mime: string; ext: string } | null {
  if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return { mime: 'image/jpeg', ext: 'jpg' };
  if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return { mime: 'image/png', ext: 'png' };
  if (buf.length >= 6 && /^GIF8[79]a$/.test(buf.subarray(0, 6).toString('latin1'))) return { mime: 'image/gif', ext: 'gif' };
  if (buf.length >= 12 && buf.subarray(0, 4).toString('latin1') === 'RIFF' && buf.subarray(8, 12).toString('latin1') === 'WEBP') return { mime: 'image/webp', ext: 'webp' };
  return null;
}

const fail = (code: 'VALIDATION' | 'UNAUTHENTICATED', message: string): Envelope<never> => ({
  ok: false,
  error: { code, message, ...(code === 'VALIDATION' ? { fields: { file: message } } : {}) },
});

/**
 * `POST /api/upload` (multipart, field `file`, logged in) stores a photo content-addressed under
 * `uploadsDir` and answers `{id, url}`; `GET /uploads/<id>` serves it. On weapp photos go to
 * CloudBase storage instead and orders carry the `cloud://` file id.
 */
export async function registerUploads(app: FastifyInstance, services: Services, uploadsDir: string, callerOf: (h?: string) => string | null) {
  fs.mkdirSync(uploadsDir, { recursive: true });
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 } });

  app.post('/api/upload', async (req, reply) => {
    const send = (env: Envelope<unknown>) => reply.code(env.ok ? 200 : HTTP_STATUS[env.error.code]).send(env);
    const userId = callerOf(req.headers.authorization);
    if (!userId) return send(fail('UNAUTHENTICATED', '请先登录'));
    if (!req.isMultipart()) return send(fail('VALIDATION', '请以 multipart/form-data 上传图片（字段名 file）'));
    let buf: Buffer;
    try {
      const file = await req.file();
      if (!file) return send(fail('VALIDATION', '没有收到图片'));
      buf = await file.toBuffer();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'FST_REQ_FILE_TOO_LARGE') return send(fail('VALIDATION', '图片不能超过 5 MB'));
      return send(fail('VALIDATION', '上传内容不完整，请重试'));
    }
    const kind = sniffImage(buf);
    if (!kind) return send(fail('VALIDATION', '只能上传 JPG、PNG、GIF 或 WebP 图片'));
    const id = `${createHash('sha256').update(buf).digest('hex')}.${kind.ext}`;
    const target = path.join(uploadsDir, id);
    if (!fs.existsSync(target)) {
      // Write then rename: a crash mid-write never leaves a half file under the final name.
      const tmp = `${target}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, buf);
      fs.renameSync(tmp, target);
    }
    await services.db
      .insertInto('uploads')
      .values({ id, user_id: userId, mime: kind.mime, bytes: buf.length, created_at: services.clock.now() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    const data: UploadResult = { id, url: `/uploads/${id}` };
    return send({ ok: true, data });
  });

  app.get<{ Params: { name: string } }>('/uploads/:name', async (req, reply) => {
    const m = /^([a-f0-9]{64})\.(jpg|png|gif|webp)$/.exec(req.params.name);
    const file = m ? path.join(uploadsDir, req.params.name) : null;
    if (!file || !fs.existsSync(file)) return reply.code(404).type('text/plain; charset=utf-8').send('图片不存在');
    const mime = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' }[m![2] as 'jpg'];
    return reply.type(mime).header('cache-control', 'public, max-age=31536000, immutable').send(fs.createReadStream(file));
  });
}
