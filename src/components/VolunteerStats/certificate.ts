import Taro from '@tarojs/taro';
import type { CertificateFile } from '@cloud/contract';
import { call } from '@/services/api';
import { addDays, isoDay, shanghaiDay } from '@/utils/shanghai-date';

/** The periods 我的 offers for 志愿服务时长证明 (Shanghai days, `to` included). */
export function certificatePeriods(now = new Date()): { label: string; from: string; to: string }[] {
  const today = shanghaiDay(now);
  const lastYear = today.year - 1;
  // A year ago tomorrow: the 12 months up to today, whatever the month lengths.
  const yearAgo = addDays({ year: lastYear, month: today.month, day: today.day }, 1);
  return [
    { label: `今年（${today.year}年1月1日至今）`, from: `${today.year}-01-01`, to: isoDay(today) },
    { label: '近 12 个月', from: isoDay(yearAgo), to: isoDay(today) },
    { label: `去年（${lastYear}年）`, from: `${lastYear}-01-01`, to: `${lastYear}-12-31` },
  ];
}

/** weapp: write the PDF into the user data folder and open it in WeChat's viewer (forward or save from its menu). */
async function openInWeapp(file: CertificateFile): Promise<void> {
  const filePath = `${Taro.env.USER_DATA_PATH}/${file.filename.replace(/[\\/:*?"<>|]/g, '_')}`;
  await new Promise<void>((resolve, reject) => {
    Taro.getFileSystemManager().writeFile({
      filePath,
      data: file.base64,
      encoding: 'base64',
      success: () => resolve(),
      fail: (err) => reject(new Error(err.errMsg)),
    });
  });
  await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
}

/** H5: a download through a Blob URL. */
function downloadInBrowser(file: CertificateFile): void {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    document.body.removeChild(a);
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  }
}

/** Asks which period, makes the certificate, and hands it over; answers a line for a toast (null: cancelled). */
export async function getCertificate(): Promise<string | null> {
  const periods = certificatePeriods();
  let picked: number;
  try {
    picked = (await Taro.showActionSheet({ itemList: periods.map((p) => p.label) })).tapIndex;
  } catch {
    return null; // 取消
  }
  const p = periods[picked];
  const file = await call('task', 'certificate', { from: p.from, to: p.to });
  if (process.env.TARO_ENV === 'weapp') {
    await openInWeapp(file);
    return `已生成，累计 ${file.figures.hours} 小时`;
  }
  downloadInBrowser(file);
  return `已下载 ${file.filename}`;
}
