import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { StateView } from './index';

afterEach(() => cleanup());

describe('StateView', () => {
  it('shows a placeholder while loading, not the content', () => {
    const { container } = render(
      <StateView loading error={null}>
        <span>内容</span>
      </StateView>,
    );
    expect(container.querySelector('.state-view--loading')).not.toBeNull();
    expect(screen.queryByText('内容')).toBeNull();
  });

  it('shows the error with a working retry', () => {
    const onRetry = jest.fn();
    render(<StateView loading={false} error="网络不可用，请稍后重试" onRetry={onRetry} />);
    expect(screen.getByRole('alert').textContent).toContain('网络不可用，请稍后重试');
    fireEvent.click(screen.getByText('重试'));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it('shows the empty message and its action', () => {
    const onClick = jest.fn();
    render(<StateView loading={false} error={null} empty emptyText="暂无订单" emptyAction={{ text: '去看菜单', onClick }} />);
    expect(screen.getByText('暂无订单')).toBeTruthy();
    fireEvent.click(screen.getByText('去看菜单'));
    expect(onClick).toHaveBeenCalled();
  });

  it('shows the content when there is some', () => {
    render(
      <StateView loading={false} error={null} empty={false}>
        <span>内容</span>
      </StateView>,
    );
    expect(screen.getByText('内容')).toBeTruthy();
  });
});
