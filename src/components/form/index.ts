// The form kit of every form (booking, need, record, apply, the manage editors). Import it only
// from subpackage pages: on weapp Taro then copies it into each subpackage (sub-common), never
// into the main package. Its styles are `_form.scss`, which each subpackage's stylesheet `@use`s.
export { Field, type FieldProps } from './Field';
export { TextInput, TextArea, type TextInputProps, type TextAreaProps } from './inputs';
export { Choices, MultiChoices, type Choice, type ChoicesProps, type MultiChoicesProps } from './Choices';
export { PhotoField, PhotoThumbs, type PhotoFieldProps } from './PhotoField';
export { SubmitBar, type SubmitBarProps } from './SubmitBar';
export { FormBanner, type FormBannerProps } from './FormBanner';
export { fieldAnchor, fieldError, revealErrors, scrollToField, withoutField } from './errors';
export { LIMITS, tooLong } from './limits';
