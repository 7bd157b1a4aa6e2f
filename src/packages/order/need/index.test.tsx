import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { call } from '@/services/api';
import { pickImages, uploadImage } from '@/components/form/upload';
import { resetAllStores, useStore } from '@/stores';
import { emptyDraft, useDrafts } from '../lib/draft';
import { me } from '../fixtures';
import { toShanghaiIso } from '../lib/slots';
import NeedPage from './index';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
// The album and the upload: one picked photo, stored at a known address.
jest.mock('@/components/form/upload', () => ({
  pickImages: jest.fn(),
  uploadImage: jest.fn(),
}));
// The shared components double has no Picker (the open-time picker's "other dates").
jest.mock('@tarojs/components', () => {
  const real = jest.requireActual<Record<string, unknown>>('@tarojs/components');
  const Picker = (props: { children?: ReactNode }) => <label className="picker">{props.children}</label>;
  return { ...real, Picker };
});

const PHOTO = '/uploads/need-photo-1.jpg';
const START = new Date(Date.now() + 3 * 86_400_000);
START.setUTCHours(2, 0, 0, 0); // 10:00 in Shanghai, three days ahead

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  jest.mocked(call).mockReset();
  jest.mocked(pickImages).mockResolvedValue([{ path: 'blob:local-preview' }]);
  jest.mocked(uploadImage).mockResolvedValue(PHOTO);
  useStore.getState().login('tok', me);
  // A need filled in earlier (a restored draft), all but the photo.
  useDrafts.setState({
    lastPhone: '',
    drafts: {
      need: emptyDraft({
        title: '数控机床主轴异响',
        field: '数控',
        description: '主轴高速运转时有异响，已更换轴承仍未解决',
        urgency: 'urgent',
        durationMin: 120,
        start: toShanghaiIso(START.getTime()),
        venue: { type: 'enterprise', address: '杭州市临安区锦城街道 1 号', link: '' },
        contactPhone: '13800001111',
      }),
    },
  });
});
afterEach(() => cleanup());

const q = (c: HTMLElement, sel: string) => {
  const el = c.querySelector(sel);
  if (!el) throw new Error(`no ${sel}`);
  return el as HTMLElement;
};

describe('need form: the confirm step', () => {
  it('shows the chosen photo as a thumbnail, not a count', async () => {
    const { container: c } = render(<NeedPage />);
    fireEvent.click(q(c, '.photo-field__add'));
    await waitFor(() => expect(c.querySelector('.photo-field__photo img')?.getAttribute('src')).toBe(PHOTO));
    expect(uploadImage).toHaveBeenCalledWith({ path: 'blob:local-preview' }, 'needs');

    fireEvent.click(q(c, '.need-next'));
    await waitFor(() => expect(c.querySelector('.need-confirm')).not.toBeNull());
    const thumbs = Array.from(c.querySelectorAll('.need-confirm .photo-thumbs__item'));
    expect(thumbs.map((img) => img.getAttribute('src'))).toEqual([PHOTO]);
    expect(thumbs[0]!.tagName).toBe('IMG');
    const photoRow = q(c, '.need-confirm .confirm-photos').closest('.order-kv')!;
    expect(photoRow.textContent).not.toMatch(/\d\s*张/);
  });

  it('has no photo row when none was chosen', async () => {
    const { container: c } = render(<NeedPage />);
    fireEvent.click(q(c, '.need-next'));
    await waitFor(() => expect(c.querySelector('.need-confirm')).not.toBeNull());
    expect(c.querySelector('.need-confirm .confirm-photos')).toBeNull();
    expect(c.querySelector('.need-confirm')!.textContent).not.toContain('照片');
  });
});
