import { Text, View } from '@tarojs/components';
import type { OrgNode } from '@cloud/contract';
import './index.scss';

const LEVELS: { level: OrgNode['level']; label: string }[] = [
  { level: 'province', label: '省' },
  { level: 'city', label: '市' },
  { level: 'county', label: '区县' },
];

/** The chain from the top of the tree down to `id` (empty when unknown). */
export function pathTo(orgs: OrgNode[], id: string | null): OrgNode[] {
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const path: OrgNode[] = [];
  for (let o = id ? byId.get(id) : undefined; o && path.length < 5; o = o.parentId ? byId.get(o.parentId) : undefined) path.unshift(o);
  return path;
}

interface Props {
  orgs: OrgNode[];
  value: string | null;
  onChange: (id: string) => void;
  /** Only these may be picked (e.g. an admin's scope); all when absent. */
  allowed?: Set<string>;
}

/**
 * 省 → 市 → 区县: one row of chips per level under the one picked above. A person may belong to a
 * city union (stop at 市) or a county one; the deepest pick is the value.
 */
export function OrgPicker({ orgs, value, onChange, allowed }: Props) {
  const path = pathTo(orgs, value);
  const rows: { label: string; options: OrgNode[] }[] = [];
  let parent: string | null = null;
  for (let depth = 0; depth < LEVELS.length; depth++) {
    const options = orgs.filter((o) => (depth === 0 ? o.parentId === null : o.parentId === parent));
    if (!options.length) break;
    rows.push({ label: LEVELS[Math.min(depth, LEVELS.length - 1)].label, options });
    const picked = path[depth];
    if (!picked) break;
    parent = picked.id;
  }
  return (
    <View className="org-picker">
      {rows.map((row, depth) => (
        <View key={depth} className={`org-picker__row org-picker__row--${depth}`}>
          <Text className="org-picker__label">{row.label}</Text>
          <View className="org-picker__options">
            {row.options.map((o) => {
              const on = path[depth]?.id === o.id;
              const disabled = allowed !== undefined && !allowed.has(o.id);
              return (
                <Text
                  key={o.id}
                  className={`org-picker__option${on ? ' org-picker__option--on' : ''}${disabled ? ' org-picker__option--disabled' : ''}`}
                  data-id={o.id}
                  onClick={() => !disabled && onChange(o.id)}
                >
                  {o.name}
                </Text>
              );
            })}
          </View>
        </View>
      ))}
      {value && <Text className="org-picker__value">已选：{path.map((o) => o.name).join(' / ')}</Text>}
    </View>
  );
}
