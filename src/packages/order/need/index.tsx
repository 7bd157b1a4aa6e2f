import { useEffect, useMemo, useRef, useState } from 'react';
import { askToSubscribe, prepareSubscribe, REQUESTER_KINDS } from '@/services/subscribe';
import { openProfileIfMissing } from '../lib/profile-gate';
import Taro from '@tarojs/taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import type { FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useStore } from '@/stores';
import { StateView } from '@/components/StateView';
import { URGENCY_LABEL } from '@/components/OrderCard/labels';
import { VENUE_LABEL } from '@/utils/labels';
import { goTab, routes } from '@/utils/routes';
import { orderRoutes } from '@/pages/orders/routes';
import { Choices } from '../components/Choices';
import { Field, fieldAnchor } from '../components/Field';
import { OpenTimePicker } from '../components/OpenTimePicker';
import { PhotoField } from '../components/PhotoField';
import { ALL_VENUES, VenueFields } from '../components/VenueFields';
import { emptyDraft, loadDraft, useDrafts, type OrderDraft } from '../lib/draft';
import { fieldErrorsOf, toCreateInput, unplacedErrors, validateNeed } from '../lib/form';
import { wantedTimeText } from '../lib/copy';
import { toShanghaiIso } from '../lib/slots';
import '../shared.scss';

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

function scrollToField(name: string) {
  void Taro.pageScrollTo({ selector: `#${fieldAnchor(name)}`, offsetTop: -60, duration: 200 }).catch(() => undefined);
}

function NeedForm() {
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
  const bannerView = (banner || extra.length > 0) && (
    <View className="form-banner" role="alert">
      {banner && <Text className="form-banner__text">{banner}</Text>}
      {extra.map((m) => (
        <Text key={m} className="form-banner__item">
          {m}
        </Text>
      ))}
    </View>
  );

  if (view === 'confirm') {
    const end = draft.start && draft.durationMin ? toShanghaiIso(Date.parse(draft.start) + draft.durationMin * 60_000) : null;
    return (
      <View className="order-page need-page need-confirm">
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
                {draft.photos.map((url) => (
                  <Image key={url} className="confirm-photos__item" src={url} mode="aspectFill" />
                ))}
              </View>
            </View>
          )}
          <View className="order-kv"><Text className="order-kv__key">期望时间</Text><Text className="order-kv__value">{draft.start && end && draft.durationMin ? wantedTimeText(draft.start, draft.durationMin) : '—'}</Text></View>
          <View className="order-kv"><Text className="order-kv__key">场地</Text><Text className="order-kv__value">{draft.venue.type ? VENUE_LABEL[draft.venue.type] : '—'}{draft.venue.type === 'online' ? ` · ${draft.venue.link}` : ` · ${draft.venue.address}`}</Text></View>
          {draft.region.trim() !== '' && <View className="order-kv"><Text className="order-kv__key">地区</Text><Text className="order-kv__value">{draft.region.trim()}</Text></View>}
          <View className="order-kv"><Text className="order-kv__key">联系电话</Text><Text className="order-kv__value">{draft.contactPhone.trim()}</Text></View>
        </View>
        <Text className="order-page__tip">联系电话和详细地址仅接单的志愿者与工会管理员可见。</Text>
        <View className="order-bar order-bar--row">
          <View className="btn btn--outline order-bar__half need-back" onClick={() => !busy && setView('form')}>
            返回修改
          </View>
          <View className={`btn btn--primary order-bar__half need-submit${busy ? ' btn--disabled' : ''}`} onClick={() => {
            if (busy || openProfileIfMissing()) return;
            // First, while the tap still counts for WeChat: the messages about this order.
            askToSubscribe(REQUESTER_KINDS);
            void submit();
          }}>
            {busy ? '发布中…' : banner ? '重新发布' : '确认发布'}
          </View>
        </View>
      </View>
    );
  }

  return (
    <View className="order-page need-page">
      {restored && (
        <View className="form-restored">
          <Text>已恢复上次未发布的内容</Text>
          <Text className="link form-restored__reset" onClick={restart}>清空重填</Text>
        </View>
      )}
      {bannerView}
      <View className="card form-card">
        <Field name="title" label="求助标题" required error={errors.title}>
          <Input
            className="form-input need-title"
            value={draft.title}
            maxlength={60}
            placeholder="一句话说明问题，如：数控机床主轴异响"
            onInput={(e) => update({ title: e.detail.value })}
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
            <Input
              className="form-input need-field-other"
              value={draft.field === OTHER ? '' : draft.field}
              maxlength={20}
              placeholder="填写具体领域（选填）"
              onInput={(e) => update({ field: e.detail.value.trim() === '' ? OTHER : e.detail.value }, ['field'])}
            />
          )}
        </Field>
        <Field
          name="description"
          label="问题描述"
          required
          error={errors.description}
          extra={<Text>{draft.description.trim().length}/2000</Text>}
        >
          <Textarea
            className="form-textarea need-description"
            value={draft.description}
            maxlength={2000}
            placeholder="设备型号、故障现象、已尝试的办法等，至少 10 个字"
            onInput={(e) => update({ description: e.detail.value })}
          />
        </Field>
        <Field name="photos" label="现场照片" error={errors.photos} hint="选填，最多 9 张">
          <PhotoField value={draft.photos} onChange={(photos) => update({ photos })} onBusyChange={setUploading} />
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
          <Input
            className="form-input need-region"
            value={draft.region}
            maxlength={20}
            placeholder="市/县（区）"
            onInput={(e) => update({ region: e.detail.value })}
          />
        </Field>
        <Field name="contactPhone" label="联系电话" required error={errors.contactPhone} hint="仅接单的志愿者和工会管理员可见">
          <Input
            className="form-input phone-input"
            value={draft.contactPhone}
            maxlength={20}
            placeholder="手机号或座机号"
            onInput={(e) => update({ contactPhone: e.detail.value })}
          />
        </Field>
      </View>

      <View className="order-bar">
        <View className={`btn btn--primary need-next${uploading ? ' btn--disabled' : ''}`} onClick={next}>
          {uploading ? '照片上传中…' : '下一步：确认信息'}
        </View>
      </View>
    </View>
  );
}

/** 发布求助: a problem nobody is named for; it goes to the pool for volunteers to grab. */
export default function NeedPage() {
  // The template ids for the subscribe prompt on submit (a read, not a prompt).
  useEffect(prepareSubscribe, []);
  const user = useStore((s) => s.user);
  if (user == null) {
    return (
      <View className="order-page">
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
