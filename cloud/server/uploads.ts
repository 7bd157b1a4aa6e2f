import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { UPLOAD_QUOTA_DEFAULTS, type UploadQuota } from '../config';
import { HTTP_STATUS, type ApiErrorBody, type Envelope, type UploadResult } from '../contract';
import type { DB } from '../db/schema';
import { resolveCaller } from '../functions/caller';
import type { Caller, Services } from '../functions/context';
import { ImageRejected, reencodeImage } from './image-check';
import { lockUserUploads, quotaExceeded, usageToday, type QuotaExceeded } from './upload-quota';

/** Photos of needs and service records: images only, at most 5 MB each as sent. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/**
 * How a stored upload is served. The bytes are re-encoded pixels, but they are still served from
 * the app's own origin, so a browser must never treat one as a page: no sniffing, no scripts, no
 * plugins, a sandboxed document if opened directly (img-src and inline styles only so the
 * browser's own image viewer still works), and a file name we chose.
 */
export const UPLOAD_RESPONSE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

const SERVED = /^([a-f0-9]{64})\.(jpg|png|gif|webp)$/;
// gif stays servable for photos stored before uploads were re-encoded (new ones become png).
const MIME = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' } as const;

export interface UploadsOptions {
  /** Where the files live (the local server keeps them in DATA_DIR/uploads). */
  dir: string;
  /**
   * Keep the bytes in the database (table upload_blobs) instead of `dir`: with DATABASE_URL,
   * where several server processes share one PostgreSQL and each must serve every photo.
   * Files already in `dir` (stored before) are still served from there.
   */
  inDatabase?: boolean;
  quota?: UploadQuota;
}

type Failure = Pick<ApiErrorBody, 'code' | 'message'> & Partial<ApiErrorBody>;

const invalidFile = (message: string): Failure => ({ code: 'VALIDATION', message, fields: { file: message } });
const overQuota = (over: QuotaExceeded): Failure => ({ code: 'RATE_LIMITED', message: over.message, retryAfter: over.retryAfter });

function send(reply: FastifyReply, env: Envelope<unknown>) {
  if (!env.ok && env.error.retryAfter) reply.header('retry-after', String(env.error.retryAfter));
  return reply.code(env.ok ? 200 : HTTP_STATUS[env.error.code]).header('cache-control', 'no-store').send(env);
}
const refuse = (reply: FastifyReply, error: Failure) => send(reply, { ok: false, error });

/** Write then rename: a crash mid-write never leaves a half file under the final name. */
function writeOnce(target: string, bytes: Buffer) {
  if (fs.existsSync(target)) return;
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, target);
}

/** Where the bytes of one content-addressed upload are kept: written inside the upload's transaction, read to serve it. */
interface BlobStore {
  put(trx: Transaction<DB>, id: string, bytes: Buffer): Promise<void>;
  get(id: string): Promise<Buffer | fs.ReadStream | null>;
}

/** The local disk: the embedded PGlite default, one process per data directory anyway. */
function diskStore(dir: string): BlobStore {
  fs.mkdirSync(dir, { recursive: true });
  return {
    // Inside the transaction: a failed write rolls the row back. A commit failing after the
    // write leaves at most an unreferenced file under its own hash, harmless.
    put: async (_trx, id, bytes) => writeOnce(path.join(dir, id), bytes),
    get: async (id) => {
      const file = path.join(dir, id);
      return fs.existsSync(file) ? fs.createReadStream(file) : null;
    },
  };
}

/**
 * PostgreSQL: the bytes commit with their row, and every process on the database serves them.
 * ON CONFLICT: the same picture uploaded at once through two processes is one blob.
 */
function databaseStore(db: Kysely<DB>, dir: string): BlobStore {
  const disk = diskStore(dir);
  return {
    put: async (trx, id, bytes) => {
      await trx.insertInto('upload_blobs').values({ id, data: bytes }).onConflict((oc) => oc.column('id').doNothing()).execute();
    },
    get: async (id) => {
      const row = await db.selectFrom('upload_blobs').select('data').where('id', '=', id).executeTakeFirst();
      // A photo stored on this machine's disk before the server moved to the database.
      return row?.data ?? disk.get(id);
    },
  };
}

/**
 * `POST /api/upload` (multipart, field `file`, logged in) decodes the photo, stores a fresh
 * encoding of it content-addressed (under `dir`, or in upload_blobs with `inDatabase`) and answers `{id, url}`; `GET /uploads/<id>`
 * serves it. On weapp photos go to CloudBase storage instead and orders carry the `cloud://` id.
 */
export async function registerUploads(app: FastifyInstance, services: Services, opts: UploadsOptions) {
  const store = opts.inDatabase ? databaseStore(services.db, opts.dir) : diskStore(opts.dir);
  const quota = opts.quota ?? UPLOAD_QUOTA_DEFAULTS;
  await app.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 0 } });

  const callers = new WeakMap<FastifyRequest, Caller>();

  app.post('/api/upload', {
    // Who is asking, and whether they have anything left today, is settled in onRequest: before
    // any body parser runs, so a stranger or a user over quota never gets a byte read or written.
    onRequest: async (req, reply) => {
      const caller = await resolveCaller(services, req.headers.authorization);
      if (!caller) return refuse(reply, { code: 'UNAUTHENTICATED', message: '请先登录' });
      const now = services.clock.now();
      const over = quotaExceeded(await usageToday(services.db, caller.userId, now), quota, 1, now);
      if (over) return refuse(reply, overQuota(over));
      callers.set(req, caller);
    },
    handler: async (req, reply) => {
      const caller = callers.get(req)!;
      if (!req.isMultipart()) return refuse(reply, invalidFile('请以 multipart/form-data 上传图片（字段名 file）'));
      let sent: Buffer;
      try {
        const file = await req.file();
        if (!file) return refuse(reply, invalidFile('没有收到图片'));
        sent = await file.toBuffer();
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'FST_REQ_FILE_TOO_LARGE') return refuse(reply, invalidFile('图片不能超过 5 MB'));
        return refuse(reply, invalidFile('上传内容不完整，请重试'));
      }

      let image;
      try {
        image = await reencodeImage(sent);
      } catch (err) {
        if (err instanceof ImageRejected) return refuse(reply, invalidFile(err.message));
        throw err;
      }

      // The id is the hash of what we keep (the re-encoded bytes), not of what was sent.
      const id = `${createHash('sha256').update(image.bytes).digest('hex')}.${image.ext}`;
      const now = services.clock.now();
      const over = await services.db.transaction().execute(async (trx) => {
        await lockUserUploads(trx, caller.userId);
        const known = await trx.selectFrom('uploads').select('id').where('id', '=', id).executeTakeFirst();
        if (!known) {
          const exceeded = quotaExceeded(await usageToday(trx, caller.userId, now), quota, image.bytes.length, now);
          if (exceeded) return exceeded;
        }
        if (!known) {
          await trx
            .insertInto('uploads')
            .values({ id, user_id: caller.userId, mime: image.mime, bytes: image.bytes.length, created_at: now })
            .onConflict((oc) => oc.column('id').doNothing())
            .execute();
        }
        // After the row (upload_blobs references it); again when known, which costs nothing when
        // the bytes are there and restores them if they are not.
        await store.put(trx, id, image.bytes);
        return null;
      });
      if (over) return refuse(reply, overQuota(over));
      const data: UploadResult = { id, url: `/uploads/${id}` };
      return send(reply, { ok: true, data });
    },
  });

  app.get<{ Params: { name: string } }>('/uploads/:name', async (req, reply) => {
    reply.header('x-content-type-options', 'nosniff').header('content-security-policy', UPLOAD_RESPONSE_CSP);
    const m = SERVED.exec(req.params.name);
    const body = m ? await store.get(req.params.name) : null;
    if (!m || !body) return reply.code(404).type('text/plain; charset=utf-8').send('图片不存在');
    return reply
      .type(MIME[m[2] as keyof typeof MIME])
      // The name is our own hex hash and extension: nothing the uploader chose reaches a header.
      .header('content-disposition', `inline; filename="${req.params.name}"`)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(body);
  });
}
