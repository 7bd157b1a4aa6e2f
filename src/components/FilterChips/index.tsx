import { useRef } from 'react';
import { ScrollView, View } from '@tarojs/components';
import './index.scss';

let instances = 0;

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

/**
 * A horizontally scrolling row of single-choice filters, with 全部 first. The chosen chip is
 * scrolled into view (a choice made elsewhere, e.g. the category grid or a search that clears it,
 * must not stay hidden off the edge).
 */
export function FilterChips<T extends string>({ options, value, onChange, allLabel = '全部' }: FilterChipsProps<T>) {
  // Ids for scrollIntoView: unique per instance (a page may show two rows), letters first.
  const uid = useRef(`fc${++instances}`).current;
  const index = value == null ? -1 : options.findIndex((o) => o.value === value);
  const activeId = `${uid}-${index + 1}`;
  return (
    <ScrollView scrollX enableFlex scrollIntoView={activeId} className="filter-chips" data-active={activeId}>
      <View
        id={`${uid}-0`}
        className={`filter-chips__item${value == null ? ' filter-chips__item--active' : ''}`}
        onClick={() => onChange(undefined)}
      >
        {allLabel}
      </View>
      {options.map((o, i) => (
        <View
          key={o.value}
          id={`${uid}-${i + 1}`}
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
