import { Text, View } from '@tarojs/components';

export interface Choice<T extends string | number> {
  value: T;
  label: string;
  sub?: string;
  disabled?: boolean;
}

interface Base<T extends string | number> {
  options: Choice<T>[];
  /** Extra class on the group, the hook for tests (e.g. duration-choices). */
  className?: string;
  /** Wrapping chips, full-width rows (with a second line), or three to a row. */
  layout?: 'chips' | 'rows' | 'grid';
}

export interface ChoicesProps<T extends string | number> extends Base<T> {
  value: T | null | undefined;
  onChange: (value: T) => void;
}

export interface MultiChoicesProps<T extends string | number> extends Base<T> {
  value: T[];
  onChange: (value: T[]) => void;
}

function Option<T extends string | number>({ o, on, role, onPick }: { o: Choice<T>; on: boolean; role: 'radio' | 'checkbox'; onPick: () => void }) {
  return (
    <View
      data-value={String(o.value)}
      role={role}
      aria-checked={on ? 'true' : 'false'}
      aria-disabled={o.disabled ? 'true' : undefined}
      className={`choice${on ? ' choice--on' : ''}${o.disabled ? ' choice--off' : ''}`}
      onClick={() => !o.disabled && onPick()}
    >
      <Text className="choice__label">
        {role === 'checkbox' && on ? '✓ ' : ''}
        {o.label}
      </Text>
      {o.sub && <Text className="choice__sub">{o.sub}</Text>}
    </View>
  );
}

const groupClass = (layout: string, className?: string) => `choices choices--${layout}${className ? ` ${className}` : ''}`;

/** One choice among a few (durations, venue types, urgency, category, org …). */
export function Choices<T extends string | number>({ options, value, onChange, className, layout = 'chips' }: ChoicesProps<T>) {
  return (
    <View className={groupClass(layout, className)} role="radiogroup">
      {options.map((o) => (
        <Option key={String(o.value)} o={o} on={o.value === value} role="radio" onPick={() => onChange(o.value)} />
      ))}
    </View>
  );
}

/** Any number of choices; the order of `options` is kept in the value. */
export function MultiChoices<T extends string | number>({ options, value, onChange, className, layout = 'chips' }: MultiChoicesProps<T>) {
  const toggle = (v: T) =>
    onChange(value.includes(v) ? value.filter((x) => x !== v) : options.map((o) => o.value).filter((x) => x === v || value.includes(x)));
  return (
    <View className={groupClass(layout, className)} role="group">
      {options.map((o) => (
        <Option key={String(o.value)} o={o} on={value.includes(o.value)} role="checkbox" onPick={() => toggle(o.value)} />
      ))}
    </View>
  );
}
