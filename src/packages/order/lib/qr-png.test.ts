import { describe, expect, it } from '@jest/globals';
import QRCode from 'qrcode';
import { modulesOfPng } from '../../../../tests/helpers/qr-png-read';
import { qrPngDataUrl, qrSegments } from './qr-png';

describe('QR as a PNG data URL (no canvas, no DOM)', () => {
  it('draws exactly the modules of the code, small enough for setData', () => {
    const text = 'LMGJ:CHECKIN:12345:654321';
    const url = qrPngDataUrl(text);
    expect(url.length).toBeLessThan(12_000);
    const qr = QRCode.create(qrSegments(text), { errorCorrectionLevel: 'M' });
    const want = Array.from({ length: qr.modules.size }, (_, y) => Array.from({ length: qr.modules.size }, (_, x) => qr.modules.get(y, x) === 1));
    expect(modulesOfPng(url)).toEqual(want);
    expect(modulesOfPng(qrPngDataUrl('LMGJ:CHECKIN:12345:654322'))).not.toEqual(want);
    // Other text (a URL, Chinese) goes in as UTF-8 bytes, without TextEncoder.
    const other = '核验 https://example.org/v?c=AB12';
    const saved = globalThis.TextEncoder;
    try {
      (globalThis as { TextEncoder?: unknown }).TextEncoder = undefined;
      expect(qrPngDataUrl(other)).toMatch(/^data:image\/png;base64,/);
    } finally {
      globalThis.TextEncoder = saved;
    }
  });
});
