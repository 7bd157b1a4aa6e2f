import { useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { FieldErrors } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { useRouteParam } from '@/hooks/useRouteParam';
import { StateView } from '@/components/StateView';
import { orderTime, orderTitle, taskRoutes } from '@/pages/tasks/shared';
import { OUTCOME_LABEL, type Outcome } from '../labels';
import { Choices, Field, FormBanner, LIMITS, PhotoField, SubmitBar, TextArea, TextInput } from '@/components/form';
import { formatMinutes } from '@/utils/labels';
import { atClock, clockOf, creditedMinutes, defaultTimes, validateTimes, type ActualTimes } from './times';
import { validateRecord, type RecordDraft } from './validate';
import '../shared.scss';
import './index.scss';
import { useRootClass } from '@/hooks/useElder';

/** 服务记录: what happened on site, filed once; the order then waits for the requester's rating. */
export default function RecordPage() {
  const elder = useRootClass('');
  const id = useRouteParam('id');
  const order = useAsync(async () => {
    if (!id) throw new ApiError('NOT_FOUND', '缺少订单编号');
    return call('order', 'get', { id });
  }, [id]);
  const o = order.data;
  const isNeed = o?.kind === 'need';

  const [draft, setDraft] = useState<RecordDraft>({ peopleServed: '', summary: '', outcome: null, followUp: '' });
  const [times, setTimes] = useState<ActualTimes | null>(null);
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
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
    busyRef.current = true;
    setBusy(true);
    setFormError(null);
    const followUp = draft.followUp.trim();
    const record = {
      peopleServed: Number(draft.peopleServed.trim()),
      summary: draft.summary.trim(),
      ...(isNeed && draft.outcome ? { outcome: draft.outcome } : {}),
      ...(isNeed && draft.outcome !== 'resolved' && followUp ? { followUp } : {}),
      ...(photos.length ? { photos } : {}),
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
  const notOffered = o != null && !o.actions.includes('complete');

  return (
    <View className={`record-page${elder}`}>
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
            <FormBanner className="record-form__error" message={formError} />
            <View className="card form-card record-form">
              <Field name="record.peopleServed" label="服务人数" required error={err('peopleServed')}>
                <TextInput
                  className="record-people"
                  type="number"
                  value={draft.peopleServed}
                  max={6}
                  placeholder="实际参加或受益的人数"
                  onChange={(v) => set('peopleServed', v)}
                />
              </Field>

              {times && (
                <Field
                  name="record.actual"
                  label="实际服务时间"
                  required
                  error={err('actualStart') ?? err('actualEnd')}
                  hint={`按实际开始和结束时间填写，服务时长据此计入（最多计预约时长 ${formatMinutes(o.durationMin)}）`}
                >
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
                </Field>
              )}

              {isNeed && (
                <Field name="record.outcome" label="解决情况" required error={err('outcome')}>
                  <Choices<Outcome>
                    className="outcome-choices"
                    layout="grid"
                    options={(Object.keys(OUTCOME_LABEL) as Outcome[]).map((k) => ({ value: k, label: OUTCOME_LABEL[k] }))}
                    value={draft.outcome}
                    onChange={(k) => set('outcome', k)}
                  />
                </Field>
              )}

              <Field name="record.summary" label="服务小结" required error={err('summary')} count={draft.summary.length} max={LIMITS.record.summary}>
                <TextArea
                  className="record-summary"
                  value={draft.summary}
                  max={LIMITS.record.summary}
                  placeholder={isNeed ? '问题是什么、做了哪些处理、效果如何' : '讲了什么、现场反响如何'}
                  onChange={(v) => set('summary', v)}
                />
              </Field>

              {isNeed && draft.outcome != null && draft.outcome !== 'resolved' && (
                <Field name="record.followUp" label="后续安排" required error={err('followUp')} count={draft.followUp.length} max={LIMITS.record.followUp}>
                  <TextArea
                    className="record-followup"
                    value={draft.followUp}
                    max={LIMITS.record.followUp}
                    placeholder="还差什么、谁来跟进、大约何时"
                    onChange={(v) => set('followUp', v)}
                  />
                </Field>
              )}

              <Field name="record.photos" label="现场照片" error={err('photos')} hint={`选填，最多 ${LIMITS.record.photos} 张`}>
                <PhotoField value={photos} max={LIMITS.record.photos} folder="records" onChange={setPhotos} onBusyChange={setUploading} />
              </Field>
            </View>

            <SubmitBar
              className="record-submit"
              label={uploading ? '照片上传中…' : '提交服务记录'}
              busy={busy}
              busyLabel="提交中…"
              disabled={notOffered}
              onSubmit={() => void submit()}
            />
          </>
        )}
      </StateView>
    </View>
  );
}
