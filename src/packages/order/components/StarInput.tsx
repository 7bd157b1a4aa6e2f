import { Text, View } from '@tarojs/components';
import { RATING_WORDS } from '@/utils/labels';

/** 1–5 stars to tap, each with its word under it (1 很不满意 … 5 非常满意), the chosen one beside. */
export function StarInput({ value, onChange }: { value: number; onChange: (score: number) => void }) {
  return (
    <View className="star-input">
      <View className="star-input__stars">
        {[1, 2, 3, 4, 5].map((n) => (
          <View
            key={n}
            className={`star-input__item${n === value ? ' star-input__item--chosen' : ''}`}
            aria-label={`${n} 星：${RATING_WORDS[n]}`}
            onClick={() => onChange(n)}
          >
            <Text data-score={n} className={`star-input__star${n <= value ? ' star-input__star--on' : ''}`}>
              ★
            </Text>
            <Text className="star-input__label">{RATING_WORDS[n]}</Text>
          </View>
        ))}
      </View>
      <Text className="star-input__word">{RATING_WORDS[value] ?? RATING_WORDS[0]}</Text>
    </View>
  );
}
