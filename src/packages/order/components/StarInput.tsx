import { Text, View } from '@tarojs/components';

const WORDS = ['', '很差', '较差', '一般', '满意', '非常满意'];

/** 1–5 stars to tap, with a word for the score. */
export function StarInput({ value, onChange }: { value: number; onChange: (score: number) => void }) {
  return (
    <View className="star-input">
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          data-score={n}
          className={`star-input__star${n <= value ? ' star-input__star--on' : ''}`}
          onClick={() => onChange(n)}
        >
          ★
        </Text>
      ))}
      <Text className="star-input__word">{WORDS[value] ?? '请打分'}</Text>
    </View>
  );
}
