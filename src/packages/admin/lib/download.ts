import Taro from '@tarojs/taro';
import type { ExportFile } from '@cloud/contract';

/** The bytes of a base64 string (browsers and jsdom have atob). */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function base64ToBlob(base64: string, mime: string): Blob {
  return new Blob([base64ToBytes(base64) as BlobPart], { type: mime });
}

/** A file name without path separators or characters file systems refuse. */
export function safeFilename(name: string): string {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_').trim();
  return cleaned === '' ? 'export' : cleaned;
}

/** H5: save the file through a temporary `<a download>` pointing at a Blob URL. */
export function downloadInBrowser(file: ExportFile, doc: Document = document): void {
  const url = URL.createObjectURL(base64ToBlob(file.base64, file.mime));
  const a = doc.createElement('a');
  a.href = url;
  a.download = safeFilename(file.filename);
  a.style.display = 'none';
  doc.body.appendChild(a);
  try {
    a.click();
  } finally {
    doc.body.removeChild(a);
    // Give the browser time to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/**
 * weapp: write the file into the user data directory; open an Excel file in WeChat's viewer, and
 * offer to send a CSV to a chat (WeChat cannot open CSV itself). Answers what happened, for a toast.
 */
export async function saveInWeapp(file: ExportFile): Promise<string> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${safeFilename(file.filename)}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
  if (/\.xlsx$/i.test(file.filename)) {
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true });
    return '已打开，可从右上角菜单转发或保存';
  }
  try {
    await Taro.shareFileMessage({ filePath, fileName: safeFilename(file.filename) });
    return '已发送到聊天';
  } catch {
    return '已保存到小程序文件；如需直接查看，请选择 Excel 格式';
  }
}

/** Hands an exported file to the user on the current platform; answers a short message. */
export async function deliverExport(file: ExportFile): Promise<string> {
  if (process.env.TARO_ENV === 'weapp') return saveInWeapp(file);
  downloadInBrowser(file);
  return `已下载 ${file.filename}`;
}
