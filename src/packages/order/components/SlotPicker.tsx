import { useEffect, useMemo, useState } from 'react';
import { ScrollView, Text, View } from '@tarojs/components';
import type { TimeSlot } from '@cloud/contract';
import { inShanghai } from '@/utils/time';
import { startsByDay } from '../lib/slots';
import { useDayIds } from '../lib/day-id';

export interface SlotPickerProps {
  /** The volunteer's live free slots. */
  slots: TimeSlot[] | null;
  durationMin: number | null;
  value: string | null;
  onChange: (start: string | null) => void;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  /** Offered when the shown range may hold more days (up to the horizon). */
  onMore?: () => void;
  /** e.g. 近 30 天 */
  rangeLabel: string;
}

const endClock = (start: string, durationMin: number) => inShanghai(start).add(durationMin, 'minute').format('HH:mm');

/** Days of the named volunteer's free time as chips, then start times in the chosen day. */
export function SlotPicker({ slots, durationMin, value, onChange, loading, error, onRetry, onMore, rangeLabel }: SlotPickerProps) {
  const days = useMemo(() => (slots && durationMin ? startsByDay(slots, durationMin) : []), [slots, durationMin]);
  const valueDay = value ? inShanghai(value).format('YYYY-MM-DD') : null;
  const [day, setDay] = useState<string | null>(valueDay);
  const dayId = useDayIds();

  // Keep the chosen day in view: the value's day, else the first day with time left.
  useEffect(() => {
    if (valueDay && days.some((d) => d.date === valueDay)) setDay(valueDay);
    else if (!days.some((d) => d.date === day)) setDay(days[0]?.date ?? null);
  }, [days, valueDay]); // eslint-disable-line react-hooks/exhaustive-deps

  if (durationMin == null) return <Text className="slot-picker__note">请先选择时长，再选时间</Text>;
  if (loading && slots == null) return <Text className="slot-picker__note">正在读取可约时间…</Text>;
  if (error)
    return (
      <View className="slot-picker__note slot-picker__note--error" onClick={onRetry}>
        {error}，点此重试
      </View>
    );
  if (days.length === 0)
    return (
      <View className="slot-picker__empty">
        <Text className="slot-picker__note">{rangeLabel}没有能容纳 {durationMin} 分钟的空闲时段</Text>
        {onMore && (
          <View className="slot-picker__more" onClick={onMore}>
            查看更多日期
          </View>
        )}
      </View>
    );

  const current = days.find((d) => d.date === day) ?? days[0]!;
  return (
    <View className="slot-picker">
      <ScrollView scrollX enableFlex scrollIntoView={dayId(current.date)} scrollWithAnimation className="slot-picker__days" data-active={dayId(current.date)}>
        {days.map((d) => (
          <View
            key={d.date}
            id={dayId(d.date)}
            data-date={d.date}
            className={`slot-day${d.date === current.date ? ' slot-day--on' : ''}`}
            onClick={() => setDay(d.date)}
          >
            <Text className="slot-day__date">{d.label.split(' ')[0]}</Text>
            <Text className="slot-day__week">{d.label.split(' ')[1]}</Text>
          </View>
        ))}
        {onMore && (
          <View className="slot-day slot-day--more" onClick={onMore}>
            <Text className="slot-day__date">更多</Text>
            <Text className="slot-day__week">日期</Text>
          </View>
        )}
      </ScrollView>
      <View className="slot-picker__starts">
        {current.starts.map((s) => (
          <View
            key={s}
            data-start={s}
            className={`slot-start${s === value ? ' slot-start--on' : ''}`}
            onClick={() => onChange(s === value ? null : s)}
          >
            <Text className="slot-start__clock">{inShanghai(s).format('HH:mm')}</Text>
            <Text className="slot-start__end">至 {endClock(s, durationMin)}</Text>
          </View>
        ))}
      </View>
      {loading && <Text className="slot-picker__note">正在刷新…</Text>}
    </View>
  );
}
