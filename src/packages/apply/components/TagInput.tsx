import { useRef, useState } from 'react';
import { Input, Text, View } from '@tarojs/components';
import { addTags, DEFAULT_LIMITS, removeTag, type TagLimits } from './tags';

export interface TagInputProps {
  value: string[];
  onChange: (tags: string[]) => void;
  placeholder?: string;
  limits?: TagLimits;
  /** Extra class, the hook for tests (e.g. apply-skills). */
  className?: string;
}

/**
 * A list of short texts (honours, skills, regions): type and tap 添加 (or the keyboard's 完成, or
 * leave the box), several at once separated by commas or spaces; × removes one.
 */
export function TagInput({ value, onChange, placeholder = '输入后点添加', limits = DEFAULT_LIMITS, className }: TagInputProps) {
  const [text, setTextState] = useState('');
  const [note, setNote] = useState<string | null>(null);
  // The box's text as of now: blur and a tap on 添加 may both fire before a re-render.
  const textRef = useRef('');
  const setText = (t: string) => {
    textRef.current = t;
    setTextState(t);
  };

  const commit = () => {
    const input = textRef.current;
    if (!input.trim()) return;
    const res = addTags(value, input, limits);
    if (res.tags.length !== value.length) onChange(res.tags);
    setNote(res.note);
    setText('');
  };

  return (
    <View className={`tag-input${className ? ` ${className}` : ''}`}>
      {value.length > 0 && (
        <View className="tag-input__tags">
          {value.map((t) => (
            <View key={t} className="tag-input__tag" data-tag={t}>
              <Text>{t}</Text>
              <Text
                className="tag-input__remove"
                aria-label={`删除${t}`}
                onClick={() => {
                  onChange(removeTag(value, t));
                  setNote(null);
                }}
              >
                ×
              </Text>
            </View>
          ))}
        </View>
      )}
      <View className="tag-input__box">
        <Input
          className="tag-input__field"
          value={text}
          maxlength={200}
          confirmType="done"
          placeholder={placeholder}
          onInput={(e) => {
            setText(e.detail.value);
            setNote(null);
          }}
          onConfirm={() => commit()}
          onBlur={() => commit()}
        />
        <Text className="tag-input__add" onClick={() => commit()}>
          添加
        </Text>
      </View>
      {note && <Text className="form-field__hint tag-input__note">{note}</Text>}
    </View>
  );
}
