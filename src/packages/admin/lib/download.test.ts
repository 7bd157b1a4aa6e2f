import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { base64ToBlob, base64ToBytes, downloadInBrowser, safeFilename } from './download';

// "订单,人数\n宣讲,30\n" in UTF-8, as the server would send a CSV.
const CSV_TEXT = '订单,人数\n宣讲,30\n';
const CSV_BASE64 = Buffer.from(CSV_TEXT, 'utf8').toString('base64');

/** jsdom's Blob has no text(): read it as a browser would. */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(blob, 'utf-8');
  });
}

describe('base64 → bytes → Blob', () => {
  it('decodes every byte, including multi-byte UTF-8 and binary', async () => {
    expect(Array.from(base64ToBytes('AAEC/w=='))).toEqual([0, 1, 2, 255]);
    const blob = base64ToBlob(CSV_BASE64, 'text/csv;charset=utf-8');
    expect(blob.type).toBe('text/csv;charset=utf-8');
    expect(blob.size).toBe(Buffer.byteLength(CSV_TEXT));
    expect(await readText(blob)).toBe(CSV_TEXT);
  });
});

describe('downloadInBrowser (h5)', () => {
  let created: Blob[];
  let clicked: HTMLAnchorElement[];

  beforeEach(() => {
    created = [];
    clicked = [];
    jest.useFakeTimers({ doNotFake: ['nextTick', 'queueMicrotask'] }); // as vitest did: promises still settle
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return 'blob:mock-1';
    }) as typeof URL.createObjectURL;
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
      expect(document.body.contains(this)).toBe(true);
    });
  });

  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('clicks a temporary <a download> on a Blob URL of the decoded file, then cleans up', async () => {
    downloadInBrowser({ filename: '订单明细-2025-11.csv', mime: 'text/csv;charset=utf-8', base64: CSV_BASE64, rows: 1 });
    expect(clicked).toHaveLength(1);
    expect(clicked[0].download).toBe('订单明细-2025-11.csv');
    expect(clicked[0].getAttribute('href')).toBe('blob:mock-1');
    expect(document.querySelector('a[download]')).toBeNull();
    expect(URL.revokeObjectURL).not.toHaveBeenCalled();
    jest.runAllTimers();
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:mock-1');
    jest.useRealTimers();
    expect(created[0].type).toBe('text/csv;charset=utf-8');
    expect(await readText(created[0])).toBe(CSV_TEXT);
  });

  it('never lets a server filename carry a path', () => {
    downloadInBrowser({ filename: '../etc/passwd', mime: 'text/plain', base64: '', rows: 0 });
    expect(clicked[0].download).toBe('.._etc_passwd');
    expect(safeFilename('  ')).toBe('export');
  });
});
