import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { Me, OrgNode } from '@cloud/contract';
import { resetTaroDouble } from '../../../tests/doubles/taro';
import { ApiError, call } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import { ProfileSheet } from './index';
import { draftFromUser, needsProfile, toProfileInput, validateProfile } from './form';

jest.mock('@/services/api', () => {
  const real = jest.requireActual<typeof import('@/services/api')>('@/services/api');
  return { ...real, call: jest.fn() };
});
const callMock = jest.mocked(call) as unknown as jest.Mock<(...args: any[]) => any>;

const ORGS: OrgNode[] = [
  { id: '1', name: '浙江省总工会', parentId: null, level: 'province', region: '浙江' },
  { id: '2', name: '金华市总工会', parentId: '1', level: 'city', region: '金华' },
  { id: '3', name: '义乌市总工会', parentId: '2', level: 'county', region: '义乌' },
  { id: '4', name: '杭州市总工会', parentId: '1', level: 'city', region: '杭州' },
];
const stranger: Me = { id: '50', name: '微信用户', roles: ['worker'], orgId: null, orgName: null, company: null, profileComplete: false };
const saved: Me = { ...stranger, name: '张三', phone: '13900000001', orgId: '3', orgName: '义乌市总工会', profileComplete: true };

function serve(update: (input: unknown) => Promise<Me>) {
  callMock.mockImplementation(async (fn: string, action: string, input: unknown) => {
    if (fn === 'catalog' && action === 'orgs') return { items: ORGS, total: ORGS.length, page: 1, pageSize: 100 };
    if (fn === 'auth' && action === 'updateProfile') return update(input);
    throw new Error(`unexpected ${fn}.${action}`);
  });
}
const type = (el: Element | null, value: string) => fireEvent.change(el!, { target: { value } });
const errorOf = (c: HTMLElement, field: string) => c.querySelector(`.profile-sheet__field--${field} .profile-sheet__error`)?.textContent ?? null;
const pick = (c: HTMLElement, name: string) => fireEvent.click(Array.from(c.querySelectorAll('.org-picker__option')).find((o) => o.textContent === name)!);

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  callMock.mockReset();
  useStore.getState().login('tok', stranger);
});
afterEach(() => cleanup());

describe('profile form rules', () => {
  it('asks for a name, a mainland mobile number and a union; the placeholder name is not a name', () => {
    expect(validateProfile(draftFromUser(stranger))).toEqual({ name: '请填写姓名', phone: '请填写手机号', orgId: '请选择所属工会' });
    expect(validateProfile({ name: '张三', phone: '12345678901', avatarUrl: null, orgId: '3' })).toEqual({ phone: '请填写正确的 11 位手机号' });
    expect(toProfileInput({ name: ' 张三 ', phone: '139 0000 0001', avatarUrl: null, orgId: '3' })).toEqual({ name: '张三', phone: '13900000001', orgId: '3' });
  });

  it('only a server answer saying incomplete asks for the profile', () => {
    expect(needsProfile(stranger)).toBe(true);
    expect(needsProfile(saved)).toBe(false);
    expect(needsProfile({ ...saved, profileComplete: undefined })).toBe(false);
    expect(needsProfile(null)).toBe(false);
  });
});

describe('ProfileSheet', () => {
  it('shows what is missing, then saves name, phone and the county picked 省 → 市 → 区县', async () => {
    const update = jest.fn(async () => saved);
    serve(update);
    const onSaved = jest.fn();
    const { container: c } = render(<ProfileSheet user={stranger} onSaved={onSaved} />);
    await waitFor(() => expect(c.querySelector('.org-picker__option')).not.toBeNull());
    fireEvent.click(c.querySelector('.profile-sheet__save')!);
    expect(errorOf(c, 'name')).toBe('请填写姓名');
    expect(errorOf(c, 'phone')).toBe('请填写手机号');
    expect(errorOf(c, 'orgId')).toBe('请选择所属工会');
    expect(update).not.toHaveBeenCalled();

    type(c.querySelector('.profile-sheet__name'), '张三');
    type(c.querySelector('.profile-sheet__phone'), '1390000');
    expect(errorOf(c, 'name')).toBeNull();
    pick(c, '浙江省总工会');
    pick(c, '金华市总工会');
    pick(c, '义乌市总工会');
    expect(c.querySelector('.org-picker__value')!.textContent).toBe('已选：浙江省总工会 / 金华市总工会 / 义乌市总工会');
    fireEvent.click(c.querySelector('.profile-sheet__save')!);
    expect(errorOf(c, 'phone')).toBe('请填写正确的 11 位手机号');
    type(c.querySelector('.profile-sheet__phone'), '139 0000 0001');
    fireEvent.click(c.querySelector('.profile-sheet__save')!);
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    expect(update).toHaveBeenCalledWith({ name: '张三', phone: '13900000001', orgId: '3' });
    expect(useStore.getState().user).toEqual(saved);
  });

  it('shows the server\'s field message where the field is', async () => {
    serve(async () => {
      throw new ApiError('VALIDATION', '请填写正确的 11 位手机号', { phone: '请填写正确的 11 位手机号' });
    });
    const { container: c } = render(<ProfileSheet user={{ ...stranger, name: '李四', phone: '13900000002', orgId: '4' }} />);
    await waitFor(() => expect(c.querySelector('.org-picker__option--on')).not.toBeNull());
    fireEvent.click(c.querySelector('.profile-sheet__save')!);
    await waitFor(() => expect(errorOf(c, 'phone')).toBe('请填写正确的 11 位手机号'));
    expect(useStore.getState().user).toEqual(stranger);
  });

  it('an admin\'s union is shown, not picked', async () => {
    serve(async () => saved);
    const admin: Me = { ...saved, roles: ['admin'], orgId: '3', orgName: '义乌市总工会' };
    const { container: c } = render(<ProfileSheet user={admin} />);
    expect(c.querySelector('.profile-sheet__fixed')!.textContent).toContain('义乌市总工会');
    expect(c.querySelector('.org-picker')).toBeNull();
  });
});
