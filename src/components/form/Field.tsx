import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { fieldAnchor } from './errors';

export interface FieldProps {
  /**
   * The field's key in the server's `error.fields` (e.g. `venue.address`): its anchor for
   * scrolling (`#field-venue-address`), `data-field`, and the class `form-field--venue-address`.
   */
  name: string;
  label: ReactNode;
  required?: boolean;
  error?: string | null;
  /** Shown under the input while there is no error. */
  hint?: ReactNode;
  /** On the label's line, right-aligned (e.g. 「3 位」). */
  extra?: ReactNode;
  /** A counter `count/max` on the label's line (the input's maxlength is `max`). */
  count?: number;
  max?: number;
  className?: string;
  children?: ReactNode;
}

/** A labelled form row: required mark, counter or extra text, the input, then its error or hint. */
export function Field({ name, label, required = false, error, hint, extra, count, max, className, children }: FieldProps) {
  const slug = fieldAnchor(name).slice('field-'.length);
  return (
    <View
      id={fieldAnchor(name)}
      className={`form-field form-field--${slug}${error ? ' form-field--error' : ''}${className ? ` ${className}` : ''}`}
      data-field={name}
    >
      <View className="form-field__label">
        <Text>{label}</Text>
        {required && <Text className="form-field__req">*</Text>}
        {extra != null && <View className="form-field__extra">{extra}</View>}
        {max != null && (
          <Text className={`form-field__counter${count != null && count >= max ? ' form-field__counter--full' : ''}`}>
            {count ?? 0}/{max}
          </Text>
        )}
      </View>
      {children}
      {error ? <Text className="form-field__error">{error}</Text> : hint != null && <View className="form-field__hint">{hint}</View>}
    </View>
  );
}
