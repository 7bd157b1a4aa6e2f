import { describe, expect, it } from '@jest/globals';
import { fireEvent, render } from '@testing-library/react';
import { useState } from 'react';
import { StarInput } from './StarInput';

function Rated() {
  const [score, setScore] = useState(0);
  return <StarInput value={score} onChange={setScore} />;
}

describe('StarInput', () => {
  it('names every star (1 很不满意 … 5 非常满意) and says the chosen one', () => {
    const { container: c } = render(<Rated />);
    const labels = Array.from(c.querySelectorAll('.star-input__label')).map((e) => e.textContent);
    expect(labels).toEqual(['很不满意', '不满意', '一般', '满意', '非常满意']);
    expect(c.querySelector('.star-input__word')!.textContent).toBe('请点选星级');
    fireEvent.click(c.querySelector('.star-input__star[data-score="2"]')!);
    expect(c.querySelectorAll('.star-input__star--on')).toHaveLength(2);
    expect(c.querySelector('.star-input__word')!.textContent).toBe('不满意');
    expect(c.querySelector('.star-input__item--chosen')!.getAttribute('aria-label')).toBe('2 星：不满意');
    fireEvent.click(c.querySelector('.star-input__star[data-score="5"]')!);
    expect(c.querySelector('.star-input__word')!.textContent).toBe('非常满意');
  });
});
