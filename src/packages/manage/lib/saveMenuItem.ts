import Taro from '@tarojs/taro';
import type { FieldErrors } from '@cloud/contract';
import { markDirty, type ListName } from './dirty';
import { saveFailure } from './fields';
import { leaveTo } from './leave';
import { revealErrors } from '@/components/form/errors';
import type { useForm } from './useForm';

type Form<D extends object> = ReturnType<typeof useForm<D>>;

export interface MenuItemSave<D extends { id?: string; active: boolean }> {
  form: Form<D>;
  validate: (draft: D) => FieldErrors;
  /** What is stopped, for the confirmation: 主题 or 服务. */
  noun: string;
  send: (draft: D) => Promise<unknown>;
  list: ListName;
  backTo: string;
}

/**
 * Saving a menu item (topic or service): local checks first, a confirmation before taking it off
 * the menu, then the server; its field errors land beside the inputs and the draft is kept.
 */
export function saveMenuItem<D extends { id?: string; active: boolean }>(s: MenuItemSave<D>) {
  const { form } = s;
  if (form.saving) return;
  const local = s.validate(form.draft);
  form.setErrors(local);
  if (Object.keys(local).length > 0) {
    form.setBanner('请按提示修改后再保存');
    revealErrors(true);
    return;
  }
  return form.guard(async () => {
    const { draft } = form;
    if (draft.id && !draft.active) {
      const ok = await Taro.showModal({
        title: `停用${s.noun}`,
        content: `停用后该${s.noun}从点单菜单中隐藏，已有订单不受影响。`,
        confirmText: '停用',
        confirmColor: '#c8161d',
      })
        .then((r) => r.confirm)
        .catch(() => false);
      if (!ok) return;
    }
    form.setBanner(null);
    try {
      await s.send(draft);
    } catch (err) {
      const f = saveFailure(err);
      form.setErrors(f.fields);
      form.setBanner(f.message);
      revealErrors(Object.keys(f.fields).length > 0);
      return;
    }
    markDirty(s.list);
    void Taro.showToast({ title: draft.active ? '已保存' : '已停用', icon: 'success' });
    leaveTo(s.backTo);
  });
}
