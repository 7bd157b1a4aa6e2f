import { Text, View } from '@tarojs/components';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
  sub?: string;
  disabled?: boolean;
}

export interface ChoicesProps<T extends string | number> {
  options: Choice<T>[];
  value: T | null | undefined;
  onChange: (value: T) => void;
  /** Extra class, the hook for tests (e.g. duration-choices). */
  className?: string;
  /** Rows of full-width options instead of wrapping chips. */
  layout?: 'chips' | 'rows' | 'grid';
}

/** Single choice among a few options, as chips (durations, venue types, urgency, fields). */
export function Choices<T extends string | number>({ options, value, onChange, className, layout = 'chips' }: ChoicesProps<T>) {
  return (
    <View className={`choices choices--${layout}${className ? ` ${className}` : ''}`}>
      {options.map((o) => {
        const on = o.value === value;
        return (
          <View
            key={String(o.value)}
            data-value={String(o.value)}
            aria-disabled={o.disabled ? 'true' : undefined}
            aria-checked={on ? 'true' : 'false'}
            role="radio"
            className={`choice${on ? ' choice--on' : ''}${o.disabled ? ' choice--off' : ''}`}
            onClick={() => !o.disabled && onChange(o.value)}
          >
            <Text className="choice__label">{o.label}</Text>
            {o.sub && <Text className="choice__sub">{o.sub}</Text>}
          </View>
        );
      })}
    </View>
  );
}
