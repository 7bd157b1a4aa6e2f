import { View } from '@tarojs/components';

export interface SubmitBarProps {
  label: string;
  /** Shown while `busy`, when taps do nothing (a double tap does not submit twice). */
  busyLabel?: string;
  busy?: boolean;
  /** Greyed out and inert (read-only, not offered). */
  disabled?: boolean;
  onSubmit: () => void;
  /** Class of the submit button, the hook for tests (e.g. need-submit). */
  className?: string;
  /** A second, outlined button to its left (返回修改). */
  back?: { label: string; onClick: () => void; className?: string };
  /** In the flow of the page instead of fixed at the bottom. */
  inline?: boolean;
}

/** The form's submit button, fixed at the bottom of the screen, with an optional 返回 beside it. */
export function SubmitBar({ label, busyLabel, busy = false, disabled = false, onSubmit, className, back, inline = false }: SubmitBarProps) {
  const off = busy || disabled;
  return (
    <View className={`form-bar${back ? ' form-bar--row' : ''}${inline ? ' form-bar--inline' : ''}`}>
      {back && (
        <View className={`btn btn--outline form-bar__half${back.className ? ` ${back.className}` : ''}`} onClick={() => !busy && back.onClick()}>
          {back.label}
        </View>
      )}
      <View
        className={`btn btn--primary${back ? ' form-bar__half' : ''}${className ? ` ${className}` : ''}${off ? ' btn--disabled' : ''}`}
        aria-disabled={off}
        onClick={() => !off && onSubmit()}
      >
        {busy && busyLabel ? busyLabel : label}
      </View>
    </View>
  );
}
