import Taro from '@tarojs/taro';
import type { Envelope, UploadResult } from '@cloud/contract';
import { ApiError, NETWORK_MESSAGE } from '@/services/api';
import { useStore } from '@/stores';

const BAD_UPLOAD = '照片上传失败，请重试';

/**
 * Stores one chosen photo and answers what to keep in the record: on weapp the cloud file id
 * (`cloud://…`, usable as an image src), on h5 the URL the local server answers.
 */
export async function uploadPhoto(path: string): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') {
    const ext = /\.(\w{2,5})$/.exec(path)?.[1] ?? 'jpg';
    const name = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
    try {
      const res = await Taro.cloud.uploadFile({ cloudPath: `records/${name}`, filePath: path });
      return res.fileID;
    } catch {
      throw new ApiError('NETWORK', BAD_UPLOAD);
    }
  }
  let answer: unknown;
  try {
    const blob = await (await fetch(path)).blob();
    const form = new FormData();
    form.append('file', blob, `photo.${(blob.type.split('/')[1] ?? 'jpg').replace('jpeg', 'jpg')}`);
    const { token } = useStore.getState();
    const res = await fetch('/api/upload', {
      method: 'POST',
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      body: form,
    });
    answer = await res.json();
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  const env = answer as Envelope<UploadResult> | null;
  if (env && env.ok === true && typeof env.data?.url === 'string') return env.data.url;
  if (env && env.ok === false) throw new ApiError(env.error.code, env.error.message || BAD_UPLOAD);
  throw new ApiError('INTERNAL', BAD_UPLOAD);
}
