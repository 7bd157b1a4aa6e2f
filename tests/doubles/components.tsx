/**
 * Test double for `@tarojs/components` (mapped in jest.config.js for the unit-client project):
 * each Taro component becomes the plain DOM element a browser would show, with Taro's event shapes
 * (`onInput` / `onConfirm` give `{ detail: { value } }`).
 */
import { createElement, forwardRef, type CSSProperties, type ReactNode } from 'react';

/** Whatever props a page passes; each double reads the ones it understands. */
type AnyProps = Record<string, unknown>;

interface Common {
  id?: string;
  className?: string;
  style?: CSSProperties | string;
  children?: ReactNode;
  onClick?: (e: unknown) => void;
}

const PASSED = new Set(['id', 'className', 'style', 'role', 'title', 'hidden', 'onClick', 'onTouchStart', 'onTouchMove', 'onTouchEnd']);

/** Keeps the props a DOM element understands; Taro-only ones (scrollX, hoverClass…) are dropped. */
function domProps(props: AnyProps): AnyProps {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'style' && typeof v !== 'object') continue;
    if (PASSED.has(k) || k.startsWith('aria-') || k.startsWith('data-')) out[k] = v;
  }
  return out;
}

function element(tag: string, displayName: string) {
  const C = forwardRef<HTMLElement, AnyProps>((props, ref) =>
    createElement(tag, { ...domProps(props), ref }, props.children as ReactNode),
  );
  C.displayName = displayName;
  return C;
}

export const View = element('div', 'View');
export const Text = element('span', 'Text');
export const ScrollView = element('div', 'ScrollView');
export const Picker = element('div', 'Picker');
export const Swiper = element('div', 'Swiper');
export const SwiperItem = element('div', 'SwiperItem');
export const Label = element('label', 'Label');
export const Form = element('form', 'Form');
export const Navigator = element('a', 'Navigator');
export const RichText = element('div', 'RichText');
export const Block = ({ children }: { children?: ReactNode }) => <>{children}</>;

export const Image = forwardRef<HTMLImageElement, AnyProps>((props, ref) => (
  <img {...domProps(props)} src={props.src as string | undefined} ref={ref} alt="" />
));
Image.displayName = 'Image';

interface InputProps extends Common {
  value?: string;
  placeholder?: string;
  type?: string;
  password?: boolean;
  disabled?: boolean;
  maxlength?: number;
  onInput?: (e: { detail: { value: string } }) => void;
  onConfirm?: (e: { detail: { value: string } }) => void;
  onFocus?: (e: { detail: { value: string } }) => void;
  onBlur?: (e: { detail: { value: string } }) => void;
}

export const Input = forwardRef<HTMLInputElement, AnyProps>((raw, ref) => {
  const props = raw as InputProps;
  return (
    <input
      ref={ref}
      id={props.id}
      className={props.className}
      value={props.value}
      placeholder={props.placeholder}
      type={props.password ? 'password' : 'text'}
      disabled={props.disabled}
      maxLength={props.maxlength}
      onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
      onKeyDown={(e) => {
        if (e.key === 'Enter') props.onConfirm?.({ detail: { value: e.currentTarget.value } });
      }}
      onFocus={(e) => props.onFocus?.({ detail: { value: e.target.value } })}
      onBlur={(e) => props.onBlur?.({ detail: { value: e.target.value } })}
    />
  );
});
Input.displayName = 'Input';

export const Textarea = forwardRef<HTMLTextAreaElement, AnyProps>((raw, ref) => {
  const props = raw as InputProps;
  return (
    <textarea
      ref={ref}
      className={props.className}
      value={props.value}
      placeholder={props.placeholder}
      onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
    />
  );
});
Textarea.displayName = 'Textarea';

interface ButtonProps extends Common {
  disabled?: boolean;
  loading?: boolean;
  formType?: 'submit' | 'reset';
}

export const Button = forwardRef<HTMLButtonElement, AnyProps>((raw, ref) => {
  const props = raw as ButtonProps;
  return (
    <button
      ref={ref}
      id={props.id}
      className={props.className}
      disabled={props.disabled}
      type={props.formType === 'submit' ? 'submit' : 'button'}
      onClick={props.disabled ? undefined : (props.onClick as ((e: unknown) => void) | undefined)}
    >
      {props.children}
    </button>
  );
});
Button.displayName = 'Button';
