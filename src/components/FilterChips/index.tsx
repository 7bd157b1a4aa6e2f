import { ScrollView, View } from '@tarojs/components';
import './index.scss';

export interface FilterOption<T extends string> {
  value: T;
  label: string;
}

export interface FilterChipsProps<T extends string> {
  options: FilterOption<T>[];
  /** undefined = 全部 */
  value: T | undefined;
  onChange: (value: T | undefined) => void;
  allLabel?: string;
}

/** A horizontally scrolling row of single-choice filters, with 全部 first. */
export function FilterChips<T extends string>({ options, value, onChange, allLabel = '全部' }: FilterChipsProps<T>) {
  return (
    <ScrollView scrollX enableFlex className="filter-chips">
      <View
        className={`filter-chips__item${value == null ? ' filter-chips__item--active' : ''}`}
        onClick={() => onChange(undefined)}
      >
        {allLabel}
      </View>
      {options.map((o) => (
        <View
          key={o.value}
          data-value={o.value}
          className={`filter-chips__item${o.value === value ? ' filter-chips__item--active' : ''}`}
          onClick={() => onChange(o.value)}
        >
          {o.label}
        </View>
      ))}
    </ScrollView>
  );
}

export default FilterChips;
