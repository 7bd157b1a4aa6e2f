import Taro from '@tarojs/taro';
import type { Envelope, UploadResult } from '@cloud/contract';
import { ApiError, NETWORK_MESSAGE } from '@/services/api';
import { useStore } from '@/stores';

export interface PickedImage {
  /** Temp path (weapp) or blob: URL (h5), also used as a preview. */
  path: string;
  /** h5: the File the browser gave. */
  file?: Blob;
}

/** Where a form's photos go in cloud storage (weapp): a need's photos, a service record's. */
export type PhotoFolder = 'needs' | 'records';

export const PRIVACY_REFUSED_PHOTOS = '未同意隐私保护指引，不能选择照片；可先不传照片提交';

/**
 * Lets the user pick up to `count` images (album or camera). Resolves [] when they cancel;
 * rejects with a message when WeChat's privacy consent was refused.
 */
export async function pickImages(count: number): Promise<PickedImage[]> {
  try {
    const res = await Taro.chooseImage({ count, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    const files = (res.tempFiles ?? []) as { path: string; originalFileObj?: Blob }[];
    if (files.length) return files.map((f) => ({ path: f.path, file: f.originalFileObj })).slice(0, count);
    return res.tempFilePaths.map((path) => ({ path })).slice(0, count);
  } catch (err) {
    if (/privacy/i.test(String((err as { errMsg?: unknown })?.errMsg ?? ''))) throw new ApiError('VALIDATION', PRIVACY_REFUSED_PHOTOS);
    return [];
  }
}

async function uploadViaHttp(img: PickedImage): Promise<string> {
  let blob = img.file;
  if (!blob) {
    try {
      blob = await (await fetch(img.path)).blob();
    } catch {
      throw new ApiError('VALIDATION', '读取图片失败，请重新选择');
    }
  }
  const form = new FormData();
  form.append('file', blob, `photo.${(blob.type.split('/')[1] || 'jpg').replace('jpeg', 'jpg')}`);
  const headers: Record<string, string> = {};
  const { token } = useStore.getState();
  if (token) headers.Authorization = `Bearer ${token}`;
  let body: unknown;
  try {
    const res = await fetch('/api/upload', { method: 'POST', headers, body: form });
    body = await res.json();
  } catch {
    throw new ApiError('NETWORK', NETWORK_MESSAGE);
  }
  const env = body as Envelope<UploadResult> | null;
  if (env && env.ok === true && typeof env.data?.url === 'string') return env.data.url;
  if (env && env.ok === false) {
    if (env.error.code === 'UNAUTHENTICATED') useStore.getState().logout();
    throw new ApiError(env.error.code, env.error.message || '上传失败', env.error.fields);
  }
  throw new ApiError('INTERNAL', '上传失败，请稍后重试');
}

async function uploadViaCloud(img: PickedImage, folder: PhotoFolder): Promise<string> {
  const ext = /\.(jpe?g|png|gif|webp)$/i.exec(img.path)?.[1]?.toLowerCase() ?? 'jpg';
  const cloudPath = `${folder}/${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${ext}`;
  try {
    const res = await Taro.cloud.uploadFile({ cloudPath, filePath: img.path });
    return res.fileID;
  } catch {
    throw new ApiError('NETWORK', '图片上传失败，请检查网络后重试');
  }
}

/**
 * Uploads one photo and answers what the order or record stores for it: on weapp the CloudBase
 * `fileID` (cloud://…, usable as an image src), on h5 the server's `/uploads/…` url. Rejects with
 * ApiError.
 */
export function uploadImage(img: PickedImage, folder: PhotoFolder): Promise<string> {
  return process.env.TARO_ENV === 'weapp' ? uploadViaCloud(img, folder) : uploadViaHttp(img);
}
