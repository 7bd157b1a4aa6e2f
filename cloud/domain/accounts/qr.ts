import QRCode from 'qrcode';
import type { WeChatApi } from './settings';

/**
 * The picture of a code the phone scans, as a PNG data URL. Through CloudBase it is a
 * mini-program code (`wxacode.getUnlimited`) that opens `page` with `scene`; elsewhere a plain QR
 * of `link`, which the weapp harness and the browser tests follow.
 */
export async function qrImage(link: string, scene: string, page: string, wechat?: WeChatApi): Promise<string> {
  if (wechat) {
    const png = await wechat.miniProgramCode(scene, page);
    return `data:image/png;base64,${png.toString('base64')}`;
  }
  return QRCode.toDataURL(link, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
}
