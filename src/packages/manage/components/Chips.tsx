import { View } from '@tarojs/components';

export interface ChipOption<T extends string | number> {
  value: T;
  label: string;
}

interface Base<T extends string | number> {
  options: ChipOption<T>[];
  /** Extra class on the row, the hook for tests (e.g. topic-durations). */
  className?: string;
}

/** One choice among a few (category, kind, mode, org). */
export function SingleChips<T extends string | number>({
  options, value, onChange, className,
}: Base<T> & { value: T | null | undefined; onChange: (v: T) => void }) {
  return (
    <View className={`mg-chips${className ? ` ${className}` : ''}`} role="radiogroup">
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={String(o.value)}
            data-value={String(o.value)}
            role="radio"
            aria-checked={on ? 'true' : 'false'}
            className={`mg-chip${on ? ' mg-chip--on' : ''}`}
            onClick={() => onChange(o.value)}
          >
            {o.label}
          </View>
        );
      })}
    </View>
  );
}

/** Any number of choices (durations, venue types, volunteer kinds); the order of `options` is kept. */
export function MultiChips<T extends string | number>({
  options, value, onChange, className,
}: Base<T> & { value: T[]; onChange: (v: T[]) => void }) {
  const toggle = (v: T) =>
    onChange(value.includes(v) ? value.filter((x) => x !== v) : options.map((o) => o.value).filter((x) => x === v || value.includes(x)));
  return (
    <View className={`mg-chips${className ? ` ${className}` : ''}`} role="group">
      {options.map((o) => {
        const on = value.includes(o.value);
        return (
          <View
            key={String(o.value)}
            data-value={String(o.value)}
            role="checkbox"
            aria-checked={on ? 'true' : 'false'}
            className={`mg-chip${on ? ' mg-chip--on' : ''}`}
            onClick={() => toggle(o.value)}
          >
            {on ? '✓ ' : ''}
            {o.label}
          </View>
        );
      })}
    </View>
  );
}
