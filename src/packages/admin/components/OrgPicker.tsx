import { Picker, Text, View } from '@tarojs/components';
import type { OrgNode } from '@cloud/contract';

export type OrgItem = OrgNode & { inScope: boolean };

const INDENT: Record<OrgNode['level'], string> = { province: '', city: '　', county: '　　' };

/** Orgs in tree order (parents before children), for pickers. */
export function orgsInTreeOrder(orgs: OrgItem[]): OrgItem[] {
  const children = new Map<string | null, OrgItem[]>();
  const ids = new Set(orgs.map((o) => o.id));
  for (const o of orgs) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const out: OrgItem[] = [];
  const walk = (parent: string | null) => {
    for (const o of children.get(parent) ?? []) {
      out.push(o);
      walk(o.id);
    }
  };
  walk(null);
  return out;
}

export interface OrgPickerProps {
  /** The choosable orgs (the page filters, e.g. inScope only). */
  orgs: OrgItem[];
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  /** Offer "全部" (undefined) first, e.g. on the orders list. */
  allLabel?: string;
  label?: string;
}

/** A compact native picker of union orgs, indented by level. */
export function OrgPicker({ orgs, value, onChange, allLabel, label = '工会' }: OrgPickerProps) {
  const sorted = orgsInTreeOrder(orgs);
  const names = [...(allLabel ? [allLabel] : []), ...sorted.map((o) => `${INDENT[o.level]}${o.name}`)];
  const offset = allLabel ? 1 : 0;
  const index = value == null ? 0 : Math.max(0, sorted.findIndex((o) => o.id === value) + offset);
  const current = value == null ? allLabel ?? '' : sorted.find((o) => o.id === value)?.name ?? '';

  return (
    <Picker
      mode="selector"
      range={names}
      value={index}
      onChange={(e) => {
        const i = Number(e.detail.value);
        onChange(i < offset ? undefined : sorted[i - offset]?.id);
      }}
    >
      <View className="org-picker">
        <Text className="org-picker__label">{label}</Text>
        <Text className="org-picker__value">{current || '请选择'}</Text>
        <Text className="org-picker__arrow">▾</Text>
      </View>
    </Picker>
  );
}
