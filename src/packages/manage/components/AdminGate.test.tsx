import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { Me } from '@cloud/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { resetAllStores, useStore } from '@/stores';
import { AdminGate } from './AdminGate';

const admin: Me = { id: '2', name: '义乌管理员', roles: ['admin'], orgId: '2', orgName: '义乌市总工会', company: null };
const width = (w: number) =>
  jest.mocked(Taro.getWindowInfo).mockReturnValue({ windowWidth: w, windowHeight: 800, screenWidth: w, screenHeight: 800, pixelRatio: 1 } as never);
const at = (path: string) => jest.mocked(Taro.getCurrentInstance).mockReturnValue({ router: { params: {}, path }, page: null } as never);

beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  useStore.getState().login('tok', admin);
});
afterEach(() => cleanup());

describe('manage pages on a desktop (finding 7)', () => {
  it('at ≥ 1024 px sit in the console frame, whose sidebar has 志愿者审核 and 菜单与队伍', () => {
    width(1280);
    at('/packages/manage/applications/index');
    const { container: c, getByText } = render(<AdminGate><div className="mg-page">审核列表</div></AdminGate>);
    expect(c.querySelector('.admin .admin__main .mg-page')).not.toBeNull();
    const active = c.querySelector('.admin__tab--active')!;
    expect(active.textContent).toBe('志愿者审核');
    const tabs = Array.from(c.querySelectorAll('.admin__tab')).map((t) => t.textContent);
    expect(tabs).toEqual(['数据看板', '超时待办', '订单管理', '导出报表', '消息发送', '志愿者审核', '菜单与队伍']);
    // The two manage entries are the sidebar's only: the phone's top tabs keep five.
    expect(Array.from(c.querySelectorAll('.admin__tab--wide-only')).map((t) => t.textContent)).toEqual(['志愿者审核', '菜单与队伍']);
    fireEvent.click(getByText('菜单与队伍'));
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/manage/index/index' });
  });

  it('an editor page marks 菜单与队伍; on a phone there is no frame', () => {
    width(1280);
    at('/packages/manage/topic/index');
    const wide = render(<AdminGate><div className="mg-page">编辑</div></AdminGate>);
    expect(wide.container.querySelector('.admin__tab--active')!.textContent).toBe('菜单与队伍');
    wide.unmount();
    width(375);
    const { container: c } = render(<AdminGate><div className="mg-page">编辑</div></AdminGate>);
    expect(c.querySelector('.admin')).toBeNull();
    expect(c.querySelector('.mg-page')).not.toBeNull();
  });
});
