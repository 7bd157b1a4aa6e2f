import { useEffect, useMemo, useRef, useState } from 'react';
import { askToSubscribe, prepareSubscribe, REQUESTER_KINDS } from '@/services/subscribe';
import { openProfileIfMissing } from '../lib/profile-gate';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FieldErrors, ServiceDetail, TopicDetail, VenueType, VolunteerSummary } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { CATEGORY_LABEL, SERVICE_MODE_LABEL, VENUE_LABEL } from '@/utils/labels';
import { formatDay, formatTimeRange } from '@/utils/time';
import { goTab, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { Choices, Field, FormBanner, LIMITS, scrollToField, SubmitBar, TextArea, TextInput, type Choice } from '@/components/form';
import { SlotPicker } from '../components/SlotPicker';
import { OpenTimePicker } from '../components/OpenTimePicker';
import { ALL_VENUES, VenueFields } from '../components/VenueFields';
import { loadDraft, emptyDraft, useDrafts, type OrderDraft } from '../lib/draft';
import { fieldErrorsOf, toCreateInput, unplacedErrors, validateBooking, type BookingContext } from '../lib/form';
import { HORIZON_DAYS, startsByDay, toShanghaiIso } from '../lib/slots';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

type Kind = 'lecture' | 'service';

/** What is being booked, the same shape for a topic and a service. */
interface Subject {
  kind: Kind;
  id: string;
  title: string;
  tags: string[];
  durations: number[];
  venueTypes: VenueType[];
  volunteers: VolunteerSummary[];
  /** The "nobody named" option, or null when someone must be named. */
  /** The "nobody named" choice and what happens after submitting it (the confirm step says so). */
  any: { label: string; sub: string; then: string } | null;
  venueHint?: string;
}

/** Technical services have no listed durations: an hour to a working day. */
const SERVICE_DURATIONS = [60, 120, 180, 240, 480];

function durationLabel(kind: Kind, m: number): string {
  if (kind === 'lecture' || m < 60 || m % 60 !== 0) return `${m} 分钟`;
  if (m === 240) return '半天（4 小时）';
  if (m === 480) return '一天（8 小时）';
  return `${m / 60} 小时`;
}

function subjectOfTopic(t: TopicDetail): Subject {
  return {
    kind: 'lecture',
    id: t.id,
    title: t.title,
    tags: [t.categoryName || CATEGORY_LABEL[t.category]],
    durations: [...t.durations].sort((a, b) => a - b),
    venueTypes: t.venueTypes.length ? t.venueTypes : ALL_VENUES,
    volunteers: t.volunteers,
    any: { label: '任意宣讲人（由宣讲人抢单）', sub: '发布到抢单池，讲授本主题的宣讲人均可接单', then: '提交后发布到抢单池，讲授本主题的宣讲人均可接单' },
  };
}

function subjectOfService(s: ServiceDetail): Subject {
  const venueTypes =
    s.mode === 'remote' ? (['online'] as VenueType[]) : s.mode === 'onsite' ? ALL_VENUES.filter((v) => v !== 'online') : ALL_VENUES;
  return {
    kind: 'service',
    id: s.id,
    title: s.title,
    tags: [s.field, SERVICE_MODE_LABEL[s.mode]],
    durations: SERVICE_DURATIONS,
    venueTypes,
    volunteers: s.volunteers,
    any: s.teamId ? { label: '由服务队安排', sub: `${s.teamName ?? '服务队'}统一派人`, then: `提交后由${s.teamName ?? '服务队'}安排人员` } : null,
    venueHint:
      s.mode === 'remote' ? '该服务为远程指导，请提供会议链接' : s.mode === 'onsite' ? '该服务需上门，请填写服务地址' : undefined,
  };
}

/** Fields with a place on this form; errors for other keys are listed in the banner. */
const PLACED = [
  'topicId', 'serviceId', 'volunteerId', 'durationMin', 'start', 'venue.type', 'venue.address', 'venue.link',
  'headcount', 'contactPhone', 'note',
];
const ANY = 'any';
const FIRST_RANGE_DAYS = 30;

interface FormProps {
  kind: Kind;
  topicId: string;
  serviceId: string;
  volunteerId: string;
}

function BookingForm({ kind, topicId, serviceId, volunteerId }: FormProps) {
  const elder = useRootClass('');
  const draftKey = `book:${kind}:${topicId}:${serviceId}:${volunteerId}`;
  const init = useMemo(
    () => ({ topicId: topicId || null, serviceId: serviceId || null, volunteerId }),
    [topicId, serviceId, volunteerId],
  );
  const first = useMemo(() => loadDraft(draftKey, init), [draftKey, init]);
  const [draft, setDraft] = useState<OrderDraft>(first.draft);
  const [restored, setRestored] = useState(first.restored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [view, setView] = useState<'form' | 'confirm'>('form');
  const [busy, setBusy] = useState(false);
  const [rangeDays, setRangeDays] = useState(FIRST_RANGE_DAYS);
  const dirty = useRef(false);
  const save = useDrafts((s) => s.save);

  useEffect(() => {
    if (dirty.current) save(draftKey, draft);
  }, [draft, draftKey, save]);

  /** A user edit: saved as a draft; the edited fields' errors go away. */
  const update = (patch: Partial<OrderDraft>, touched: string[] = Object.keys(patch)) => {
    dirty.current = true;
    setDraft((d) => ({ ...d, ...patch }));
    setErrors((e) => {
      const next = { ...e };
      for (const k of touched) delete next[k];
      if (touched.includes('venue')) for (const k of ['venue.type', 'venue.address', 'venue.link']) delete next[k];
      return next;
    });
  };

  // ---- what is booked -------------------------------------------------------------------
  const needsSubjectChoice = !topicId && !serviceId && !!volunteerId;
  const owner = useAsync(
    async () => (needsSubjectChoice ? call('catalog', 'volunteer', { id: volunteerId }) : null),
    [needsSubjectChoice, volunteerId],
  );
  const subjectChoices: Choice<string>[] = owner.data
    ? kind === 'lecture'
      ? owner.data.topics.map((t) => ({ value: t.id, label: t.title, sub: CATEGORY_LABEL[t.category] }))
      : owner.data.services.map((s) => ({ value: s.id, label: s.title, sub: s.field }))
    : [];
  const subjectId = kind === 'lecture' ? draft.topicId : draft.serviceId;
  useEffect(() => {
    if (!subjectId && subjectChoices.length === 1) {
      setDraft((d) => ({ ...d, [kind === 'lecture' ? 'topicId' : 'serviceId']: subjectChoices[0]!.value }));
    }
  }, [subjectChoices.length, subjectId]); // eslint-disable-line react-hooks/exhaustive-deps

  const subject = useAsync(async (): Promise<Subject | null> => {
    if (!subjectId) return null;
    if (kind === 'lecture') return subjectOfTopic(await call('catalog', 'topic', { id: subjectId }));
    return subjectOfService(await call('catalog', 'service', { id: subjectId }));
  }, [kind, subjectId]);
  const s = subject.data && subject.data.id === subjectId ? subject.data : null;

  useEffect(() => {
    if (s) void Taro.setNavigationBarTitle({ title: kind === 'lecture' ? '预约宣讲' : '预约技术服务' });
  }, [s, kind]);

  // Defaults from the subject: a single duration or venue type is chosen for the user.
  useEffect(() => {
    if (!s) return;
    setDraft((d) => {
      const next = { ...d };
      if (d.durationMin != null && !s.durations.includes(d.durationMin)) next.durationMin = null;
      if (next.durationMin == null && s.durations.length === 1) next.durationMin = s.durations[0]!;
      if (d.venue.type && !s.venueTypes.includes(d.venue.type)) next.venue = { ...d.venue, type: null };
      if (next.venue.type == null && s.venueTypes.length === 1) next.venue = { ...next.venue, type: s.venueTypes[0]! };
      if (d.volunteerId && !s.volunteers.some((v) => v.id === d.volunteerId)) next.volunteerId = '';
      // One speaker for the topic (or one technician with no team to arrange): that person, not 任意.
      if (!next.volunteerId && s.volunteers.length === 1 && (!s.any || s.kind === 'lecture')) next.volunteerId = s.volunteers[0]!.id;
      return next;
    });
  }, [s]);

  // ---- when ---------------------------------------------------------------------------------
  const named = draft.volunteerId !== '';
  const slots = useAsync(async () => {
    if (!draft.volunteerId) return null;
    const from = Date.now();
    const p = await call('catalog', 'volunteer', {
      id: draft.volunteerId,
      from: toShanghaiIso(from),
      to: toShanghaiIso(from + rangeDays * 86_400_000 - 60_000),
    });
    return { volunteerId: draft.volunteerId, freeSlots: p.freeSlots };
  }, [draft.volunteerId, rangeDays]);
  const freeSlots = slots.data && slots.data.volunteerId === draft.volunteerId ? slots.data.freeSlots : null;
  const allowedStarts = useMemo(
    () => (named && freeSlots && draft.durationMin ? startsByDay(freeSlots, draft.durationMin).flatMap((d) => d.starts) : null),
    [named, freeSlots, draft.durationMin],
  );
  // A start that no longer fits (other duration, slot taken meanwhile, an old draft) is dropped.
  useEffect(() => {
    if (allowedStarts && draft.start && !allowedStarts.includes(draft.start)) setDraft((d) => ({ ...d, start: null }));
  }, [allowedStarts]); // eslint-disable-line react-hooks/exhaustive-deps

  const ctx = (): BookingContext => ({
    kind,
    venueTypes: s?.venueTypes ?? [],
    durations: s?.durations ?? [],
    now: Date.now(),
    allowedStarts: named ? allowedStarts : null,
    needsVolunteer: s ? s.any == null : false,
  });

  const next = () => {
    const errs = validateBooking(draft, ctx());
    setErrors(errs);
    const keys = Object.keys(errs);
    if (keys.length > 0) {
      setBanner('请完善标红的内容');
      scrollToField(PLACED.find((k) => keys.includes(k)) ?? keys[0]!);
      return;
    }
    setBanner(null);
    setView('confirm');
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined);
  };

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setBanner(null);
    try {
      // The same draft (and so the same requestId) on every retry of this fill.
      const order = await call('order', 'create', toCreateInput(draft, kind));
      const store = useDrafts.getState();
      store.clear(draftKey);
      store.rememberPhone(draft.contactPhone.trim());
      dirty.current = false;
      void Taro.showToast({ title: '已提交', icon: 'success' });
      void Taro.redirectTo({ url: orderRoutes.detail(order.id) });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      const message = errorMessage(err);
      const conflict = err instanceof ApiError && err.code === 'CONFLICT';
      if (conflict) {
        fields.start = fields.start ?? message;
        update({ start: null }, []);
        void slots.reload();
      }
      setErrors(fields);
      setBanner(message);
      const keys = Object.keys(fields);
      if (keys.length > 0) {
        setView('form');
        setTimeout(() => scrollToField(PLACED.find((k) => keys.includes(k)) ?? 'start'), 50);
      }
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    useDrafts.getState().clear(draftKey);
    dirty.current = false;
    setDraft(emptyDraft({ ...init, contactPhone: useDrafts.getState().lastPhone }));
    setErrors({});
    setBanner(null);
    setRestored(false);
  };

  // ---- render -------------------------------------------------------------------------------
  if (needsSubjectChoice && owner.status !== 'ready') {
    return <StateView loading={owner.status === 'loading'} error={owner.error} onRetry={() => void owner.reload()} />;
  }
  if (needsSubjectChoice && subjectChoices.length === 0) {
    return (
      <StateView
        loading={false}
        error={null}
        empty
        emptyText={kind === 'lecture' ? '这位志愿者暂未开设宣讲主题' : '这位志愿者暂未提供技术服务'}
        emptyAction={{ text: '返回', onClick: () => void Taro.navigateBack() }}
      />
    );
  }

  const person = s?.volunteers.find((v) => v.id === draft.volunteerId) ?? null;
  const personWord = kind === 'lecture' ? '宣讲人' : '技术人员';
  const extra = unplacedErrors(errors, PLACED);
  const startEnd = draft.start && draft.durationMin
    ? toShanghaiIso(Date.parse(draft.start) + draft.durationMin * 60_000)
    : null;

  const bannerView = <FormBanner message={banner} items={extra} />;

  if (view === 'confirm' && s) {
    return (
      <View className={`order-page book-page book-confirm${elder}`}>
        <View className="order-hero">
          <Text className="order-hero__title">请确认预约信息</Text>
          <Text className="order-hero__sub">
            {named ? `提交后等待${person?.name ?? personWord}确认` : s.any?.then ?? ''}
          </Text>
        </View>
        {bannerView}
        <View className="card summary">
          <View className="order-kv"><Text className="order-kv__key">{kind === 'lecture' ? '宣讲主题' : '技术服务'}</Text><Text className="order-kv__value summary__title">{s.title}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">{personWord}</Text><Text className="order-kv__value summary__person">{person ? person.name : s.any?.label ?? '—'}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">时间</Text><Text className="order-kv__value summary__time">{draft.start && startEnd ? `${formatDay(draft.start)} ${formatTimeRange(draft.start, startEnd)}` : '—'}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">时长</Text><Text className="order-kv__value">{draft.durationMin ? durationLabel(kind, draft.durationMin) : '—'}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">场地</Text><Text className="order-kv__value summary__venue">{draft.venue.type ? VENUE_LABEL[draft.venue.type] : '—'}{draft.venue.type === 'online' ? ` · ${draft.venue.link}` : ` · ${draft.venue.address}`}</Text></View>
          {draft.headcount.trim() !== '' && <View className="order-kv"><Text className="order-kv__key">人数</Text><Text className="order-kv__value">{draft.headcount.trim()} 人</Text></View>}
          <View className="order-kv"><Text className="order-kv__key">联系电话</Text><Text className="order-kv__value">{draft.contactPhone.trim()}</Text></View>
          {draft.note.trim() !== '' && <View className="order-kv"><Text className="order-kv__key">备注</Text><Text className="order-kv__value">{draft.note.trim()}</Text></View>}
        </View>
        <Text className="order-page__tip">联系电话和详细地址仅接单的志愿者与工会管理员可见。开始前可改期或取消。</Text>
        <SubmitBar
          className="book-submit"
          label={banner ? '重新提交' : '确认提交'}
          busy={busy}
          busyLabel="提交中…"
          back={{ label: '返回修改', className: 'book-back', onClick: () => setView('form') }}
          onSubmit={() => {
            if (openProfileIfMissing()) return;
            // First, while the tap still counts for WeChat: the messages about this order.
            askToSubscribe(REQUESTER_KINDS);
            void submit();
          }}
        />
      </View>
    );
  }

  return (
    <View className={`order-page book-page${elder}`}>
      {restored && (
        <View className="form-restored">
          <Text>已恢复上次未提交的内容</Text>
          <Text className="link form-restored__reset" onClick={restart}>清空重填</Text>
        </View>
      )}
      {bannerView}

      {needsSubjectChoice && (
        <View className="card form-card">
          <Field name={kind === 'lecture' ? 'topicId' : 'serviceId'} label={kind === 'lecture' ? `${owner.data?.name ?? ''}的宣讲主题` : `${owner.data?.name ?? ''}的技术服务`} required error={errors[kind === 'lecture' ? 'topicId' : 'serviceId']}>
            <Choices
              className="subject-choices"
              layout="rows"
              options={subjectChoices}
              value={subjectId}
              onChange={(id) => update(kind === 'lecture' ? { topicId: id, start: null } : { serviceId: id, start: null }, ['topicId', 'serviceId'])}
            />
          </Field>
        </View>
      )}

      {!subjectId && (
        <Text className="order-page__tip">{kind === 'lecture' ? '选好主题后，再选时间和场地' : '选好服务后，再选时间和场地'}</Text>
      )}
      <StateView
        loading={subject.status === 'loading' && s == null && !!subjectId}
        error={subjectId ? subject.error : null}
        onRetry={() => void subject.reload()}
      >
        {s && (
          <>
            {!needsSubjectChoice && (
              <View className="order-hero">
                <Text className="order-hero__title book-subject">{s.title}</Text>
                <View className="order-hero__tags">
                  {s.tags.filter(Boolean).map((t) => (
                    <Text key={t} className="chip">{t}</Text>
                  ))}
                </View>
              </View>
            )}

            <View className="card form-card">
              <Field name="volunteerId" label={kind === 'lecture' ? '选择宣讲人' : '选择技术人员'} required error={errors.volunteerId}>
                <Choices
                  className="volunteer-choices"
                  layout="rows"
                  options={[
                    ...s.volunteers.map((v) => ({ value: v.id, label: v.name, sub: [v.title, v.teamName].filter(Boolean).join(' · ') })),
                    ...(s.any ? [{ value: ANY, label: s.any.label, sub: s.any.sub }] : []),
                  ]}
                  value={draft.volunteerId || (s.any ? ANY : null)}
                  onChange={(v) => {
                    const id = v === ANY ? '' : v;
                    if (id !== draft.volunteerId) update({ volunteerId: id, start: null }, ['volunteerId', 'start']);
                  }}
                />
              </Field>

              <Field name="durationMin" label="时长" required error={errors.durationMin}>
                <Choices
                  className="duration-choices"
                  options={s.durations.map((m) => ({ value: m, label: durationLabel(kind, m) }))}
                  value={draft.durationMin}
                  onChange={(m) => update({ durationMin: m }, ['durationMin', 'start'])}
                />
              </Field>

              <Field
                name="start"
                label={named ? `${person?.name ?? personWord}的可约时间` : '期望时间'}
                required
                error={errors.start}
                hint={named ? '北京时间；仅显示能容纳所选时长的空闲时段' : '北京时间；需提前 24 小时，90 天内'}
              >
                {named ? (
                  <SlotPicker
                    slots={freeSlots}
                    durationMin={draft.durationMin}
                    value={draft.start}
                    onChange={(start) => update({ start })}
                    loading={slots.status === 'loading'}
                    error={slots.error}
                    onRetry={() => void slots.reload()}
                    onMore={rangeDays < HORIZON_DAYS ? () => setRangeDays(HORIZON_DAYS) : undefined}
                    rangeLabel={`近 ${rangeDays} 天`}
                  />
                ) : (
                  <OpenTimePicker value={draft.start} onChange={(start) => update({ start })} now={Date.now()} />
                )}
              </Field>
            </View>

            <View className="card form-card">
              <VenueFields
                venue={draft.venue}
                types={s.venueTypes}
                errors={errors}
                typeHint={s.venueHint}
                onChange={(venue) => update({ venue }, ['venue'])}
              />
              <Field name="headcount" label={kind === 'lecture' ? '听众人数' : '参与人数'} error={errors.headcount} hint="选填，便于志愿者准备">
                <TextInput
                  className="headcount-input"
                  type="number"
                  value={draft.headcount}
                  max={6}
                  placeholder="例如 50"
                  onChange={(headcount) => update({ headcount })}
                />
              </Field>
              <Field name="contactPhone" label="联系电话" required error={errors.contactPhone} hint="仅接单的志愿者和工会管理员可见">
                <TextInput
                  className="phone-input"
                  value={draft.contactPhone}
                  max={LIMITS.order.phone}
                  placeholder="手机号或座机号"
                  onChange={(contactPhone) => update({ contactPhone })}
                />
              </Field>
              <Field name="note" label="备注" error={errors.note} count={draft.note.length} max={LIMITS.order.note}>
                <TextArea
                  className="note-input"
                  value={draft.note}
                  max={LIMITS.order.note}
                  autoHeight
                  placeholder={kind === 'lecture' ? '听众情况、希望侧重的内容等（选填）' : '设备型号、遇到的问题等（选填）'}
                  onChange={(note) => update({ note })}
                />
              </Field>
            </View>

            <SubmitBar className="book-next" label="下一步：确认信息" onSubmit={next} />
          </>
        )}
      </StateView>
    </View>
  );
}

/** 预约: a lecture (topicId, volunteerId?) or a technical service (serviceId, volunteerId?). */
export default function BookPage() {
  const elder = useRootClass('');
  // The template ids for the subscribe prompt on submit (a read, not a prompt).
  useEffect(prepareSubscribe, []);
  const user = useStore((st) => st.user);
  const topicId = useRouteParam('topicId');
  const serviceId = useRouteParam('serviceId');
  const volunteerId = useRouteParam('volunteerId');
  const kindParam = useRouteParam('kind');
  const kind: Kind = serviceId || kindParam === 'service' ? 'service' : 'lecture';

  if (user == null) {
    return (
      <View className={`order-page${elder}`}>
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后才能预约"
          emptyHint="已填写的内容会保留"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }
  if (!topicId && !serviceId && !volunteerId) {
    return (
      <View className={`order-page${elder}`}>
        <StateView loading={false} error="缺少预约对象，请从主题、宣讲人或服务页面进入" />
      </View>
    );
  }
  return <BookingForm key={`${kind}:${topicId}:${serviceId}:${volunteerId}`} kind={kind} topicId={topicId} serviceId={serviceId} volunteerId={volunteerId} />;
}
