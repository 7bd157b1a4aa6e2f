import { useMemo, useState } from 'react';
import { Picker, ScrollView, Text, View } from '@tarojs/components';
import { formatDay, inShanghai } from '@/utils/time';
import { bookableDates, dayClockChoices } from '../lib/slots';
import { useDayIds } from '../lib/day-id';

export interface OpenTimePickerProps {
  value: string | null;
  onChange: (start: string | null) => void;
  /** ms; the notice and horizon are counted from here. */
  now: number;
}

const QUICK_DAYS = 14;

/**
 * When nobody is named: any day from 24 h ahead to 90 days out, and a time of day on the half hour.
 * The next two weeks are chips; the rest of the horizon is behind a date picker.
 */
export function OpenTimePicker({ value, onChange, now }: OpenTimePickerProps) {
  const dates = useMemo(() => bookableDates(now), [now]);
  const quick = dates.slice(0, QUICK_DAYS);
  const valueDate = value ? inShanghai(value).format('YYYY-MM-DD') : null;
  const [date, setDate] = useState<string>(valueDate ?? quick[0] ?? '');
  const shownDates = quick.includes(date) || !date ? quick : [...quick, date];
  const dayId = useDayIds();
  const clocks = useMemo(() => (date ? dayClockChoices(date, now) : []), [date, now]);

  const pickDate = (d: string) => {
    setDate(d);
    if (value && valueDate !== d) {
      // Same time of day on the new date, when that is allowed.
      const same = dayClockChoices(d, now).find((c) => c.clock === inShanghai(value).format('HH:mm'));
      onChange(same?.ok ? same.start : null);
    }
  };

  return (
    <View className="open-time">
      <ScrollView scrollX enableFlex scrollIntoView={date ? dayId(date) : undefined} scrollWithAnimation className="slot-picker__days" data-active={date ? dayId(date) : undefined}>
        {shownDates.map((d) => {
          const [md, week] = formatDay(`${d}T12:00:00+08:00`).split(' ');
          return (
            <View key={d} id={dayId(d)} data-date={d} className={`slot-day${d === date ? ' slot-day--on' : ''}`} onClick={() => pickDate(d)}>
              <Text className="slot-day__date">{md}</Text>
              <Text className="slot-day__week">{week}</Text>
            </View>
          );
        })}
      </ScrollView>
      {dates.length > 0 && (
        <Picker
          mode="date"
          value={date}
          start={dates[0]}
          end={dates[dates.length - 1]}
          onChange={(e) => pickDate(String(e.detail.value))}
        >
          <View className="open-time__other">其他日期（90 天内）›</View>
        </Picker>
      )}
      <View className="slot-picker__starts">
        {clocks.map((c) => (
          <View
            key={c.clock}
            data-start={c.start}
            aria-disabled={c.ok ? undefined : 'true'}
            className={`slot-start slot-start--compact${c.start === value ? ' slot-start--on' : ''}${c.ok ? '' : ' slot-start--off'}`}
            onClick={() => c.ok && onChange(c.start === value ? null : c.start)}
          >
            <Text className="slot-start__clock">{c.clock}</Text>
          </View>
        ))}
      </View>
    </View>
  );
}
