import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Field, LIMITS, TextArea } from '@/components/form';
import { ApiError, call, errorMessage } from '@/services/api';

/** What differs between the panels that take an order back with a reason. */
interface ReasonAction {
  action: 'decline' | 'handBack';
  /** 婉拒 / 交还: the title, the empty-reason message, the button and the toast use it. */
  verb: string;
  placeholder: string;
  hint?: string;
  /** Extra class of the panel and the class of its submit button (the tests and styles use them). */
  panelClass?: string;
  submitClass: string;
}

const ACTIONS: Record<ReasonAction['action'], ReasonAction> = {
  decline: {
    action: 'decline',
    verb: '婉拒',
    placeholder: '例如：当天已有其他安排。订单会转给其他志愿者或工会',
    submitClass: 'decline-submit',
  },
  // 交还订单: an accepted order I cannot come to after all; the page says what follows before the tap.
  handBack: {
    action: 'handBack',
    verb: '交还',
    placeholder: '例如：单位临时安排出差，无法按时到场',
    hint: '交还后订单将重新发布给其他志愿者（开始前 2 小时内转交工会管理员），对方会立即收到通知，交还次数计入个人统计。',
    panelClass: 'hand-back-panel',
    submitClass: 'hand-back-submit',
  },
};

/** 婉拒 or 交还 an order, with the reason the requester and the union will read (at least 2 characters). */
export function ReasonPanel({ kind, id, onCancel, onDone }: { kind: ReasonAction['action']; id: string; onCancel: () => void; onDone: () => void }) {
  const a = ACTIONS[kind];
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (reason.trim().length < 2) {
      setError(`请填写${a.verb}原因（至少 2 个字）`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('task', a.action, { id, reason: reason.trim() });
      void Taro.showToast({ title: `已${a.verb}`, icon: 'none' });
      onDone();
    } catch (err) {
      setError((err instanceof ApiError && err.fields?.reason) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className={`card decline-panel${a.panelClass ? ` ${a.panelClass}` : ''}`}>
      {a.hint && <Text className="hand-back-panel__hint">{a.hint}</Text>}
      <Field name="reason" label={`${a.verb}原因`} required error={error} count={reason.length} max={LIMITS.decline.reason}>
        <TextArea className="decline-panel__input" value={reason} max={LIMITS.decline.reason} placeholder={a.placeholder} onChange={setReason} />
      </Field>
      <View className="decline-panel__buttons">
        <View className="btn btn--outline decline-panel__cancel" onClick={onCancel}>
          取消
        </View>
        <View className={`btn btn--primary ${a.submitClass}${busy ? ' btn--disabled' : ''}`} onClick={() => void submit()}>
          {busy ? '提交中…' : `确认${a.verb}`}
        </View>
      </View>
    </View>
  );
}
