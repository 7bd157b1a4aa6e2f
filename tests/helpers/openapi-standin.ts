import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A recording stand-in for WeChat's open API as the real wx-server-sdk reaches it inside a
 * CloudBase function: the SDK's `cloud.openapi.<api>(data)` becomes an HTTP POST (multipart, the
 * request protobuf-encoded) to the TCB gateway, whose address the platform injects through
 * `TCB_CONTEXT_CNFG` {"URL": …}. This server takes that POST, decodes the call, records it and
 * answers as WeChat would ({errcode: 0} or the error `answer` picks). Nothing of ours is replaced:
 * the bundled function and the SDK run as they would in the cloud.
 */
export interface OpenApiCall {
  api: string;
  /** The call's fields as the SDK sent them (snake_case: touser, template_id, page, data…). */
  data: Record<string, unknown>;
}

export type StandInAnswer = { errcode: number; errmsg?: string } | { platformError: number };

export interface OpenApiStandIn {
  calls: OpenApiCall[];
  /** Environment that points wx-server-sdk at this stand-in (set before the bundle's first call). */
  env: Record<string, string>;
  answer: (call: OpenApiCall) => StandInAnswer;
  close(): Promise<void>;
}

// --- the little protobuf the gateway speaks (field numbers from the SDK's protobuf/openapi.js) ---

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return [result, pos];
    shift += 7;
  }
}

/** Fields of one message: number → raw values (varints as numbers, length-delimited as buffers). */
function readFields(buf: Buffer): Map<number, (number | Buffer)[]> {
  const out = new Map<number, (number | Buffer)[]>();
  let pos = 0;
  while (pos < buf.length) {
    let tag: number;
    [tag, pos] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: number | Buffer;
    if (wire === 0) [value, pos] = readVarint(buf, pos);
    else if (wire === 2) {
      let len: number;
      [len, pos] = readVarint(buf, pos);
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else throw new Error(`unexpected protobuf wire type ${wire}`);
    out.set(field, [...(out.get(field) ?? []), value]);
  }
  return out;
}

function varint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n >>> 0 === n ? n : n < 0 ? BigInt.asUintN(64, BigInt(n)) : n;
  if (typeof v === 'bigint') {
    while (v > 0x7fn) {
      bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    bytes.push(Number(v));
  } else {
    while (v > 0x7f) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

const lengthDelimited = (field: number, value: Buffer) => Buffer.concat([varint(field * 8 + 2), varint(value.length), value]);

/** CommApiData{apiType, openapiData{pairs[{key, value}]}} → the call's fields. */
function decodeCall(requestData: Buffer): Record<string, unknown> {
  const comm = readFields(requestData);
  const openapi = readFields(comm.get(2)![0] as Buffer);
  const data: Record<string, unknown> = {};
  for (const pair of (openapi.get(1) ?? []) as Buffer[]) {
    const kv = readFields(pair);
    const key = (kv.get(1)![0] as Buffer).toString('utf8');
    const raw = (kv.get(2)?.[0] as Buffer | undefined)?.toString('utf8') ?? '';
    try {
      data[key] = JSON.parse(raw);
    } catch {
      data[key] = raw;
    }
  }
  return data;
}

/** CommOpenApiResp{respData, contentType} or, for a platform error (e.g. -604101), {errorCode}. */
function encodeAnswer(a: StandInAnswer): Buffer {
  if ('platformError' in a) return Buffer.concat([varint(3 * 8), varint(a.platformError)]);
  const json = Buffer.from(JSON.stringify({ errcode: a.errcode, errmsg: a.errmsg ?? (a.errcode ? 'error' : 'ok') }));
  return Buffer.concat([lengthDelimited(1, json), lengthDelimited(2, Buffer.from('application/json'))]);
}

/** The parts of a multipart/form-data body by name. */
function multipart(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) throw new Error(`not multipart: ${contentType}`);
  const sep = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const parts = new Map<string, Buffer>();
  let start = body.indexOf(sep);
  while (start !== -1) {
    const next = body.indexOf(sep, start + sep.length);
    if (next === -1) break;
    const part = body.subarray(start + sep.length + 2, next - 2); // CRLF after the boundary, before the next
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString('utf8');
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) parts.set(name, part.subarray(headerEnd + 4));
    start = next;
  }
  return parts;
}

export async function startOpenApiStandIn(answer: OpenApiStandIn['answer'] = () => ({ errcode: 0 })): Promise<OpenApiStandIn> {
  const standIn = { calls: [] as OpenApiCall[], answer } as OpenApiStandIn;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const parts = multipart(Buffer.concat(chunks), req.headers['content-type'] ?? '');
        const action = parts.get('action')?.toString('utf8');
        if (action !== 'wx.openApi') throw new Error(`unexpected gateway action ${action}`);
        const call = { api: parts.get('apiName')!.toString('utf8'), data: decodeCall(parts.get('requestData')!) };
        standIn.calls.push(call);
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(encodeAnswer(standIn.answer(call)));
      } catch (err) {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ code: 'SYS_ERR', message: String((err as Error).message) }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  standIn.env = {
    // As inside a CloudBase container: no probing for Tencent Cloud's metadata service.
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: 'test-env',
    TCB_ENV: 'test-env',
    TENCENTCLOUD_SECRETID: 'stand-in-id',
    TENCENTCLOUD_SECRETKEY: 'stand-in-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `http://127.0.0.1:${port}/admin` }),
  };
  standIn.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return standIn;
}
