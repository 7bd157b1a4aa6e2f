import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface FieldProps {
  /** The field's key in the server's `error.fields` (class `mg-field--<name>`, the hook for tests). */
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}

/** A labelled form row with its error message right under the input. */
export function Field({ name, label, required = false, error, hint, extra, children }: FieldProps) {
  return (
    <View className={`mg-field mg-field--${name}${error ? ' mg-field--error' : ''}`} data-field={name}>
      <View className="mg-field__label">
        <Text>{label}</Text>
        {required && <Text className="mg-field__req">*</Text>}
        {extra != null && <View className="mg-field__extra">{extra}</View>}
      </View>
      {children}
      {error ? (
        <Text className="mg-field__error">{error}</Text>
      ) : (
        hint != null && <Text className="mg-field__hint">{hint}</Text>
      )}
    </View>
  );
}
