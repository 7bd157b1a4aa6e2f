import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Input, Picker, Text, Textarea, View } from '@tarojs/components';
import type { FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { orderTime, orderTitle, taskRoutes } from '@/pages/tasks/shared';
import { OUTCOME_LABEL, type Outcome } from '../labels';
import { uploadPhoto } from '../upload';
import { formatMinutes } from '@/utils/labels';
import { atClock, clockOf, creditedMinutes, defaultTimes, validateTimes, type ActualTimes } from './times';
import { validateRecord, type RecordDraft } from './validate';
import '../shared.scss';
import './index.scss';

export const MAX_PHOTOS = 9;

interface Photo {
  key: string;
  /** The local file chosen (shown while uploading). */
  local: string;
  /** Where it is stored, once uploaded. */
  url: string | null;
  error: string | null;
}

let photoSeq = 0;

/** 服务记录: what happened on site, filed once; the order then waits for the requester's rating. */
export default function RecordPage() {
  const id = useRouteParam('id');
  const order = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少订单编号');
    return call('order', 'get', { id });
  }, [id]);
  const o = order.data;
  const isNeed = o?.kind === 'need';

  const [draft, setDraft] = useState<RecordDraft>({ peopleServed: '', summary: '', outcome: null, followUp: '' });
  const [times, setTimes] = useState<ActualTimes | null>(null);
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);

  const set = <K extends keyof RecordDraft>(k: K, v: RecordDraft[K]) => {
    setDraft((d) => ({ ...d, [k]: v }));
    setFormError(null);
    setErrors((e) => {
      const { [`record.${k}`]: _gone, ...rest } = e;
      return rest;
    });
  };

  // Prefill the actual time once the order is here: check-in or booked start → booked end.
  useEffect(() => {
    if (o && times == null) setTimes(defaultTimes(o));
  }, [o, times]);

  const setTime = (k: keyof ActualTimes, hhmm: string) => {
    if (!o || !times) return;
    setTimes({ ...times, [k]: atClock(o.start, hhmm) });
    setFormError(null);
    setErrors((e) => {
      const { ['record.actualStart']: _s, ['record.actualEnd']: _e, ...rest } = e;
      return rest;
    });
  };

  const upload = async (p: Photo) => {
    try {
      const url = await uploadPhoto(p.local);
      setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, url, error: null } : x)));
    } catch (err) {
      setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, error: errorMessage(err) } : x)));
    }
  };

  const addPhotos = async () => {
    const room = MAX_PHOTOS - photos.length;
    if (room <= 0) return;
    let paths: string[];
    try {
      const res = await Taro.chooseImage({ count: room, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      paths = res.tempFilePaths.slice(0, room);
    } catch {
      return; // cancelled
    }
    const added = paths.map((local) => ({ key: `p${++photoSeq}`, local, url: null, error: null }));
    setPhotos((ps) => [...ps, ...added]);
    await Promise.all(added.map(upload));
  };

  const retryPhoto = (p: Photo) => {
    setPhotos((ps) => ps.map((x) => (x.key === p.key ? { ...x, error: null } : x)));
    void upload(p);
  };

  const uploading = photos.some((p) => p.url == null && p.error == null);
  const failed = photos.some((p) => p.error != null);

  const submit = async () => {
    if (!o || busyRef.current) return;
    const local = { ...validateRecord(draft, isNeed), ...(times ? validateTimes(times, o) : {}) };
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFormError('请按提示修改后再提交');
      void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      return;
    }
    if (uploading) {
      setFormError('照片还在上传，请稍候');
      return;
    }
    if (failed) {
      setFormError('有照片上传失败：点照片重试，或删除后再提交');
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setFormError(null);
    const followUp = draft.followUp.trim();
    const record = {
      peopleServed: Number(draft.peopleServed.trim()),
      summary: draft.summary.trim(),
      ...(isNeed && draft.outcome ? { outcome: draft.outcome } : {}),
      ...(isNeed && draft.outcome !== 'resolved' && followUp ? { followUp } : {}),
      ...(photos.length ? { photos: photos.map((p) => p.url!) } : {}),
      ...(times ? { actualStart: times.start, actualEnd: times.end } : {}),
    };
    try {
      await call('task', 'complete', { id: o.id, record });
      void Taro.showToast({ title: '服务记录已提交', icon: 'success' });
      Taro.navigateBack().catch(() => Taro.redirectTo({ url: taskRoutes.detail(o.id) }));
    } catch (err) {
      // Keep everything typed; say what is wrong next to each input.
      setErrors(err instanceof ApiError && err.fields ? err.fields : {});
      setFormError(errorMessage(err));
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };

  const err = (k: string) =>
    errors[`record.${k}`] ?? Object.entries(errors).find(([f]) => f.startsWith(`record.${k}.`))?.[1];
  const rowClass = (k: string) => `form-row form-row--${k}${err(k) ? ' form-row--invalid' : ''}`;
  const notOffered = o != null && !o.actions.includes('complete');

  return (
    <View className="record-page">
      <StateView loading={order.status === 'loading' && o == null} error={o ? null : order.error} onRetry={() => void order.reload()}>
        {o && (
          <>
            <View className="record-page__head">
              <Text className="record-page__title">{orderTitle(o)}</Text>
              <Text className="record-page__time">{orderTime(o)}</Text>
            </View>
            {notOffered && (
              <Text className="banner-error">
                {o.record ? '这个订单的服务记录已经提交' : '签到后才能填写服务记录'}
              </Text>
            )}
            {formError && (
              <View className="banner-error record-form__error" role="alert">
                {formError}
              </View>
            )}
            <View className="card record-form">
              <View className={rowClass('peopleServed')}>
                <Text className="form-row__label">
                  服务人数<Text className="form-row__required">*</Text>
                </Text>
                <Input
                  className="form-row__input record-people"
                  type="number"
                  value={draft.peopleServed}
                  placeholder="实际参加或受益的人数"
                  onInput={(e) => set('peopleServed', e.detail.value)}
                />
                {err('peopleServed') && <Text className="field-error">{err('peopleServed')}</Text>}
              </View>

              {times && (
                <View className={`form-row form-row--actual${err('actualStart') || err('actualEnd') ? ' form-row--invalid' : ''}`}>
                  <Text className="form-row__label">
                    实际服务时间<Text className="form-row__required">*</Text>
                  </Text>
                  <View className="actual-times">
                    <Picker mode="time" value={clockOf(times.start)} onChange={(e) => setTime('start', String(e.detail.value))}>
                      <Text className="actual-times__pick actual-start">{clockOf(times.start)}</Text>
                    </Picker>
                    <Text className="actual-times__dash">至</Text>
                    <Picker mode="time" value={clockOf(times.end)} onChange={(e) => setTime('end', String(e.detail.value))}>
                      <Text className="actual-times__pick actual-end">{clockOf(times.end)}</Text>
                    </Picker>
                    <Text className="actual-times__credit">计 {formatMinutes(creditedMinutes(times, o.durationMin))}</Text>
                  </View>
                  <Text className="form-row__hint">按实际开始和结束时间填写，服务时长据此计入（最多计预约时长 {formatMinutes(o.durationMin)}）</Text>
                  {err('actualStart') && <Text className="field-error">{err('actualStart')}</Text>}
                  {err('actualEnd') && <Text className="field-error">{err('actualEnd')}</Text>}
                </View>
              )}

              {isNeed && (
                <View className={rowClass('outcome')}>
                  <Text className="form-row__label">
                    解决情况<Text className="form-row__required">*</Text>
                  </Text>
                  <View className="outcome-pick">
                    {(Object.keys(OUTCOME_LABEL) as Outcome[]).map((k) => (
                      <Text
                        key={k}
                        className={`outcome-pick__item outcome-pick__item--${k}${draft.outcome === k ? ' outcome-pick__item--active' : ''}`}
                        onClick={() => set('outcome', k)}
                      >
                        {OUTCOME_LABEL[k]}
                      </Text>
                    ))}
                  </View>
                  {err('outcome') && <Text className="field-error">{err('outcome')}</Text>}
                </View>
              )}

              <View className={rowClass('summary')}>
                <Text className="form-row__label">
                  服务小结<Text className="form-row__required">*</Text>
                </Text>
                <Textarea
                  className="form-row__textarea record-summary"
                  value={draft.summary}
                  maxlength={2000}
                  placeholder={isNeed ? '问题是什么、做了哪些处理、效果如何' : '讲了什么、现场反响如何'}
                  onInput={(e) => set('summary', e.detail.value)}
                />
                {err('summary') && <Text className="field-error">{err('summary')}</Text>}
              </View>

              {isNeed && draft.outcome != null && draft.outcome !== 'resolved' && (
                <View className={rowClass('followUp')}>
                  <Text className="form-row__label">
                    后续安排<Text className="form-row__required">*</Text>
                  </Text>
                  <Textarea
                    className="form-row__textarea record-followup"
                    value={draft.followUp}
                    maxlength={1000}
                    placeholder="还差什么、谁来跟进、大约何时"
                    onInput={(e) => set('followUp', e.detail.value)}
                  />
                  {err('followUp') && <Text className="field-error">{err('followUp')}</Text>}
                </View>
              )}

              <View className={rowClass('photos')}>
                <Text className="form-row__label">
                  现场照片 <Text className="muted">（{photos.length}/{MAX_PHOTOS}）</Text>
                </Text>
                <View className="photo-grid">
                  {photos.map((p) => (
                    <View key={p.key} className="record-photo" data-state={p.error ? 'failed' : p.url ? 'done' : 'uploading'}>
                      <Image className="photo-grid__item" src={p.url ?? p.local} mode="aspectFill" onClick={() => p.error && retryPhoto(p)} />
                      {p.url == null && (
                        <Text className={`record-photo__state${p.error ? ' record-photo__state--failed' : ''}`} onClick={() => p.error && retryPhoto(p)}>
                          {p.error ? '失败，点此重试' : '上传中…'}
                        </Text>
                      )}
                      <Text className="record-photo__remove" onClick={() => setPhotos((ps) => ps.filter((x) => x.key !== p.key))}>
                        ×
                      </Text>
                    </View>
                  ))}
                  {photos.length < MAX_PHOTOS && (
                    <View className="photo-add" onClick={() => void addPhotos()}>
                      +
                    </View>
                  )}
                </View>
                {err('photos') && <Text className="field-error">{err('photos')}</Text>}
              </View>
            </View>

            <View className="bottom-bar">
              <View
                className={`btn btn--primary record-submit${busy || notOffered ? ' btn--disabled' : ''}`}
                aria-disabled={busy || notOffered}
                onClick={() => !notOffered && void submit()}
              >
                {busy ? '提交中…' : uploading ? '照片上传中…' : '提交服务记录'}
              </View>
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
