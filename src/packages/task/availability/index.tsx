import { useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { Availability } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { inShanghai, weekdayName } from '@/utils/time';
import { mapServerErrors, newWindow, serialise, toDrafts, validateWeekly, type WindowDraft } from './weekly';
import '../shared.scss';
import './index.scss';
import { useRootClass } from '@/hooks/useElder';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7];

interface Draft {
  windows: WindowDraft[];
  blocked: string[];
}

const fromAnswer = (a: Availability): Draft => ({ windows: toDrafts(a.weekly), blocked: [...a.blocked].sort() });

/** "11月24日 周二" for a 'YYYY-MM-DD' day. */
const dayLabel = (date: string) => {
  const d = inShanghai(`${date}T12:00:00+08:00`);
  return `${d.format('YYYY年M月D日')} ${weekdayName(d.day())}`;
};

/** The weekly windows and blocked days editor, controlled: `onChange` gets the next draft. */
export function AvailabilityEditor({
  draft, onChange, errors, blockedErrors,
}: {
  draft: Draft;
  onChange: (d: Draft) => void;
  errors: Record<string, string>;
  blockedErrors: Record<string, string>;
}) {
  const today = inShanghai(Date.now()).format('YYYY-MM-DD');
  const setWindow = (key: string, patch: Partial<WindowDraft>) =>
    onChange({ ...draft, windows: draft.windows.map((w) => (w.key === key ? { ...w, ...patch } : w)) });

  return (
    <>
      <View className="card avail-week">
        <Text className="avail__title">每周可预约时段</Text>
        <Text className="avail__hint">职工只能在这些时段内预约您（北京时间）</Text>
        {WEEKDAYS.map((day) => {
          const windows = draft.windows.filter((w) => w.weekday === day);
          return (
            <View key={day} className={`avail-day avail-day--${day}`}>
              <View className="avail-day__head">
                <Text className="avail-day__name">{weekdayName(day)}</Text>
                {windows.length === 0 && <Text className="avail-day__off">不接单</Text>}
                <Text
                  className="avail-add"
                  onClick={() => onChange({ ...draft, windows: [...draft.windows, newWindow(draft.windows, day)] })}
                >
                  + 添加时段
                </Text>
              </View>
              {windows.map((w) => (
                <View key={w.key} className={`avail-window${errors[w.key] ? ' avail-window--invalid' : ''}`} data-key={w.key}>
                  <View className="avail-window__row">
                    <Picker mode="time" value={w.start} onChange={(e) => setWindow(w.key, { start: String(e.detail.value) })}>
                      <Text className="avail-window__time avail-window__start">{w.start}</Text>
                    </Picker>
                    <Text className="avail-window__dash">至</Text>
                    <Picker mode="time" value={w.end === '24:00' ? '23:59' : w.end} onChange={(e) => setWindow(w.key, { end: String(e.detail.value) })}>
                      <Text className="avail-window__time avail-window__end">{w.end}</Text>
                    </Picker>
                    <Text
                      className="avail-window__remove"
                      onClick={() => onChange({ ...draft, windows: draft.windows.filter((x) => x.key !== w.key) })}
                    >
                      删除
                    </Text>
                  </View>
                  {errors[w.key] && <Text className="field-error">{errors[w.key]}</Text>}
                </View>
              ))}
            </View>
          );
        })}
      </View>

      <View className="card avail-blocked">
        <Text className="avail__title">不可预约日期</Text>
        <Text className="avail__hint">出差、休假等整天不接单的日子</Text>
        {draft.blocked.length === 0 && <Text className="muted avail-blocked__empty">暂无</Text>}
        {draft.blocked.map((date) => (
          <View key={date} className="avail-blocked__item" data-date={date}>
            <Text className="avail-blocked__date">{dayLabel(date)}</Text>
            <Text className="avail-blocked__remove" onClick={() => onChange({ ...draft, blocked: draft.blocked.filter((d) => d !== date) })}>
              移除
            </Text>
            {blockedErrors[date] && <Text className="field-error">{blockedErrors[date]}</Text>}
          </View>
        ))}
        <Picker
          mode="date"
          value={today}
          start={today}
          onChange={(e) => {
            const date = String(e.detail.value);
            if (!draft.blocked.includes(date)) onChange({ ...draft, blocked: [...draft.blocked, date].sort() });
          }}
        >
          <View className="avail-block-add">+ 添加不可预约日期</View>
        </Picker>
      </View>
    </>
  );
}

/** 可预约时间: the volunteer's weekly windows and blocked days, which booking respects. */
export default function AvailabilityPage() {
  const elder = useRootClass('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [blockedErrors, setBlockedErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const loaded = useAsync(async () => {
    const a = await call('task', 'availability', {});
    setDraft(fromAnswer(a));
    setDirty(false);
    return a;
  }, []);

  const change = (d: Draft) => {
    setDraft(d);
    setDirty(true);
    setFormError(null);
    // Re-check as the user edits, so a fixed row loses its message at once.
    if (Object.keys(errors).length) setErrors(validateWeekly(d.windows));
    setBlockedErrors({});
  };

  const save = async () => {
    if (!draft || savingRef.current) return;
    const local = validateWeekly(draft.windows);
    setErrors(local);
    if (Object.keys(local).length) {
      setFormError('有时段需要修改，请看标红的行');
      return;
    }
    const sent = serialise(draft.windows, draft.blocked);
    savingRef.current = true;
    setSaving(true);
    setFormError(null);
    try {
      const saved = await call('task', 'setAvailability', sent.input);
      setDraft(fromAnswer(saved));
      setDirty(false);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (err) {
      if (err instanceof ApiError && err.fields) {
        const mapped = mapServerErrors(err.fields, sent);
        setErrors(mapped.windows);
        setBlockedErrors(mapped.blocked);
        setFormError(mapped.other[0] ?? err.message);
      } else setFormError(errorMessage(err));
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  return (
    <View className={`avail-page${elder}`}>
      <StateView loading={draft == null && loaded.status === 'loading'} error={draft ? null : loaded.error} onRetry={() => void loaded.reload()}>
        {draft && (
          <>
            <AvailabilityEditor draft={draft} onChange={change} errors={errors} blockedErrors={blockedErrors} />
            <View className="bottom-bar avail-bar">
              {formError && (
                <View className="avail-error" role="alert">
                  {formError}
                </View>
              )}
              <View
                className={`btn btn--primary avail-save${saving || !dirty ? ' btn--disabled' : ''}`}
                aria-disabled={saving || !dirty}
                onClick={() => dirty && void save()}
              >
                {saving ? '保存中…' : dirty ? '保存' : '已保存'}
              </View>
            </View>
          </>
        )}
      </StateView>
    </View>
  );
}
