import type { ActionInput, CategoryId, FieldErrors, TopicDetail, VenueType } from '@cloud/contract';
import { VENUE_LABEL } from '@/utils/labels';
import type { PickedVolunteer } from '../components/VolunteerPicker';
import { LIMITS, tooLong } from '@/components/form/limits';

export type SaveTopicInput = ActionInput<'admin', 'saveTopic'>;

/** Durations offered as chips; a topic's other durations (e.g. 30) are kept and shown too. */
export const DURATION_OPTIONS = [45, 60, 90, 120];

/** Venue types in the contract's order (VENUE_LABEL lists them so), with their Chinese names. */
export const VENUE_OPTIONS = (Object.keys(VENUE_LABEL) as VenueType[]).map((v) => ({ value: v, label: VENUE_LABEL[v] }));

export interface TopicDraft {
  id?: string;
  title: string;
  summary: string;
  category: CategoryId | null;
  durations: number[];
  audience: string;
  venueTypes: VenueType[];
  speakers: PickedVolunteer[];
  active: boolean;
}

export function emptyTopic(): TopicDraft {
  return { title: '', summary: '', category: null, durations: [60], audience: '', venueTypes: [], speakers: [], active: true };
}

/** An existing topic as the editor's draft (the catalog shows only active topics). */
export function topicToDraft(t: TopicDetail): TopicDraft {
  const names = new Map(t.volunteers.map((v) => [v.id, v.name]));
  return {
    id: t.id,
    title: t.title,
    summary: t.summary,
    category: t.category,
    durations: [...t.durations],
    audience: t.audience,
    venueTypes: [...t.venueTypes],
    speakers: t.volunteerIds.map((id) => ({ id, name: names.get(id) ?? `志愿者 ${id}` })),
    active: true,
  };
}

/** The server's rules (adminInput.saveTopic), checked before a round trip. Keys as the server's. */
export function validateTopic(d: TopicDraft): FieldErrors {
  const e: FieldErrors = {};
  const title = d.title.trim();
  if (title.length < 4) e.title = '标题至少 4 个字';
  else if (title.length > LIMITS.topic.title) e.title = tooLong('标题', LIMITS.topic.title);
  if (d.summary.trim().length > LIMITS.topic.summary) e.summary = tooLong('简介', LIMITS.topic.summary);
  if (!d.category) e.category = '请选择分类';
  if (d.durations.length === 0) e.durations = '至少提供一种时长';
  else if (new Set(d.durations).size > 6) e.durations = '最多 6 种时长';
  if (d.audience.trim().length > LIMITS.topic.audience) e.audience = tooLong('适合对象', LIMITS.topic.audience);
  if (d.speakers.length > 50) e.volunteerIds = '宣讲人最多 50 位';
  return e;
}

/** The draft as `admin.saveTopic` takes it: trimmed, durations ascending, venues in contract order. */
export function toSaveTopicInput(d: TopicDraft): SaveTopicInput {
  if (!d.category) throw new Error('toSaveTopicInput: validate the draft first (no category)');
  const venues = new Set(d.venueTypes);
  return {
    ...(d.id ? { id: d.id } : {}),
    title: d.title.trim(),
    summary: d.summary.trim(),
    category: d.category,
    durations: [...new Set(d.durations)].sort((a, b) => a - b),
    audience: d.audience.trim(),
    venueTypes: VENUE_OPTIONS.map((o) => o.value).filter((v) => venues.has(v)),
    volunteerIds: [...new Set(d.speakers.map((s) => s.id))],
    active: d.active,
  };
}
