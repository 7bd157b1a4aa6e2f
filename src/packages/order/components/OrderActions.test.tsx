import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { cleanup, fireEvent, render } from '@testing-library/react';
import type { OrderAction } from '@cloud/contract';
import { OrderActions } from './OrderActions';

afterEach(() => cleanup());

const shown = (actions: OrderAction[]) => {
  const { container } = render(<OrderActions actions={actions} onAction={() => undefined} onHandle={() => undefined} />);
  const names = Array.from(container.querySelectorAll('.order-action')).map((e) =>
    Array.from(e.classList).find((c) => c.startsWith('order-action--') && c !== 'order-action--primary')!.replace('order-action--', ''),
  );
  const link = container.querySelector('.order-task-link');
  cleanup();
  return { names, link: link?.textContent ?? null };
};

describe('OrderActions', () => {
  it('shows exactly the requester actions the order allows', () => {
    expect(shown(['cancel', 'reschedule'])).toEqual({ names: ['reschedule', 'cancel'], link: null });
    expect(shown(['rate'])).toEqual({ names: ['rate'], link: null });
    expect(shown(['confirm', 'dispute', 'reopen', 'rate'])).toEqual({ names: ['confirm', 'rate', 'dispute', 'reopen'], link: null });
    expect(shown([])).toEqual({ names: [], link: null });
  });

  it('sends volunteer actions to the task page instead of drawing them', () => {
    expect(shown(['accept', 'decline'])).toEqual({ names: [], link: '去处理' });
    expect(shown(['checkIn'])).toEqual({ names: [], link: '去处理' });
    expect(shown(['complete', 'cancel'])).toEqual({ names: ['cancel'], link: '去处理' });
  });

  it('renders nothing when nothing is allowed', () => {
    const { container } = render(<OrderActions actions={[]} onAction={() => undefined} onHandle={() => undefined} />);
    expect(container.innerHTML).toBe('');
  });

  it('reports which button was tapped', () => {
    const onAction = jest.fn();
    const onHandle = jest.fn();
    const { container } = render(<OrderActions actions={['rate', 'accept']} onAction={onAction} onHandle={onHandle} />);
    fireEvent.click(container.querySelector('.order-action--rate')!);
    expect(onAction).toHaveBeenCalledWith('rate');
    fireEvent.click(container.querySelector('.order-task-link')!);
    expect(onHandle).toHaveBeenCalled();
    expect(container.querySelector('.order-action--rate')!.textContent).toBe('评价');
  });
});
