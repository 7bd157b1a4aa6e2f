import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, Text, View } from '@tarojs/components';
import { errorMessage } from '@/services/api';
import { PrivacySheet } from '@/components/PrivacySheet';
import { pickImages, uploadImage, type PhotoFolder } from './upload';

export interface PhotoFieldProps {
  /** Stored photo references (server url on h5, cloud fileID on weapp). */
  value: string[];
  onChange: (photos: string[]) => void;
  /** How many at most (LIMITS). */
  max: number;
  /** Where the photos are stored on weapp. */
  folder: PhotoFolder;
  /** Tells the form whether uploads are still running (submit waits). */
  onBusyChange?: (busy: boolean) => void;
}

interface Pending {
  key: string;
  preview: string;
}

/** Up to `max` photos: each is uploaded when picked; a failed one is dropped with the reason. */
export function PhotoField({ value, onChange, max, folder, onBusyChange }: PhotoFieldProps) {
  const [pending, setPending] = useState<Pending[]>([]);
  const [error, setError] = useState<string | null>(null);
  const room = max - value.length - pending.length;

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
        const ref = await uploadImage(it.img, folder);
        photos = [...photos, ref].slice(0, max);
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
      <View className="photo-field__list">
        {value.map((u) => (
          <View key={u} className="photo-field__item photo-field__photo">
            <Image className="photo-field__img" src={u} mode="aspectFill" />
            <View className="photo-field__remove" onClick={() => remove(u)} aria-label="删除照片">
              ×
            </View>
          </View>
        ))}
        {pending.map((p) => (
          <View key={p.key} className="photo-field__item photo-field__pending">
            <Image className="photo-field__img" src={p.preview} mode="aspectFill" />
            <Text className="photo-field__busy">上传中…</Text>
          </View>
        ))}
        {room > 0 && (
          <View className="photo-field__item photo-field__add" onClick={() => void add()} aria-label="添加照片">
            <Text className="photo-field__plus">+</Text>
            <Text>
              {value.length + pending.length}/{max}
            </Text>
          </View>
        )}
      </View>
      {error && <Text className="form-field__error">{error}</Text>}
      <PrivacySheet />
    </View>
  );
}

/** The chosen photos as thumbnails on a confirm step (not 「照片 N 张」). */
export function PhotoThumbs({ photos }: { photos: string[] }) {
  return (
    <View className="photo-thumbs">
      {photos.map((url) => (
        <Image key={url} className="photo-thumbs__item" src={url} mode="aspectFill" />
      ))}
    </View>
  );
}
