import QRCode from 'qrcode';
import type { WeChatApi } from './settings';

/**
 * The picture of a code the phone scans, as a PNG data URL. Through CloudBase it is a
 * mini-program code (`wxacode.getUnlimited`) that opens `page` with `scene`; elsewhere a plain QR
 * of `link`, which the weapp harness and the browser tests follow.
 */
export async function qrImage(link: string, scene: string, page: string, wechat?: WeChatApi): Promise<string> {
  if (wechat) {
    try {
      const png = await wechat.miniProgramCode(scene, page);
      return `data:image/png;base64,${png.toString('base64')}`;
    } catch {
      // The open API refused (quota, an unreleased page, no network): a plain QR of the same page
      // still carries the code or ticket, which the mini-program's 扫码 reads.
    }
  }
  return QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}
