import { useState } from 'react';
import { Picker, Text, View } from '@tarojs/components';
import {
  customPeriod, dateKey, PERIOD_PRESETS, periodDays, periodLabel, presetPeriod, type Period, type PeriodPreset,
} from '../lib/period';

export interface PeriodValue {
  preset: PeriodPreset;
  period: Period;
}

export function initialPeriod(preset: Exclude<PeriodPreset, 'custom'>, now = new Date()): PeriodValue {
  return { preset, period: presetPeriod(preset, now) };
}

/** 本月 / 近三个月 / 近半年 / 今年 chips, and two date pickers for 自定义. */
export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (v: PeriodValue) => void }) {
  const [days, setDays] = useState(() => periodDays(value.period));
  const [error, setError] = useState<string | null>(null);
  const today = dateKey(new Date());

  const pick = (preset: PeriodPreset) => {
    setError(null);
    if (preset === 'custom') {
      setDays(periodDays(value.period));
      onChange({ preset, period: value.period });
    } else {
      onChange({ preset, period: presetPeriod(preset, new Date()) });
    }
  };

  const setDay = (which: 'fromDay' | 'toDay', day: string) => {
    const next = { ...days, [which]: day };
    setDays(next);
    const p = customPeriod(next.fromDay, next.toDay);
    if ('error' in p) {
      setError(p.error);
    } else {
      setError(null);
      onChange({ preset: 'custom', period: p });
    }
  };

  return (
    <View className="period-picker">
      <View className="period-picker__chips">
        {PERIOD_PRESETS.map((p) => (
          <View
            key={p.value}
            data-value={p.value}
            className={`period-picker__chip${p.value === value.preset ? ' period-picker__chip--active' : ''}`}
            onClick={() => pick(p.value)}
          >
            {p.label}
          </View>
        ))}
      </View>
      {value.preset === 'custom' && (
        <View className="period-picker__custom">
          <Picker mode="date" value={days.fromDay} end={today} onChange={(e) => setDay('fromDay', String(e.detail.value))}>
            <View className="period-picker__date">{days.fromDay}</View>
          </Picker>
          <Text className="period-picker__to">至</Text>
          <Picker mode="date" value={days.toDay} start={days.fromDay} onChange={(e) => setDay('toDay', String(e.detail.value))}>
            <View className="period-picker__date">{days.toDay}</View>
          </Picker>
        </View>
      )}
      {error ? (
        <Text className="period-picker__error">{error}</Text>
      ) : (
        <Text className="period-picker__label">{periodLabel(value.period)}</Text>
      )}
    </View>
  );
}
