import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import type { Me, OutboxItem } from '@cloud/contract';
import { resetTaroDouble } from '../../../../tests/doubles/taro';
import { call as mockedCall } from '@/services/api';
import { resetAllStores, useStore } from '@/stores';
import OutboxPage from './index';

jest.mock('@/services/api', () => ({ ...jest.requireActual<object>('@/services/api'), call: jest.fn() }));
const call = mockedCall as unknown as jest.Mock<(...args: any[]) => any>;

const admin = { id: '3', name: '金华市总工会管理员', roles: ['admin'], orgId: '2', orgName: '金华市总工会', company: null } as unknown as Me;

const item = (id: string, over: Partial<OutboxItem>): OutboxItem => ({
  id, kind: 'newOrder', kindName: '新订单提醒', orderId: '77', orderTitle: '劳模精神代代传', userId: '12', userName: '刘扬青',
  status: 'sent', statusName: '已发送', attempts: 1, lastError: null, at: '2026-11-01T10:00:00+08:00', nextAttemptAt: null,
  sentAt: '2026-11-01T10:01:00+08:00', transport: 'wechat', ...over,
});

afterEach(() => cleanup());
beforeEach(() => {
  resetTaroDouble();
  resetAllStores();
  call.mockReset();
});

describe('消息发送', () => {
  it('lists the messages with their state; a failed one shows WeChat\'s error; the filter asks the server again', async () => {
    useStore.setState({ user: admin, token: 't' });
    call.mockImplementation(async (fn: string, action: string, input: { status?: string }) => {
      if (fn !== 'admin' || action !== 'outbox') throw new Error(`unexpected ${fn}.${action}`);
      const failed = item('2', { status: 'failed', statusName: '发送失败', attempts: 4, lastError: '40037: invalid template_id', sentAt: null });
      const items = input.status === 'failed' ? [failed] : [item('1', {}), failed, item('3', { status: 'skipped', statusName: '未发送', attempts: 0, lastError: '用户未订阅或订阅次数已用完', sentAt: null })];
      return { items, total: items.length, page: 1, pageSize: 50 };
    });
    const { container, getByText } = render(<OutboxPage />);
    await waitFor(() => expect(container.querySelectorAll('.outbox-item')).toHaveLength(3));
    const failed = container.querySelector('.outbox-item--failed')!;
    expect(failed.textContent).toContain('发送失败');
    expect(failed.textContent).toContain('40037: invalid template_id');
    expect(failed.textContent).toContain('已尝试 4 次');
    expect(failed.textContent).toContain('刘扬青');
    expect(container.querySelector('.outbox-item--skipped')!.textContent).toContain('用户未订阅');

    fireEvent.click(getByText('发送失败', { selector: '.filter-chips__item' }));
    await waitFor(() => expect(container.querySelectorAll('.outbox-item')).toHaveLength(1));
    expect(call).toHaveBeenLastCalledWith('admin', 'outbox', { status: 'failed', page: 1, pageSize: 50 });
  });
});
