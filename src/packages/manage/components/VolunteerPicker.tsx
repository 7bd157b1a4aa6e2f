import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { VolunteerKind } from '@cloud/contract';
import { Sheet } from './Sheet';
import { VolunteerSearch } from './VolunteerSearch';

/** A volunteer as the editors keep it: id for the server, name for the chip. */
export interface PickedVolunteer {
  id: string;
  name: string;
}

export interface VolunteerPickerProps {
  kind: VolunteerKind;
  /** 宣讲人 or 技术人员 */
  noun: string;
  value: PickedVolunteer[];
  onChange: (v: PickedVolunteer[]) => void;
  className?: string;
}

/** Several volunteers of one kind: the picked ones as chips, more added from a searchable sheet. */
export function VolunteerPicker({ kind, noun, value, onChange, className }: VolunteerPickerProps) {
  const [open, setOpen] = useState(false);
  const picked = new Set(value.map((v) => v.id));
  const toggle = (v: PickedVolunteer) =>
    onChange(picked.has(v.id) ? value.filter((x) => x.id !== v.id) : [...value, { id: v.id, name: v.name }]);

  return (
    <View className={`volunteer-picker${className ? ` ${className}` : ''}`}>
      <View className="mg-chips">
        {value.map((v) => (
          <View key={v.id} className="mg-chip mg-chip--on picked-volunteer" data-id={v.id}>
            <Text>{v.name}</Text>
            <Text className="mg-chip__x" aria-label={`移除${v.name}`} onClick={() => toggle(v)}>
              ×
            </Text>
          </View>
        ))}
        <Text className="mg-chip volunteer-picker__add" onClick={() => setOpen(true)}>
          ＋ 选择{noun}
        </Text>
      </View>
      <Sheet
        open={open}
        title={`选择${noun}（已选 ${value.length} 人）`}
        onClose={() => setOpen(false)}
        className="volunteer-sheet"
        footer={
          <View className="btn btn--primary volunteer-sheet__done" onClick={() => setOpen(false)}>
            完成
          </View>
        }
      >
        <VolunteerSearch
          kind={kind}
          onPick={toggle}
          side={(v) => (picked.has(v.id) ? <Text className="volunteer-option__on">✓ 已选</Text> : <Text className="muted">选择</Text>)}
        />
      </Sheet>
    </View>
  );
}
