import { Input, Textarea } from '@tarojs/components';

interface TextProps {
  value: string;
  onChange: (value: string) => void;
  /** The limit (from LIMITS): the platform cuts longer input, the Field shows the counter. */
  max?: number;
  placeholder?: string;
  /** Extra class, the hook for tests (e.g. need-title). */
  className?: string;
}

export interface TextInputProps extends TextProps {
  type?: 'text' | 'number' | 'digit';
}

/** One line of text in the field's grey box. */
export function TextInput({ value, onChange, max, placeholder, className, type = 'text' }: TextInputProps) {
  return (
    <Input
      className={`form-input${className ? ` ${className}` : ''}`}
      type={type}
      value={value}
      maxlength={max ?? 140}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}

export interface TextAreaProps extends TextProps {
  /** Grows with its text instead of scrolling in a fixed box. */
  autoHeight?: boolean;
}

/**
 * Several lines in the field's grey box, in the field's font and size, without the browser's white
 * inner box or resize grip (see `_form.scss`); the counter is the Field's `count`/`max`.
 */
export function TextArea({ value, onChange, max, placeholder, className, autoHeight = false }: TextAreaProps) {
  return (
    <Textarea
      className={`form-textarea${autoHeight ? ' form-textarea--auto' : ''}${className ? ` ${className}` : ''}`}
      value={value}
      maxlength={max ?? 140}
      autoHeight={autoHeight}
      placeholder={placeholder}
      onInput={(e) => onChange(e.detail.value)}
    />
  );
}
