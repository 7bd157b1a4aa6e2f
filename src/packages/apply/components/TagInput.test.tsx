import { afterEach, describe, expect, it } from '@jest/globals';
import { useState } from 'react';
import { cleanup, fireEvent, render } from '@testing-library/react';
import { TagInput } from './TagInput';
import { addTags, removeTag } from './tags';

afterEach(() => cleanup());

describe('addTags', () => {
  it('adds trimmed items, several at once split at commas, 顿号 and spaces', () => {
    expect(addTags(['数控'], '  焊接，电工、 机电维修 ,PLC')).toEqual({ tags: ['数控', '焊接', '电工', '机电维修', 'PLC'], note: null });
  });

  it('drops duplicates, ignoring case and within the text, and says so', () => {
    const res = addTags(['PLC', '数控'], 'plc 数控 焊接 焊接');
    expect(res.tags).toEqual(['PLC', '数控', '焊接']);
    expect(res.note).toBe('“plc”已添加');
  });

  it('refuses items over the length and stops at the most allowed', () => {
    expect(addTags([], 'a'.repeat(31))).toEqual({ tags: [], note: '每项最多 30 字' });
    expect(addTags(['一', '二'], '三 四 五', { max: 3, maxLen: 30 })).toEqual({ tags: ['一', '二', '三'], note: '最多 3 项' });
  });

  it('ignores blank input and removes by value', () => {
    expect(addTags(['数控'], ' ，、 ')).toEqual({ tags: ['数控'], note: null });
    expect(removeTag(['数控', '焊接', '电工'], '焊接')).toEqual(['数控', '电工']);
  });
});

function Harness({ initial = [] as string[] }) {
  const [tags, setTags] = useState(initial);
  return (
    <>
      <TagInput className="skills" value={tags} onChange={setTags} />
      <output data-testid="value">{JSON.stringify(tags)}</output>
    </>
  );
}

const value = (c: HTMLElement) => JSON.parse(c.querySelector('output')!.textContent!) as string[];

describe('TagInput', () => {
  it('adds with the 添加 button and with Enter, clears the box, dedupes and removes', () => {
    const { container, getByText } = render(<Harness initial={['数控']} />);
    const box = container.querySelector('.tag-input__field') as HTMLInputElement;

    fireEvent.change(box, { target: { value: '焊接' } });
    fireEvent.click(getByText('添加'));
    expect(value(container)).toEqual(['数控', '焊接']);
    expect(box.value).toBe('');

    fireEvent.change(box, { target: { value: '电工，数控' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(value(container)).toEqual(['数控', '焊接', '电工']);
    expect(container.querySelector('.tag-input__note')!.textContent).toBe('“数控”已添加');

    fireEvent.click(container.querySelector('[data-tag="焊接"] .tag-input__remove')!);
    expect(value(container)).toEqual(['数控', '电工']);
    expect(Array.from(container.querySelectorAll('.tag-input__tag')).map((t) => t.textContent)).toEqual(['数控×', '电工×']);
  });

  it('keeps what was typed when the box loses focus (then 添加 does not add it twice)', () => {
    const { container, getByText } = render(<Harness />);
    const box = container.querySelector('.tag-input__field') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '义乌市' } });
    fireEvent.blur(box);
    fireEvent.click(getByText('添加'));
    expect(value(container)).toEqual(['义乌市']);
    expect(container.querySelector('.tag-input__note')).toBeNull();
  });
});
