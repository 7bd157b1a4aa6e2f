import { useEffect, useMemo, useRef, useState } from 'react';
import { askToSubscribe, prepareSubscribe, REQUESTER_KINDS } from '@/services/subscribe';
import { openProfileIfMissing } from '../lib/profile-gate';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { URGENCY_LABEL } from '@/components/OrderCard/labels';
import { VENUE_LABEL } from '@/utils/labels';
import { goTab, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { Choices, Field, FormBanner, LIMITS, PhotoField, PhotoThumbs, scrollToField, SubmitBar, TextArea, TextInput } from '@/components/form';
import { OpenTimePicker } from '../components/OpenTimePicker';
import { ALL_VENUES, VenueFields } from '../components/VenueFields';
import { emptyDraft, loadDraft, useDrafts, type OrderDraft } from '../lib/draft';
import { fieldErrorsOf, toCreateInput, unplacedErrors, validateNeed } from '../lib/form';
import { wantedTimeText } from '../lib/copy';
import { toShanghaiIso } from '../lib/slots';
import '../shared.scss';
import { useRootClass } from '@/hooks/useElder';

const COMMON_FIELDS = ['数控', '电力', '汽车维修', '医疗义诊', '维修电工', '电商', '机电维修', '焊接', '污水处理', '安全生产', '其他'];
const OTHER = '其他';
const NEED_DURATIONS = [60, 120, 240, 480];
const DURATION_LABEL: Record<number, string> = { 60: '1 小时', 120: '2 小时', 240: '半天', 480: '一天' };
const URGENCIES = ['normal', 'urgent', 'critical'] as const;
const PLACED = [
  'title', 'field', 'description', 'photos', 'urgency', 'start', 'durationMin', 'venue.type', 'venue.address', 'venue.link',
  'region', 'contactPhone',
];
const DRAFT_KEY = 'need';

function NeedForm() {
  const elder = useRootClass('');
  const first = useMemo(() => loadDraft(DRAFT_KEY, {}), []);
  const [draft, setDraft] = useState<OrderDraft>(first.draft);
  const [restored, setRestored] = useState(first.restored);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [view, setView] = useState<'form' | 'confirm'>('form');
  const [busy, setBusy] = useState(false);
  const [uploading, setUploading] = useState(false);
  const dirty = useRef(false);
  const save = useDrafts((s) => s.save);

  useEffect(() => {
    if (dirty.current) save(DRAFT_KEY, draft);
  }, [draft, save]);

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

  const fieldChip = draft.field === '' ? null : COMMON_FIELDS.includes(draft.field) ? draft.field : OTHER;

  const next = () => {
    if (uploading) {
      setBanner('照片还在上传，请稍候');
      return;
    }
    const errs = validateNeed(draft, Date.now());
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
      const order = await call('order', 'create', toCreateInput(draft, 'need'));
      const store = useDrafts.getState();
      store.clear(DRAFT_KEY);
      store.rememberPhone(draft.contactPhone.trim());
      dirty.current = false;
      void Taro.showToast({ title: '已发布', icon: 'success' });
      void Taro.redirectTo({ url: orderRoutes.detail(order.id) });
    } catch (err) {
      const fields = fieldErrorsOf(err);
      setErrors(fields);
      setBanner(errorMessage(err));
      const keys = Object.keys(fields);
      if (keys.length > 0 || (err instanceof ApiError && err.code === 'CONFLICT')) {
        setView('form');
        setTimeout(() => scrollToField(PLACED.find((k) => keys.includes(k)) ?? keys[0] ?? 'title'), 50);
      }
    } finally {
      setBusy(false);
    }
  };

  const restart = () => {
    useDrafts.getState().clear(DRAFT_KEY);
    dirty.current = false;
    setDraft(emptyDraft({ contactPhone: useDrafts.getState().lastPhone }));
    setErrors({});
    setBanner(null);
    setRestored(false);
  };

  const extra = unplacedErrors(errors, PLACED);
  const bannerView = <FormBanner message={banner} items={extra} />;

  if (view === 'confirm') {
    const end = draft.start && draft.durationMin ? toShanghaiIso(Date.parse(draft.start) + draft.durationMin * 60_000) : null;
    return (
      <View className={`order-page need-page need-confirm${elder}`}>
        <View className="order-hero">
          <Text className="order-hero__title">请确认求助信息</Text>
          <Text className="order-hero__sub">发布后进入抢单池，相关领域的志愿者可接单；48 小时无人接单将转交工会</Text>
        </View>
        {bannerView}
        <View className="card">
          <View className="order-kv"><Text className="order-kv__key">标题</Text><Text className="order-kv__value summary__title">{draft.title.trim()}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">领域</Text><Text className="order-kv__value">{draft.field}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">紧急程度</Text><Text className="order-kv__value">{URGENCY_LABEL[draft.urgency]}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">问题描述</Text><Text className="order-kv__value">{draft.description.trim()}</Text></View>
          {draft.photos.length > 0 && (
            <View className="order-kv">
              <Text className="order-kv__key">照片</Text>
              <View className="order-kv__value confirm-photos">
                <PhotoThumbs photos={draft.photos} />
              </View>
            </View>
          )}
          <View className="order-kv"><Text className="order-kv__key">期望时间</Text><Text className="order-kv__value">{draft.start && end && draft.durationMin ? wantedTimeText(draft.start, draft.durationMin) : '—'}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">场地</Text><Text className="order-kv__value">{draft.venue.type ? VENUE_LABEL[draft.venue.type] : '—'}{draft.venue.type === 'online' ? ` · ${draft.venue.link}` : ` · ${draft.venue.address}`}</Text></View>
          {draft.region.trim() !== '' && <View className="order-kv"><Text className="order-kv__key">地区</Text><Text className="order-kv__value">{draft.region.trim()}</Text></View>}
          <View className="order-kv"><Text className="order-kv__key">联系电话</Text><Text className="order-kv__value">{draft.contactPhone.trim()}</Text></View>
        </View>
        <Text className="order-page__tip">联系电话和详细地址仅接单的志愿者与工会管理员可见。</Text>
        <SubmitBar
          className="need-submit"
          label={banner ? '重新发布' : '确认发布'}
          busy={busy}
          busyLabel="发布中…"
          back={{ label: '返回修改', className: 'need-back', onClick: () => setView('form') }}
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
    <View className={`order-page need-page${elder}`}>
      {restored && (
        <View className="form-restored">
          <Text>已恢复上次未发布的内容</Text>
          <Text className="link form-restored__reset" onClick={restart}>清空重填</Text>
        </View>
      )}
      {bannerView}
      <View className="card form-card">
        <Field name="title" label="求助标题" required error={errors.title}>
          <TextInput
            className="need-title"
            value={draft.title}
            max={LIMITS.order.title}
            placeholder="一句话说明问题，如：数控机床主轴异响"
            onChange={(title) => update({ title })}
          />
        </Field>
        <Field name="field" label="所属领域" required error={errors.field}>
          <Choices
            className="field-choices"
            options={COMMON_FIELDS.map((f) => ({ value: f, label: f }))}
            value={fieldChip}
            onChange={(f) => update({ field: f })}
          />
          {fieldChip === OTHER && (
            <TextInput
              className="need-field-other"
              value={draft.field === OTHER ? '' : draft.field}
              max={LIMITS.order.field}
              placeholder="填写具体领域（选填）"
              onChange={(v) => update({ field: v.trim() === '' ? OTHER : v }, ['field'])}
            />
          )}
        </Field>
        <Field
          name="description"
          label="问题描述"
          required
          error={errors.description}
          count={draft.description.length}
          max={LIMITS.order.description}
        >
          <TextArea
            className="need-description"
            value={draft.description}
            max={LIMITS.order.description}
            placeholder="设备型号、故障现象、已尝试的办法等，至少 10 个字"
            onChange={(description) => update({ description })}
          />
        </Field>
        <Field name="photos" label="现场照片" error={errors.photos} hint={`选填，最多 ${LIMITS.order.photos} 张`}>
          <PhotoField
            value={draft.photos}
            max={LIMITS.order.photos}
            folder="needs"
            onChange={(photos) => update({ photos })}
            onBusyChange={setUploading}
          />
        </Field>
        <Field name="urgency" label="紧急程度" required error={errors.urgency}>
          <Choices
            className="urgency-choices"
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABEL[u] }))}
            value={draft.urgency}
            onChange={(urgency) => update({ urgency })}
          />
        </Field>
      </View>

      <View className="card form-card">
        <Field name="durationMin" label="预计时长" required error={errors.durationMin}>
          <Choices
            className="duration-choices"
            options={NEED_DURATIONS.map((m) => ({ value: m, label: DURATION_LABEL[m] ?? `${m} 分钟` }))}
            value={draft.durationMin}
            onChange={(m) => update({ durationMin: m })}
          />
        </Field>
        <Field name="start" label="最早可服务时间" required error={errors.start} hint="北京时间；需提前 24 小时，90 天内">
          <OpenTimePicker value={draft.start} onChange={(start) => update({ start })} now={Date.now()} />
        </Field>
      </View>

      <View className="card form-card">
        <VenueFields venue={draft.venue} types={ALL_VENUES} errors={errors} onChange={(venue) => update({ venue }, ['venue'])} typeHint="选「网络」可远程指导" />
        <Field name="region" label="所在地区" error={errors.region} hint="选填，如 义乌市；不填按所属工会的地区">
          <TextInput
            className="need-region"
            value={draft.region}
            max={LIMITS.order.region}
            placeholder="市/县（区）"
            onChange={(region) => update({ region })}
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
      </View>

      <SubmitBar className="need-next" label={uploading ? '照片上传中…' : '下一步：确认信息'} onSubmit={next} />
    </View>
  );
}

/** 发布求助: a problem nobody is named for; it goes to the pool for volunteers to grab. */
export default function NeedPage() {
  const elder = useRootClass('');
  // The template ids for the subscribe prompt on submit (a read, not a prompt).
  useEffect(prepareSubscribe, []);
  const user = useStore((s) => s.user);
  if (user == null) {
    return (
      <View className={`order-page${elder}`}>
        <StateView
          loading={false}
          error={null}
          empty
          emptyText="登录后才能发布求助"
          emptyHint="已填写的内容会保留"
          emptyAction={{ text: '去登录', onClick: () => goTab(routes.me) }}
        />
      </View>
    );
  }
  return <NeedForm key={user.id} />;
}
