import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';

export interface FieldProps {
  /** The field key the server uses in `error.fields` (e.g. `venue.address`); also the scroll anchor. */
  name: string;
  label: string;
  required?: boolean;
  error?: string;
  hint?: ReactNode;
  extra?: ReactNode;
  children?: ReactNode;
}

/** The DOM id of a field, for scrolling to the first error. */
export const fieldAnchor = (name: string) => `field-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A labelled form row with its error right under the input. */
export function Field({ name, label, required = false, error, hint, extra, children }: FieldProps) {
  return (
    <View id={fieldAnchor(name)} className={`form-field${error ? ' form-field--error' : ''}`} data-field={name}>
      <View className="form-field__label">
        <Text>{label}</Text>
        {required && <Text className="form-field__req">*</Text>}
        {extra != null && <View className="form-field__extra">{extra}</View>}
      </View>
      {children}
      {error ? (
        <Text className="form-field__error">{error}</Text>
      ) : (
        hint != null && <View className="form-field__hint">{hint}</View>
      )}
    </View>
  );
}
