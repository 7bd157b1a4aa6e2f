import { z } from 'zod';
import { SUBSCRIBE_KINDS, type SubscribeKind } from '../../contract';
import type { PushFacts } from '../../db/repositories/outbox';
import { dayjs, ZONE } from '../time';

export type { PushFacts };

export const FACT_NAMES = ['title', 'time', 'name', 'status', 'note', 'orderId'] as const;
type FactName = (typeof FACT_NAMES)[number];

/**
 * Value limits of WeChat's template field types (the key without its number: `thing1` is a
 * `thing`), from the subscribeMessage.send documentation; a longer value is refused (47003), so
 * values are cut to these. `chars` counts characters (code points); `only` keeps the characters the
 * type allows.
 */
export const FIELD_LIMITS: Record<string, { chars: number; only?: RegExp; format?: 'time' | 'date' }> = {
  thing: { chars: 20 },
  phrase: { chars: 5, only: /\p{Script=Han}/u },
  name: { chars: 10 }, // 10 Chinese characters, or 20 letters; mixed counts as Chinese
  character_string: { chars: 32, only: /[\x21-\x7e]/ },
  number: { chars: 32, only: /[0-9.]/ },
  letter: { chars: 32, only: /[A-Za-z]/ },
  symbol: { chars: 5, only: /[^\p{L}\p{N}\s]/u },
  phone_number: { chars: 17, only: /[0-9+\-() ]/ },
  car_number: { chars: 8 },
  amount: { chars: 11 },
  time: { chars: 32, format: 'time' },
  date: { chars: 32, format: 'date' },
};

/** The type of a template field key: `thing12` → `thing`, `character_string3` → `character_string`. */
export const fieldType = (key: string) => key.replace(/\d+$/, '');

/** WeChat refuses an empty value too, so an empty one becomes this. */
const EMPTY = { thing: '无', phrase: '无', name: '无' } as Record<string, string>;

/**
 * A value fit for a field of `type`: times and dates in Shanghai time, foreign characters dropped
 * where the type allows only some, cut to the type's length (a cut `thing` ends in …).
 */
export function fitValue(type: string, raw: string): string {
  const limit = FIELD_LIMITS[type] ?? FIELD_LIMITS.thing;
  let value = raw.trim();
  if (limit.format) {
    const t = dayjs(value);
    if (t.isValid()) value = t.tz(ZONE).format(limit.format === 'time' ? 'YYYY年M月D日 HH:mm' : 'YYYY年M月D日');
  }
  let chars = Array.from(value);
  if (limit.only) chars = chars.filter((c) => limit.only!.test(c));
  let max = limit.chars;
  if (type === 'name' && chars.every((c) => /[\x20-\x7e]/.test(c))) max = 20;
  if (chars.length > max) chars = type === 'thing' ? [...chars.slice(0, max - 1), '…'] : chars.slice(0, max);
  const out = chars.join('').trim();
  return out || EMPTY[type] || '-';
}

const templateSchema = z
  .object({
    /** The template id from the mini-program console (订阅消息 → 我的模板). */
    id: z.string().min(1).max(128),
    /** Its title there, for the README table and the console. */
    title: z.string().max(40).optional(),
    /** Template field key → which fact fills it. */
    fields: z.record(z.string().regex(/^[a-z_]+\d+$/, 'field keys look like thing1, time2'), z.enum(FACT_NAMES)),
  })
  .strict();

export type TemplateConfig = z.infer<typeof templateSchema>;
export type Templates = Partial<Record<SubscribeKind, TemplateConfig>>;

export interface NotifyConfig {
  templates: Templates;
  /** miniprogram_state of the link a tap opens: formal (default), trial or developer. */
  state: 'formal' | 'trial' | 'developer';
}

export const NO_TEMPLATES: NotifyConfig = { templates: {}, state: 'formal' };

/**
 * SUBSCRIBE_TEMPLATES (JSON: kind → {id, title?, fields}) and SUBSCRIBE_STATE. A kind left out is
 * not configured (its messages are skipped with that reason); malformed JSON is an error at start,
 * not a silent loss of every message.
 */
export function notifyConfigFromEnv(env: Record<string, string | undefined>): NotifyConfig {
  const state = env.SUBSCRIBE_STATE === 'trial' || env.SUBSCRIBE_STATE === 'developer' ? env.SUBSCRIBE_STATE : 'formal';
  const raw = env.SUBSCRIBE_TEMPLATES?.trim();
  if (!raw) return { templates: {}, state };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch (err) {
    throw new Error(`SUBSCRIBE_TEMPLATES is not JSON: ${(err as Error).message}`);
  }
  const res = z.partialRecord(z.enum(SUBSCRIBE_KINDS), templateSchema).safeParse(parsed);
  if (!res.success) {
    const first = res.error.issues[0];
    throw new Error(`SUBSCRIBE_TEMPLATES: ${first.path.join('.') || '(root)'}: ${first.message}`);
  }
  return { templates: res.data as Templates, state };
}

/** The WeChat `data` for one message: each configured field filled from the facts and fitted to its type. */
export function templateData(t: TemplateConfig, facts: PushFacts): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [key, fact] of Object.entries(t.fields)) data[key] = { value: fitValue(fieldType(key), String(facts[fact as FactName] ?? '')) };
  return data;
}
