import { Text, View } from '@tarojs/components';

export interface SwitchProps {
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Text beside the switch for each state, e.g. 上架中 / 已停用. */
  onText: string;
  offText: string;
  className?: string;
}

/** An on/off switch (hand-written: NutUI's Switch would add its own script and style). */
export function Switch({ checked, onChange, onText, offText, className }: SwitchProps) {
  return (
    <View
      className={`mg-switch${checked ? ' mg-switch--on' : ''}${className ? ` ${className}` : ''}`}
      role="switch"
      aria-checked={checked ? 'true' : 'false'}
      onClick={() => onChange(!checked)}
    >
      <Text className="mg-switch__text">{checked ? onText : offText}</Text>
      <View className="mg-switch__track">
        <View className="mg-switch__knob" />
      </View>
    </View>
  );
}
