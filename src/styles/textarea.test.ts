/** @jest-environment node */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import * as sass from 'sass';

const SRC = path.resolve(__dirname, '..');

function files(dir: string, test: (f: string) => boolean): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p, test) : test(p) ? [p] : [];
  });
}

/** The first class of every <Textarea className="…"> in the app's code. */
function textareaClasses(): Map<string, string> {
  const found = new Map<string, string>();
  for (const f of files(SRC, (p) => p.endsWith('.tsx') && !p.endsWith('.test.tsx'))) {
    const code = fs.readFileSync(f, 'utf8');
    for (const m of code.matchAll(/<Textarea\b[^>]*?className=["'{`]+([\w-]+)/g)) found.set(m[1], path.relative(SRC, f));
  }
  return found;
}

/** Every stylesheet a page or component imports, compiled as the build compiles it. */
function compiledCss(): string {
  return files(SRC, (p) => p.endsWith('.scss') && !path.basename(p).startsWith('_'))
    .map((f) => sass.compile(f, { loadPaths: [path.dirname(f)], logger: sass.Logger.silent }).css)
    .join('\n');
}

/** The declarations of the rule whose selector list contains `selector` exactly. */
function declarationsOf(css: string, selector: string): string {
  const out: string[] = [];
  for (const m of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const selectors = m[1].split(',').map((s) => s.trim().replace(/\s+/g, ' '));
    if (selectors.includes(selector)) out.push(m[2]);
  }
  return out.join(';');
}

describe('multi-line fields share one style', () => {
  const css = compiledCss();
  const classes = textareaClasses();

  it('finds the forms’ text areas: the kit’s one and the few outside it', () => {
    expect(classes.get('form-textarea')).toBe(path.join('components', 'form', 'inputs.tsx'));
    expect(classes.size).toBeGreaterThanOrEqual(2);
  });

  it.each([
    'packages/order/book/index.tsx', 'packages/order/need/index.tsx', 'packages/order/components/ActionSheet.tsx',
    'packages/task/record/index.tsx', 'packages/apply/index/index.tsx', 'packages/manage/topic/index.tsx',
    'packages/manage/service/index.tsx', 'packages/manage/team/index.tsx', 'packages/manage/applications/index.tsx',
    'packages/task/detail/ReasonPanel.tsx',
  ])('%s writes its multi-line fields with the form kit’s TextArea', (file) => {
    const code = fs.readFileSync(path.join(SRC, file), 'utf8');
    expect(code).toMatch(/<TextArea\b/);
    expect(code).not.toMatch(/<Textarea\b/);
  });

  it.each([...textareaClasses()])('.%s (%s): the native textarea takes the field’s font, no white box, no resize grip', (cls) => {
    const inner = declarationsOf(css, `.${cls} .taro-textarea`);
    expect(inner).toMatch(/font:\s*inherit/);
    expect(inner).toMatch(/resize:\s*none/);
    expect(inner).toMatch(/background:\s*transparent/);
    expect(inner).toMatch(/border:\s*0/);
  });
});
