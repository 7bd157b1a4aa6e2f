import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { errorMessage } from '@/services/api';
import { PrivacySheet } from '@/components/PrivacySheet';
import { pickImages, uploadImage } from '../lib/upload';

export const MAX_PHOTOS = 9;

export interface PhotoFieldProps {
  /** Stored photo references (server url on h5, cloud fileID on weapp). */
  value: string[];
  onChange: (photos: string[]) => void;
  /** Tells the form whether uploads are still running (submit waits). */
  onBusyChange?: (busy: boolean) => void;
}

interface Pending {
  key: string;
  preview: string;
}

/** Up to nine photos: each is uploaded when picked; a failed one is dropped with the reason. */
export function PhotoField({ value, onChange, onBusyChange }: PhotoFieldProps) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const room = MAX_PHOTOS - value.length - pending.length;

  const add = async () => {
    if (room <= 0) return;
    setError(null);
    let picked: Awaited<ReturnType<typeof pickImages>>;
    try {
      picked = await pickImages(room);
    } catch (err) {
      setError(errorMessage(err));
      return;
    }
    if (picked.length === 0) return;
    const items = picked.map((p, i) => ({ key: `${Date.now()}-${i}`, preview: p.path, img: p }));
    setPending((s) => [...s, ...items.map(({ key, preview }) => ({ key, preview }))]);
    onBusyChange?.(true);
    let photos = value;
    const failures: string[] = [];
    for (const it of items) {
      try {
        const ref = await uploadImage(it.img);
        photos = [...photos, ref].slice(0, MAX_PHOTOS);
        onChange(photos);
      } catch (err) {
        failures.push(errorMessage(err));
      } finally {
        setPending((s) => s.filter((p) => p.key !== it.key));
      }
    }
    onBusyChange?.(false);
    if (failures.length > 0) {
      const msg = `${failures.length} 张照片上传失败：${failures[0]}`;
      setError(msg);
      void Taro.showToast({ title: msg, icon: 'none' });
    }
  };

  const remove = (url: string) => onChange(value.filter((u) => u !== url));

  return (
    <View className="photo-field">
      <View className="photos">
        {value.map((u) => (
          <View key={u} className="photos__item photo-field__photo">
            <Image className="photos__img" src={u} mode="aspectFill" />
            <View className="photos__remove" onClick={() => remove(u)} aria-label="删除照片">
              ×
            </View>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.key} className="photos__item">
            <Image className="photos__img" src={p.preview} mode="aspectFill" />
            <Text className="photos__busy">上传中…</Text>
          </View>
        ))}
        {room > 0 && (
          <View className="photos__item photos__add photo-field__add" onClick={() => void add()}>
            <Text className="photos__plus">+</Text>
            <Text>
              {value.length + pending.length}/{MAX_PHOTOS}
            </Text>
          </View>
        )}
      </View>
      {error && <Text className="form-field__error">{error}</Text>}
      <PrivacySheet />
    </View>
  );
}
