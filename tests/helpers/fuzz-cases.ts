/**
 * Deterministic bad input for every action of every cloud function (tests/integration/fuzz.test.ts).
 *
 * The fields of an action are read from its zod schema (`def.input._zod.def`), so a new action or
 * field is fuzzed without touching this file. Each case is one request: a valid-looking base
 * input with one thing broken (a field of the wrong type, missing, a control character in it, a
 * megabyte of it, ten thousand levels of nesting in it, a number or date or id no one meant), or
 * a request broken at the HTTP level. Every choice comes from a seeded PRNG: the same seed builds
 * the same cases in the same order, so a failure names a case that can be sent again.
 */
import type { ErrorCode } from '../../cloud/contract';

/** The HTTP body limit of the server (cloud/server/app.ts). */
export const BODY_LIMIT = 1024 * 1024;

export const CATEGORIES = ['control', 'type', 'missing', 'extra', 'string', 'huge', 'nesting', 'number', 'date', 'id', 'raw', 'identity'] as const;
export type Category = (typeof CATEGORIES)[number];

export type Role = 'anonymous' | 'worker' | 'enterprise' | 'volunteer' | 'admin';
export const ROLES: readonly Role[] = ['anonymous', 'worker', 'enterprise', 'volunteer', 'admin'];

/** One request, with everything needed to send it again. */
export interface CaseTemplate {
  category: Category;
  /** The path segment after `/api/`. */
  fn: string;
  /** The action the case is about ('' for whole-function or whole-server cases). */
  action: string;
  /** What is broken, readable in a failure message. */
  label: string;
  /** The request body text; built when sent, since some are a megabyte. */
  body: () => string;
  method?: 'POST' | 'GET' | 'PUT' | 'DELETE';
  /** Path and query after the host, when not `/api/<fn>`. */
  url?: string;
  /** null: no content-type header at all; absent: application/json. */
  contentType?: string | null;
  /** An authorization header of its own (identity cases), instead of the role's session. */
  authorization?: string | null;
  headers?: Record<string, string>;
  /** The codes this case may answer with, where that is known more precisely than "a 4xx". */
  expect?: readonly ErrorCode[];
  /** A whole-body problem: a VALIDATION answer must name `body`, `action` or `data`. */
  wholeBody?: boolean;
  /** The body is a well-formed envelope naming the action: the router reaches access control. */
  reachesAction: boolean;
}

export interface FuzzCase extends CaseTemplate {
  role: Role;
}

// ---- the seeded PRNG ---------------------------------------------------------------------------

export interface Rng {
  /** In [0, 1). */
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
  /** `n` distinct elements in a seeded order (all of them when there are fewer). */
  sample<T>(xs: readonly T[], n: number): T[];
}

/** mulberry32: small, fast, and the same sequence on every platform for the same seed. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (xs) => xs[int(xs.length)],
    sample(xs, n) {
      const copy = [...xs];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy.slice(0, n);
    },
  };
}

/** A seed per name, so adding an action does not reshuffle the cases of the others. */
export function seedFor(seed: number, name: string): number {
  let h = (seed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

// ---- what JSON.stringify cannot write ----------------------------------------------------------

/** Invisible separator: never escaped by JSON.stringify, never in real input of ours. */
const MARK = '\u2063';
const MARKER = new RegExp(`"${MARK}(RAW|HUGE|REQ):((?:[^"\\\\]|\\\\.)*?)${MARK}"`, 'g');

/** A value written into the body verbatim: `NaN`, `1e999`, 10,000 nested brackets. */
export const rawJson = (text: string): string => `${MARK}RAW:${text}${MARK}`;
/** A string that fills the body to just under (`under`) or just over (`over`) the body limit. */
export const hugeString = (fill: 'under' | 'over', char: 'a' | '中' = 'a'): string => `${MARK}HUGE:${fill}${char}${MARK}`;
/** A request id of its own per sent request (so a valid order.create is a new order each time). */
export const freshRequestId = (): string => `${MARK}REQ:${MARK}`;

export const deepArrays = (levels: number) => rawJson('['.repeat(levels) + ']'.repeat(levels));
export const deepObjects = (levels: number) => rawJson('{"a":'.repeat(levels) + '1' + '}'.repeat(levels));

let requestSeq = 0;

/** The body text of an envelope: JSON, then every marker replaced by what it stands for. */
export function renderJson(value: unknown): string {
  let huge: string | null = null;
  let text = JSON.stringify(value).replace(MARKER, (_m, kind: string, payload: string) => {
    if (kind === 'RAW') return JSON.parse(`"${payload}"`) as string;
    if (kind === 'REQ') return JSON.stringify(`fuzz-${(requestSeq++).toString(36).padStart(6, '0')}`);
    huge = payload;
    return `"${MARK}HUGE${MARK}"`;
  });
  if (huge !== null) {
    const spec: string = huge;
    const rest = Buffer.byteLength(text) - Buffer.byteLength(`"${MARK}HUGE${MARK}"`) + 2; // the quotes stay
    const bytes = spec.startsWith('under') ? BODY_LIMIT - rest - 64 : BODY_LIMIT - rest + 64;
    const char = spec.endsWith('中') ? '中' : 'a';
    const fill = char.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(char))));
    text = text.replace(`${MARK}HUGE${MARK}`, fill);
  }
  return text;
}

// ---- the fields of a zod schema ----------------------------------------------------------------

interface ZodNode {
  _zod: { def: ZodDef; bag: ZodBag };
}
interface ZodDef {
  type: string;
  shape?: Record<string, ZodNode>;
  in?: ZodNode;
  out?: ZodNode;
  innerType?: ZodNode;
  element?: ZodNode;
  options?: readonly ZodNode[];
  entries?: Record<string, string | number>;
  values?: readonly unknown[];
  format?: string;
}
interface ZodBag {
  minimum?: number;
  maximum?: number;
  patterns?: Set<RegExp>;
}

export type Kind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'enum' | 'literal' | 'other';
export type Path = (string | number)[];

/** What fuzzing needs to know of one field of an input schema. */
export interface Field {
  path: Path;
  kind: Kind;
  optional: boolean;
  nullable: boolean;
  /** An id (`idSchema`: a string piped into a transform), or named like one. */
  id: boolean;
  /** ISO date-time (`isoDateTime`). */
  dateTime: boolean;
  /** 'YYYY-MM-DD' by its pattern. */
  day: boolean;
  /** 'HH:mm' by its pattern. */
  clock: boolean;
  min?: number;
  max?: number;
  patterns: RegExp[];
  values?: readonly unknown[];
  shape?: Record<string, Field>;
  element?: Field;
}

const isZod = (s: unknown): s is ZodNode => typeof s === 'object' && s !== null && '_zod' in s;
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional', 'catch']);

/** Reads a zod 4 schema into fields: objects, arrays, wrappers and pipes unwrapped. */
export function describeSchema(schema: unknown, path: Path = []): Field {
  let optional = false;
  let nullable = false;
  let piped = false;
  let node = schema;
  for (let guard = 0; isZod(node) && guard < 20; guard++) {
    const d: ZodDef = node._zod.def;
    if (WRAPPERS.has(d.type) && d.innerType) {
      if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
      if (d.type === 'nullable') nullable = true;
      node = d.innerType;
    } else if (d.type === 'pipe' && d.in) {
      piped = piped || d.out?._zod.def.type === 'transform';
      node = d.in;
    } else if (d.type === 'union' && d.options?.length) {
      node = d.options[0];
    } else break;
  }
  const name = String(path[path.length - 1] ?? '');
  const parentName = String(path[path.length - 2] ?? '');
  const base: Field = { path, kind: 'other', optional, nullable, id: false, dateTime: false, day: false, clock: false, patterns: [] };
  if (!isZod(node)) return base;
  const d = node._zod.def;
  const bag = node._zod.bag;
  const f: Field = { ...base, min: bag.minimum, max: bag.maximum, patterns: bag.patterns ? [...bag.patterns] : [] };
  switch (d.type) {
    case 'object':
      f.kind = 'object';
      f.shape = Object.fromEntries(Object.entries(d.shape ?? {}).map(([k, v]) => [k, describeSchema(v, [...path, k])]));
      break;
    case 'array':
      f.kind = 'array';
      f.element = describeSchema(d.element, [...path, 0]);
      break;
    case 'string':
      f.kind = 'string';
      f.dateTime = d.format === 'datetime';
      f.day = f.patterns.some((p) => p.source.includes('\\d{4}-\\d{2}-\\d{2}'));
      f.clock = f.patterns.some((p) => p.source.includes(':[0-5]\\d'));
      f.id = piped || /^(id|.*Id)$/.test(name) || (/^\d+$/.test(name) && /Ids$/.test(parentName));
      break;
    case 'number':
    case 'int':
      f.kind = 'number';
      break;
    case 'boolean':
      f.kind = 'boolean';
      break;
    case 'enum':
      f.kind = 'enum';
      f.values = Object.values(d.entries ?? {});
      break;
    case 'literal':
      f.kind = 'literal';
      f.values = d.values ?? [];
      break;
  }
  return f;
}

/** Every field below `root`, parents before children (array elements at index 0). */
export function fieldsOf(root: Field): Field[] {
  const out: Field[] = [];
  const walk = (f: Field) => {
    if (f.path.length) out.push(f);
    if (f.shape) Object.values(f.shape).forEach(walk);
    if (f.element) walk(f.element);
  };
  walk(root);
  return out;
}

/** A hint's answer for an optional field the base input should leave out (it is still fuzzed). */
export const OMIT: unique symbol = Symbol('omit');

/** A hint gives a realistic value for a field (a real id, a bookable time), OMIT, or undefined. */
export type Hint = (f: Field) => unknown;

const TEXT = '劳模工匠测试文字';
const PATTERN_GUESSES = ['13800001234', 'fuzz-request-0001', '09:00', '2031-03-03', 'abcd'];

/**
 * A value the field's schema accepts, as far as its description tells; OMIT where the hint says
 * so, unless `keep` (a field being fuzzed needs its parents, whatever the base leaves out).
 */
export function sampleOf(f: Field, hint: Hint, keep = false): unknown {
  const hinted = hint(f);
  if (hinted !== undefined && hinted !== OMIT) return hinted;
  if (hinted === OMIT && !keep) return OMIT;
  switch (f.kind) {
    case 'object':
      return Object.fromEntries(
        Object.entries(f.shape ?? {}).map(([k, c]) => [k, sampleOf(c, hint)] as const).filter(([, v]) => v !== OMIT),
      );
    case 'array':
      return Array.from({ length: Math.max(1, f.min ?? 0) }, () => sampleOf(f.element!, hint));
    case 'number':
      return Math.min(Math.max(60, f.min ?? -Infinity), f.max ?? Infinity);
    case 'boolean':
      return true;
    case 'enum':
    case 'literal':
      return f.values?.[0];
    case 'string': {
      if (f.dateTime) return '2031-03-03T10:00:00+08:00';
      if (f.patterns.length) return PATTERN_GUESSES.find((g) => f.patterns.every((p) => p.test(g))) ?? 'abcd';
      let s = TEXT;
      while (s.length < (f.min ?? 0)) s += TEXT;
      return s.slice(0, Math.max(f.min ?? 1, Math.min(s.length, f.max ?? s.length)));
    }
    default:
      return 'x';
  }
}

// ---- editing a copy of the base ----------------------------------------------------------------

type Json = Record<string, unknown>;
const clone = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Sets a key as an own property, even `__proto__` (JSON.stringify then writes it like any key). */
export function setOwn(obj: Json, key: string, value: unknown): Json {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
  return obj;
}

/** The field at `path` below root (array indexes step into the element). */
function fieldAt(root: Field, path: Path): Field | undefined {
  let f: Field | undefined = root;
  for (const key of path) f = typeof key === 'number' ? f?.element : f?.shape?.[key];
  return f;
}

/** A copy of base with `path` set to value; missing parents are filled with samples first. */
function withValue(root: Field, base: Json, path: Path, value: unknown, hint: Hint): Json {
  const copy = clone(base);
  let cur: unknown = copy;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const container = cur as Record<string | number, unknown>;
    const next = container[key];
    const wantArray = typeof path[i + 1] === 'number';
    if (wantArray ? !Array.isArray(next) || next.length === 0 : !isObject(next)) {
      const parent = fieldAt(root, path.slice(0, i + 1));
      container[key] = parent ? sampleOf(parent, hint, true) : wantArray ? [] : {};
    }
    cur = container[key];
  }
  const last = path[path.length - 1];
  if (isObject(cur)) setOwn(cur, String(last), value);
  else (cur as unknown[])[last as number] = value;
  return copy;
}

function without(base: Json, path: Path): Json {
  const copy = clone(base);
  let cur: unknown = copy;
  for (const key of path.slice(0, -1)) {
    cur = (cur as Record<string | number, unknown> | undefined)?.[key];
    if (cur === undefined || cur === null) return copy;
  }
  const last = path[path.length - 1];
  if (Array.isArray(cur)) cur.splice(last as number, 1);
  else if (isObject(cur)) delete cur[last as string];
  return copy;
}

function valueAt(base: unknown, path: Path): unknown {
  let cur = base;
  for (const key of path) cur = (cur as Record<string | number, unknown> | undefined)?.[key];
  return cur;
}

// ---- the bad values ----------------------------------------------------------------------------

const show = (v: unknown): string => {
  const s = typeof v === 'string' ? JSON.stringify(v) : v === undefined ? 'undefined' : JSON.stringify(v) ?? String(v);
  const visible = s.replace(new RegExp(`${MARK}(RAW|HUGE|REQ):`, 'g'), '<').replace(new RegExp(MARK, 'g'), '>');
  return visible.length > 60 ? `${visible.slice(0, 57)}…(${visible.length})` : visible;
};

const WRONG_TYPES: readonly unknown[] = [42, 'fuzz', [], ['fuzz'], {}, { fuzz: 1 }, null, true, false];
const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every C0 control character and DEL (NUL has cases of its own). */
const CONTROLS = [...Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)), '\u007f'];

/** Injected into (or standing for) a string; the first ones every string field gets. */
const ALWAYS_STRINGS: readonly ((s: string) => string)[] = [
  () => '\u0000',
  (s) => s.slice(0, 2) + '\u0000' + s.slice(2),
  (s) => s + '\u0000',
  () => '\ud800',
  (s) => s.slice(0, 2) + '\udfff' + s.slice(2),
  (s) => s + '\udc00\ud800',
  (s) => s + '\ud83d',
];
const SOMETIMES_STRINGS: readonly ((s: string) => string)[] = [
  (s) => `\u202e${s}\u202c`, // right-to-left override
  () => 'مرحبا بالعالم',
  () => 'שלום עולם',
  (s) => `${s}👷‍♀️🔧🏭`,
  () => '𠀀𪚥𠮷野家',
  () => '劳模工匠点单',
  (s) => `${s}e\u0301`,
  (s) => `\u200b${s}\u200d`,
  (s) => `\ufeff${s}`,
  (s) => `${s}\u2028\u2029`,
  () => '１２３４５',
  () => '   ',
  () => '',
  () => '%',
  () => '_',
  () => '\\',
  () => "'; DROP TABLE orders; --",
  () => '<script>alert(1)</script>',
  () => "=cmd|' /C calc'!A0",
  () => '${jndi:ldap://x/a}',
  () => '__proto__',
  () => 'null',
];

const NUMBERS: readonly unknown[] = [
  1e308, -1e308, 2 ** 53 + 1, 2 ** 53 - 1, -0, 0, -1, 0.5, 1e-308, 2 ** 31, -(2 ** 31) - 1,
  rawJson('NaN'), rawJson('Infinity'), rawJson('-Infinity'), rawJson('1e999'), rawJson('-1e999'),
  rawJson('1E2'), rawJson('-0.0'), rawJson('01'), rawJson('0x10'), '5',
];

const DATE_TIMES: readonly unknown[] = [
  '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2026-02-30T10:00:00+08:00', '1970-01-01T00:00:00Z',
  '1999-12-31T23:59:59Z', '2000-01-01T00:00:00Z', '2099-12-31T23:59:59+08:00', '2100-01-01T00:00:00Z',
  '2028-02-29T10:00:00+08:00', '2027-02-29T10:00:00+08:00', '2026-05-01T10:00:00', '2026-05-01',
  '2026-05-01T24:00:00+08:00', '2026-05-01T10:00:00+24:00', '2026-05-01T10:00:00.123456789+08:00',
  '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z', 'now', 'Fri, 01 May 2026 10:00:00 GMT', 1777600000000,
];
const DAYS: readonly unknown[] = [
  '0000-01-01', '9999-12-31', '2026-02-30', '1970-01-01', '2026-13-01', '2026-00-00', '2028-02-29',
  '2027-02-29', '2099-12-31', '99999-01-01', '2026-1-1', '2026-05-01T00:00:00Z',
];
const CLOCKS: readonly unknown[] = ['24:00', '23:59', '00:00', '24:01', '23:60', '9:00', '09:00:00', '-1:00', '２３:００', '99:99'];

const IDS: readonly unknown[] = [
  '0', '-1', 'abc', '1e3', '99999999999999999999999', ' 1', '１', '', '00', '01', '1.0', '1 ', '0x1F',
  '9223372036854775807', '9223372036854775808', '999999999999999999', '1'.repeat(200), '1'.repeat(201),
  '+1', '1,2', '1;DROP TABLE orders', 'null', '٣', rawJson('1'), rawJson('1e3'),
];

// ---- the cases of one action -------------------------------------------------------------------

/** A raw value JSON does not have (NaN, 0x10, 01): the body is malformed, refused as a whole. */
const notJson = (v: unknown): boolean => {
  const m = typeof v === 'string' ? new RegExp(`^${MARK}RAW:(.*)${MARK}$`, 's').exec(v) : null;
  if (!m) return false;
  try {
    JSON.parse(m[1]);
    return false;
  } catch {
    return true;
  }
};
const WHOLE_BODY: Partial<CaseTemplate> = { wholeBody: true, expect: ['VALIDATION'], reachesAction: false };

export interface ActionUnderTest {
  fn: string;
  action: string;
  /** The action's input schema (`def.input`). */
  input: unknown;
  /** A valid-looking input: every field of the schema set (hints first, then samples). */
  base: Json;
  hint: Hint;
}

/** The base input of an action: a sample of its whole schema, realistic where hints know how. */
export function baseInput(input: unknown, hint: Hint): Json {
  const root = describeSchema(input);
  const base = sampleOf(root, hint);
  return isObject(base) ? base : {};
}

/** Every category of bad input for one action, as templates (the test assigns the roles). */
export function actionCases(a: ActionUnderTest, rng: Rng): CaseTemplate[] {
  const root = describeSchema(a.input);
  const out: CaseTemplate[] = [];
  const envelope = (data: unknown) => () => renderJson(data === undefined ? { action: a.action } : { action: a.action, data });
  const add = (category: Category, label: string, data: unknown, extra: Partial<CaseTemplate> = {}) =>
    out.push({ category, fn: a.fn, action: a.action, label, body: envelope(data), reachesAction: true, ...extra });
  const set = (f: Field, v: unknown) => withValue(root, a.base, f.path, v, a.hint);
  const at = (f: Field) => f.path.join('.');

  // Nothing broken: the base itself, which shows how far the broken ones could have got.
  add('control', 'the base input as is', a.base);
  // The whole of data.
  for (const v of [42, 'fuzz', [], [a.base], null, true, rawJson('NaN')]) add('type', `data = ${show(v)}`, v, notJson(v) ? WHOLE_BODY : {});
  add('missing', 'no data key', undefined);
  add('missing', 'data = {}', {});
  add('extra', 'data.fuzzExtra', { ...a.base, fuzzExtra: 1 });
  for (const key of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) {
    add('extra', `data.${key}`, setOwn(clone(a.base), key, key === '__proto__' ? { isAdmin: true, id: '1' } : 1));
  }
  add('string', 'a key with NUL', setOwn(clone(a.base), 'a\u0000b', 1));
  add('string', 'a key with a lone surrogate', setOwn(clone(a.base), '\ud800', 1));
  add('nesting', 'data = 10,000 nested arrays', deepArrays(10_000));
  add('nesting', 'data = 10,000 nested objects', deepObjects(10_000));
  add('nesting', 'data.fuzz nested 9 deep', { ...a.base, fuzz: JSON.parse('{"a":'.repeat(9) + '1' + '}'.repeat(9)) as unknown });
  add('huge', 'data with 5,000 keys', Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, i])));
  add('huge', 'a key of 900 KB', setOwn(clone(a.base), 'k'.repeat(900_000), 1));

  const fields = fieldsOf(root);
  let firstString = true;
  for (const f of fields) {
    const current = valueAt(a.base, f.path);
    const p = at(f);
    for (const v of WRONG_TYPES) if (typeOf(v) !== typeOf(current)) add('type', `${p} = ${show(v)}`, set(f, v));
    add('missing', `${p} missing`, without(a.base, f.path));
    add('nesting', `${p} = 10,000 nested arrays`, set(f, deepArrays(10_000)));
    if (f.kind === 'object') {
      add('extra', `${p}.fuzzExtra`, set(f, { ...(isObject(current) ? current : {}), fuzzExtra: 1 }));
      add('extra', `${p}.__proto__`, set(f, setOwn({ ...(isObject(current) ? current : {}) }, '__proto__', { fuzz: 1 })));
    }
    if (f.kind === 'array') {
      const el = f.element ? sampleOf(f.element, a.hint, true) : 'x';
      add('huge', `${p} with 5,000 items`, set(f, Array.from({ length: 5000 }, () => clone(el))));
    }
    if (f.kind === 'string' || f.kind === 'enum') {
      const s = typeof current === 'string' && current.length >= 2 ? current : 'abcd';
      ALWAYS_STRINGS.forEach((make, i) => add('string', `${p} = ${show(make(s))} (#${i})`, set(f, make(s))));
      for (const c of rng.sample(CONTROLS, 3)) {
        const v = s.slice(0, 1) + c + s.slice(1);
        add('string', `${p} with U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, set(f, v));
      }
      for (const make of rng.sample(SOMETIMES_STRINGS, 6)) add('string', `${p} = ${show(make(s))}`, set(f, make(s)));
      add('huge', `${p} = 1 MB under the body limit`, set(f, hugeString('under')));
      add('huge', `${p} = over the body limit`, set(f, hugeString('over')), { wholeBody: true, expect: ['VALIDATION'], reachesAction: false });
      if (firstString) add('huge', `${p} = 1 MB of 中 under the limit`, set(f, hugeString('under', '中')));
      firstString = false;
    }
    if (f.kind === 'number') for (const v of NUMBERS) add('number', `${p} = ${show(v)}`, set(f, v), notJson(v) ? WHOLE_BODY : {});
    if (f.dateTime) for (const v of DATE_TIMES) add('date', `${p} = ${show(v)}`, set(f, v));
    if (f.day) for (const v of DAYS) add('date', `${p} = ${show(v)}`, set(f, v));
    if (f.clock) for (const v of CLOCKS) add('date', `${p} = ${show(v)}`, set(f, v));
    if (f.id) {
      for (const v of IDS) add('id', `${p} = ${show(v)}`, set(f, v));
      if (typeof current === 'string' && /^\d+$/.test(current)) {
        add('id', `${p} = the next id`, set(f, String(BigInt(current) + 1n)));
        add('id', `${p} = the previous id`, set(f, String(BigInt(current) - 1n)));
      }
    }
  }
  return out;
}

// ---- the cases of one function (transport) -----------------------------------------------------

const MALFORMED = [
  '{', '{"action":', "{'action':'x'}", '{"action":"x",}', '{"action":"x"} x', '{"action":"x"}}', '/* c */ {"action":"x"}',
  'undefined', 'NaN', '{"action":"x","data":{"k":"\\u00"}}', '{"action":"x","data":{"k":"\u0001"}}', '\u0000', '[', '['.repeat(1_000_000),
  '{"action":"x","data":{"id":"1"', 'action=x&data=1',
];

/**
 * Raw HTTP oddities of one function: malformed JSON, empty and non-object bodies, wrong
 * content types, unknown and non-string actions, duplicate and prototype keys. `action` is one
 * real action of the function and `base` a valid-looking input of it.
 */
export function functionCases(fn: string, action: string, base: Json): CaseTemplate[] {
  const out: CaseTemplate[] = [];
  const good = () => renderJson({ action, data: base });
  const add = (label: string, body: () => string, extra: Partial<CaseTemplate> = {}) =>
    out.push({ category: 'raw', fn, action, label, body, reachesAction: false, ...extra });
  const text = (s: string) => () => s;

  for (const m of MALFORMED) add(`malformed JSON ${show(m)}`, text(m.replace(/"x"/g, JSON.stringify(action))), { wholeBody: true, expect: ['VALIDATION'] });
  add('BOM before the JSON', () => `\ufeff${good()}`, { wholeBody: true, expect: ['VALIDATION'] });
  for (const s of ['', '   ', '\n\t\r\n']) add(`empty body ${show(s)}`, text(s), { wholeBody: true, expect: ['VALIDATION'] });
  for (const s of ['[]', `[${JSON.stringify({ action })}]`, JSON.stringify(action), '42', '-0', 'null', 'true', '{}', '1e999']) {
    add(`body is ${show(s)}`, text(s), { wholeBody: true, expect: ['VALIDATION'] });
  }
  const unknown = ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf',
    ' ', action.toUpperCase() === action ? `${action}X` : action.toUpperCase(), ` ${action}`, `${action} `, `${action}\u0000`, `${action}\ud800`,
    'a'.repeat(100_000), `../${action}`, `${action}.x`, '中文操作'];
  for (const name of unknown) add(`unknown action ${show(name)}`, () => renderJson({ action: name, data: base }), { expect: ['NOT_FOUND'] });
  for (const v of [42, null, '', [], [action], {}, { toString: action }, true, rawJson('NaN')]) {
    add(`action = ${show(v)}`, () => renderJson({ action: v, data: base }), { wholeBody: true, expect: ['VALIDATION'] });
  }
  add('no action key', () => renderJson({ data: base }), { wholeBody: true, expect: ['VALIDATION'] });
  add('action only in __proto__', () => renderJson(setOwn({ data: base }, '__proto__', { action })), { wholeBody: true, expect: ['VALIDATION'] });
  add('envelope __proto__ and constructor keys', () => renderJson(setOwn(setOwn({ action, data: base }, '__proto__', { action: 'nope' }), 'constructor', { name: 'x' })), { reachesAction: true });
  add('envelope extra key', () => renderJson({ action, data: base, fuzz: 1 }), { reachesAction: true });
  add('duplicate action key, real one last', () => `{"action":"nope","action":${JSON.stringify(action)},"data":${JSON.stringify(base)}}`, { reachesAction: true });
  add('duplicate action key, real one first', () => `{"action":${JSON.stringify(action)},"action":"nope","data":${JSON.stringify(base)}}`, { expect: ['NOT_FOUND'] });
  add('duplicate data key, bad one last', () => `{"action":${JSON.stringify(action)},"data":${JSON.stringify(base)},"data":{"fuzzExtra":1}}`, { reachesAction: true });
  add('duplicate key inside data', () => `{"action":${JSON.stringify(action)},"data":${JSON.stringify(base).replace(/^\{/, '{"fuzzExtra":1,"fuzzExtra":2,')}}`, { reachesAction: true });
  for (const ct of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', 'application/xml', '*/*', 'application/json\u0000']) {
    add(`content-type ${show(ct)}`, good, { contentType: ct.includes('\u0000') ? 'application/json; x=y' : ct, reachesAction: true });
  }
  add('no content-type', good, { contentType: null, reachesAction: true });
  add('form body', text(`action=${action}&data=%7B%7D`), { contentType: 'application/x-www-form-urlencoded', wholeBody: true, expect: ['VALIDATION'] });
  add('an 8 KB header', good, { headers: { 'x-fuzz': 'x'.repeat(8192) }, reachesAction: true });
  add('garbage x-forwarded-for', good, { headers: { 'x-forwarded-for': '999.1.1.1, ::zz, <script>' }, reachesAction: true });
  add('accept text/html', good, { headers: { accept: 'text/html' }, reachesAction: true });
  add('content-encoding gzip on plain JSON', good, { headers: { 'content-encoding': 'gzip' }, reachesAction: true });
  add('a body of 1 MB of spaces around the JSON', () => ' '.repeat(BODY_LIMIT - good().length - 64) + good(), { reachesAction: true });
  add('a body of 1 MB of junk', () => 'x'.repeat(BODY_LIMIT + 10), { wholeBody: true, expect: ['VALIDATION'] });
  for (const method of ['GET', 'PUT', 'DELETE'] as const) add(`${method} /api/${fn}`, good, { method, expect: ['NOT_FOUND'] });
  return out;
}

/** Cases no function owns: unknown functions, odd URLs. */
export function serverCases(someFn: string, someAction: string): CaseTemplate[] {
  const body = () => renderJson({ action: someAction, data: {} });
  const out: CaseTemplate[] = [];
  const add = (label: string, url: string, extra: Partial<CaseTemplate> = {}) =>
    out.push({ category: 'raw', fn: '', action: '', label, url, body, reachesAction: false, expect: ['NOT_FOUND'], ...extra });
  const names = ['nope', '__proto__', 'constructor', 'toString', 'hasOwnProperty', someFn.toUpperCase(), `${someFn}%20`, '%00', '%E4%B8%AD',
    'a'.repeat(2000), `${someFn}%2F..%2Fadmin`, '..%2Fhealth', 'upload', 'health'];
  for (const n of names) add(`unknown function ${show(n)}`, `/api/${n}`);
  add('/api/ with no function', '/api/');
  add('/api//fn', `/api//${someFn}`);
  add('/api/fn/extra', `/api/${someFn}/extra`);
  add('bad percent-encoding', '/api/%zz', { expect: ['NOT_FOUND', 'VALIDATION'] });
  add('lone percent', '/api/%', { expect: ['NOT_FOUND', 'VALIDATION'] });
  add('bad percent-encoding outside /api', '/%E0%A4%A', { expect: ['NOT_FOUND', 'VALIDATION'] });
  add('query string', `/api/${someFn}?action=x&__proto__[a]=1`, { expect: undefined, reachesAction: true });
  return out;
}
