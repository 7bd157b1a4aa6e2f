import { beforeEach, describe, expect, it } from '@jest/globals';
import Taro from '@tarojs/taro';
import { resetTaroDouble, storage } from '../../tests/doubles/taro';
import type { Me } from '@cloud/contract';
import { STORE_KEY, resetAllStores, useStore } from './index';

const me: Me = { id: '12', name: '李娟', roles: ['worker'], orgId: '1', orgName: '杭州市总工会', company: '杭州汽轮机厂' };

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
});

describe('session store', () => {
  it('starts signed out', () => {
    expect(useStore.getState().user).toBeNull();
    expect(useStore.getState().token).toBeNull();
  });

  it('saves token, user and 长辈模式 (and nothing else) through Taro storage on login', () => {
    useStore.getState().login('tok-1', me);
    expect(Taro.setStorageSync).toHaveBeenCalled();
    const saved = JSON.parse(String(storage.get(STORE_KEY)));
    expect(saved).toEqual({ state: { token: 'tok-1', user: me, elder: false }, version: 1 });
  });

  it('round-trips: state written by one session is read back by the next', async () => {
    useStore.getState().login('tok-2', me);
    const written = storage.get(STORE_KEY);
    // A new launch: memory is empty, storage still holds the saved session.
    useStore.setState({ token: null, user: null });
    storage.set(STORE_KEY, written);
    await useStore.persist.rehydrate();
    expect(useStore.getState().token).toBe('tok-2');
    expect(useStore.getState().user).toEqual(me);
    expect(typeof useStore.getState().logout).toBe('function');
  });

  it('logout clears memory and storage', () => {
    useStore.getState().login('tok-3', me);
    useStore.getState().logout();
    expect(useStore.getState().user).toBeNull();
    const saved = JSON.parse(String(storage.get(STORE_KEY)));
    expect(saved.state).toEqual({ token: null, user: null, elder: false });
  });

  it('drops a saved state of an unknown older version', async () => {
    storage.set(STORE_KEY, JSON.stringify({ state: { token: 'old', user: { id: '1' } }, version: 0 }));
    await useStore.persist.rehydrate();
    expect(useStore.getState().token).toBeNull();
    expect(useStore.getState().user).toBeNull();
  });

  it('长辈模式 is remembered on the device and outlives a sign-out', async () => {
    useStore.getState().login('tok-5', me);
    useStore.getState().setElder(true);
    useStore.getState().logout();
    const written = storage.get(STORE_KEY);
    useStore.setState({ elder: false });
    storage.set(STORE_KEY, written);
    await useStore.persist.rehydrate();
    expect(useStore.getState().elder).toBe(true);
  });

  it('a session saved before 长辈模式 existed reads back with it off', async () => {
    storage.set(STORE_KEY, JSON.stringify({ state: { token: 't', user: me }, version: 1 }));
    await useStore.persist.rehydrate();
    expect(useStore.getState()).toMatchObject({ token: 't', elder: false });
  });

  it('setUser refreshes the user and keeps the token', () => {
    useStore.getState().login('tok-4', me);
    useStore.getState().setUser({ ...me, name: '李娟娟' });
    expect(useStore.getState()).toMatchObject({ token: 'tok-4', user: { name: '李娟娟' } });
  });
});
