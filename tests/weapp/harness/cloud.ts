import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The cloud side of the phones: `wx.cloud.callFunction` runs the real CloudBase entry of each
 * function (`dist/cloudfunctions/<name>/index.js` from `npm run build:cloud`, its
 * `exports.main(event, context)`) with the real wx-server-sdk reading the caller's OPENID, in a
 * child process that plays the function's container (cloud-container.js); `wx.cloud.uploadFile`
 * stores the bytes in a folder that stands in for cloud storage.
 */
export interface CloudOptions {
  functionsDir: string;
  storageDir: string;
  /** The environment id the app must name in `wx.cloud.init({env})`. */
  envId: string;
  /** The functions' environment variables (DATABASE_URL …), as set in the CloudBase console. */
  env: Record<string, string>;
}

export interface CloudCall {
  openid: string;
  name: string;
  action: unknown;
  ok: boolean;
  code?: string;
}

export class CloudStandIn {
  /** Every call, for tests that check who called what. */
  readonly log: CloudCall[] = [];
  /** What the functions wrote to stdout/stderr (pino JSON lines): their CloudBase log. */
  readonly output: string[] = [];
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private child: ChildProcess | null = null;

  constructor(readonly options: CloudOptions) {
    fs.mkdirSync(options.storageDir, { recursive: true });
  }

  async start(): Promise<void> {
    const child = fork(path.join(__dirname, 'cloud-container.js'), [], {
      env: {
        PATH: process.env.PATH ?? '',
        HARNESS_FUNCTIONS_DIR: this.options.functionsDir,
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
        WX_APPID: 'wx-harness-app',
        TCB_ENV: this.options.envId,
        ...this.options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    const collect = (chunk: Buffer) => this.output.push(...chunk.toString().split('\n').filter(Boolean));
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    child.on('message', (msg: { id?: string; result?: unknown; error?: string }) => {
      if (!msg.id) return;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p?.reject(new Error(msg.error));
      else p?.resolve(msg.result);
    });
    child.on('exit', (code) => {
      for (const p of this.pending.values()) p.reject(new Error(`the function container exited (${code})`));
      this.pending.clear();
    });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('error', reject);
    });
  }

  async call(openid: string, name: string, data: unknown): Promise<{ result: unknown; requestID: string }> {
    if (!this.child) throw new Error('the cloud stand-in is not started');
    if (!fs.existsSync(path.join(this.options.functionsDir, name, 'index.js'))) {
      throw new Error(`FunctionName parameter could not be found: ${name}`);
    }
    const requestID = randomBytes(8).toString('hex');
    const result = await new Promise<unknown>((resolve, reject) => {
      this.pending.set(requestID, { resolve, reject });
      // The event crosses the network as JSON.
      this.child!.send({ id: requestID, requestId: requestID, openid, name, event: JSON.parse(JSON.stringify(data ?? {})) });
    });
    const env = result as { ok?: boolean; error?: { code?: string } };
    this.log.push({ openid, name, action: (data as { action?: unknown })?.action, ok: env?.ok === true, code: env?.error?.code });
    return { result, requestID };
  }

  upload(cloudPath: string, localFile: string): { fileID: string } {
    if (!/^[\w./-]+$/.test(cloudPath) || cloudPath.includes('..')) throw new Error(`invalid cloudPath: ${cloudPath}`);
    const dest = path.join(this.options.storageDir, cloudPath);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    fs.copyFileSync(localFile, dest);
    return { fileID: `cloud://${this.options.envId}.harness/${cloudPath}` };
  }

  /** The stored bytes of a fileID, as the functions could download them. */
  read(fileID: string): Buffer {
    const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileID);
    if (!m) throw new Error(`not a fileID: ${fileID}`);
    return fs.readFileSync(path.join(this.options.storageDir, m[1]!));
  }

  /** Error-level lines the functions logged (an INTERNAL leaves one). */
  errorLines(): string[] {
    return this.output.filter((l) => /"level":(50|60)/.test(l));
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  }
}
