import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Text, Textarea, View } from '@tarojs/components';
import { ApiError, call, errorMessage } from '@/services/api';

/**
 * 交还订单: an accepted order I cannot come to after all. It goes back to the pool or the team
 * (to the union's admins within 2 hours of the start), the requester is told at once, and the
 * hand-back counts in my statistics — so the page says so before the tap.
 */
export function HandBackPanel({ id, onCancel, onDone }: { id: string; onCancel: () => void; onDone: () => void }) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (busy) return;
    if (reason.trim().length < 2) {
      setError('请填写交还原因（至少 2 个字）');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await call('task', 'handBack', { id, reason: reason.trim() });
      void Taro.showToast({ title: '已交还', icon: 'none' });
      onDone();
    } catch (err) {
      setError((err instanceof ApiError && err.fields?.reason) || errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card decline-panel hand-back-panel">
      <Text className="decline-panel__title">交还原因</Text>
      <Text className="hand-back-panel__hint">交还后订单将重新发布给其他志愿者（开始前 2 小时内转交工会管理员），对方会立即收到通知，交还次数计入个人统计。</Text>
      <Textarea
        className="decline-panel__input"
        value={reason}
        maxlength={200}
        placeholder="例如：单位临时安排出差，无法按时到场"
        onInput={(e) => setReason(e.detail.value)}
      />
      {error && <Text className="field-error">{error}</Text>}
      <View className="decline-panel__buttons">
        <View className="btn btn--outline decline-panel__cancel" onClick={onCancel}>
          取消
        </View>
        <View className={`btn btn--primary hand-back-submit${busy ? ' btn--disabled' : ''}`} onClick={() => void submit()}>
          {busy ? '提交中…' : '确认交还'}
        </View>
      </View>
    </View>
  );
}
