import { useEffect, useState } from 'react';
import { Input, View } from '@tarojs/components';
import { useDebounced } from '@/hooks/useDebounced';
import './index.scss';

export interface SearchInputProps {
  placeholder: string;
  /** Called with the trimmed text, after typing pauses or at once on confirm/clear. */
  onSearch: (q: string) => void;
  /** Class of the wrapper, the stable hook for browser tests (e.g. topic-search). */
  className?: string;
}

/**
 * A search box with search-as-you-type (debounced) and immediate search on the keyboard's 搜索 key.
 * Hand-written rather than NutUI's SearchBar: that one brings ~20 KB of script and style into the
 * main package, which must stay small.
 */
export function SearchInput({ placeholder, onSearch, className }: SearchInputProps) {
  const [text, setText] = useState('');
  const settled = useDebounced(text, 400);
  useEffect(() => onSearch(settled.trim()), [settled]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <View className={`search-input${className ? ` ${className}` : ''}`}>
      <View className="search-input__box">
        <View className="search-input__icon" />
        <Input
          className="search-input__field"
          type="text"
          confirmType="search"
          value={text}
          maxlength={50}
          placeholder={placeholder}
          placeholderClass="search-input__placeholder"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={(e) => onSearch(e.detail.value.trim())}
        />
        {text !== '' && (
          <View
            className="search-input__clear"
            aria-label="清除"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          >
            ×
          </View>
        )}
      </View>
    </View>
  );
}

export default SearchInput;
