import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import type { FieldErrors, Order, OrderDetail } from '@cloud/contract';
import { ApiError, call, errorMessage } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { formatMinutes } from '@/utils/labels';
import { HORIZON_DAYS, toShanghaiIso } from '../lib/slots';
import { fieldErrorsOf } from '../lib/form';
import type { RequesterAction } from './OrderActions';
import { ACTION_LABEL } from './OrderActions';
import { Choices, Field, LIMITS, TextArea } from '@/components/form';
import { OpenTimePicker } from './OpenTimePicker';
import { Sheet } from './Sheet';
import { SlotPicker } from './SlotPicker';
import { StarInput } from './StarInput';

export interface ActionSheetProps {
  order: OrderDetail;
  action: RequesterAction | null;
  onClose: () => void;
  /** After the server said yes: the updated order and a word for the toast. */
  onDone: (order: Order, toast: string) => void;
}

const TITLES: Record<RequesterAction, string> = {
  cancel: '取消订单',
  reschedule: '改期',
  rate: '评价本次服务',
  confirm: '确认问题已解决',
  dispute: '问题未解决',
  reopen: '重新发布需求',
};

const RESCHEDULE_RANGE_DAYS = 30;

/** New free time of the named volunteer, for a reschedule. */
function NamedReschedule({ order, value, onChange }: { order: OrderDetail; value: string | null; onChange: (s: string | null) => void }) {
  const [days, setDays] = useState(RESCHEDULE_RANGE_DAYS);
  const slots = useAsync(async () => {
    const from = Date.now();
    const p = await call('catalog', 'volunteer', {
      id: order.volunteerId!,
      from: toShanghaiIso(from),
      to: toShanghaiIso(from + days * 86_400_000 - 60_000),
    });
    return p.freeSlots;
  }, [order.volunteerId, days]);
  return (
    <SlotPicker
      slots={slots.data}
      durationMin={order.durationMin}
      value={value}
      onChange={onChange}
      loading={slots.status === 'loading'}
      error={slots.error}
      onRetry={() => void slots.reload()}
      onMore={days < HORIZON_DAYS ? () => setDays(HORIZON_DAYS) : undefined}
      rangeLabel={`近 ${days} 天`}
    />
  );
}

/**
 * The form behind each requester action (reason, new time, stars, pool or union), sent with the
 * matching `order.*` call. Typed text stays when the server says no; its message shows in place.
 */
export function ActionSheet({ order, action, onClose, onDone }: ActionSheetProps) {
  const [reason, setReason] = useState('');
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [start, setStart] = useState<string | null>(null);
  const [to, setTo] = useState<'pool' | 'admin' | null>(null);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [slotKey, setSlotKey] = useState(0);

  if (action == null) return null;
  const named = order.named && !!order.volunteerId;

  const local = (): FieldErrors => {
    const e: FieldErrors = {};
    if ((action === 'cancel' || action === 'dispute') && reason.trim().length < 2) {
      e.reason = action === 'cancel' ? '请填写取消原因（至少 2 个字）' : '请说明哪里没有解决（至少 2 个字）';
    }
    if (action === 'rate' && (score < 1 || score > 5)) e.score = '请点选 1–5 颗星';
    if (action === 'reschedule' && !start) e.start = '请选择新的时间';
    if (action === 'reopen' && !to) e.to = '请选择重新发布到哪里';
    return e;
  };

  const send = (): Promise<[Order, string]> => {
    const id = order.id;
    switch (action) {
      case 'cancel':
        return call('order', 'cancel', { id, reason: reason.trim() }).then((o) => [o, '已取消']);
      case 'reschedule':
        return call('order', 'reschedule', { id, start: start! }).then((o) => [o, '已改期']);
      case 'rate':
        return call('order', 'rate', { id, score, ...(comment.trim() ? { comment: comment.trim() } : {}) }).then((o) => [o, '感谢评价']);
      case 'confirm':
        return call('order', 'confirm', { id }).then((o) => [o, '已确认解决']);
      case 'dispute':
        return call('order', 'dispute', { id, reason: reason.trim() }).then((o) => [o, '已提交']);
      case 'reopen':
        return call('order', 'reopen', { id, to: to!, ...(note.trim() ? { note: note.trim() } : {}) }).then((o) => [o, '已重新发布']);
    }
  };

  const submit = async () => {
    if (busy) return;
    const e = local();
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    setBusy(true);
    setMessage(null);
    try {
      const [updated, toast] = await send();
      onDone(updated, toast);
    } catch (err) {
      setErrors(fieldErrorsOf(err));
      setMessage(errorMessage(err));
      if (err instanceof ApiError && err.code === 'CONFLICT' && action === 'reschedule') {
        setStart(null);
        setSlotKey((k) => k + 1);
      }
    } finally {
      setBusy(false);
    }
  };

  const reasonMax = action === 'dispute' ? LIMITS.order.disputeReason : LIMITS.order.cancelReason;
  const reasonField = (label: string, placeholder: string) => (
    <Field name="reason" label={label} required error={errors.reason} count={reason.length} max={reasonMax}>
      <TextArea className="reason-input" value={reason} max={reasonMax} placeholder={placeholder} onChange={setReason} />
    </Field>
  );

  return (
    <Sheet
      open
      title={TITLES[action]}
      onClose={() => !busy && onClose()}
      className={`action-sheet action-sheet--${action}`}
      footer={
        <>
          <View className="btn btn--outline" onClick={() => !busy && onClose()}>
            再想想
          </View>
          <View className={`btn btn--primary action-sheet__submit${busy ? ' btn--disabled' : ''}`} onClick={() => void submit()}>
            {busy ? '提交中…' : action === 'cancel' ? '确认取消' : `确认${ACTION_LABEL[action].replace(/^确认/, '')}`}
          </View>
        </>
      }
    >
      {message && (
        <View className="form-banner action-sheet__error" role="alert">
          <Text>{message}</Text>
        </View>
      )}
      {action === 'cancel' && (
        <>
          <Text className="sheet__text">取消后{order.volunteerName ? `将通知${order.volunteerName}` : '订单将从抢单池撤下'}。</Text>
          {reasonField('取消原因', '例如：活动时间调整')}
        </>
      )}
      {action === 'reschedule' && (
        <Field
          name="start"
          label={named ? `${order.volunteerName ?? '志愿者'}的可约时间` : '新的时间'}
          required
          error={errors.start}
          hint={`时长 ${formatMinutes(order.durationMin)} 不变；改期后需志愿者重新确认`}
        >
          {named ? (
            <NamedReschedule key={slotKey} order={order} value={start} onChange={setStart} />
          ) : (
            <OpenTimePicker value={start} onChange={setStart} now={Date.now()} />
          )}
        </Field>
      )}
      {action === 'rate' && (
        <>
          <Field name="score" label="服务评分" required error={errors.score}>
            <StarInput value={score} onChange={setScore} />
          </Field>
          <Field name="comment" label="评价内容" error={errors.comment} count={comment.length} max={LIMITS.order.comment}>
            <TextArea
              className="comment-input"
              value={comment}
              max={LIMITS.order.comment}
              placeholder="说说收获或建议（选填）"
              onChange={setComment}
            />
          </Field>
        </>
      )}
      {action === 'confirm' && (
        <Text className="sheet__text">确认{order.volunteerName ?? '志愿者'}已解决您的问题？确认后本次求助结束，可继续评价。</Text>
      )}
      {action === 'dispute' && reasonField('哪里没有解决', '请描述仍存在的问题，工会将跟进处理')}
      {action === 'reopen' && (
        <>
          <Field name="to" label="重新发布到" required error={errors.to}>
            <Choices
              className="reopen-choices"
              layout="rows"
              options={[
                { value: 'pool', label: '重新发布到抢单池', sub: '由其他志愿者接单' },
                { value: 'admin', label: '转交工会', sub: '由工会管理员协调派单' },
              ]}
              value={to}
              onChange={setTo}
            />
          </Field>
          <Field name="note" label="补充说明" error={errors.note} count={note.length} max={LIMITS.order.reopenNote}>
            <TextArea
              className="reopen-note"
              value={note}
              max={LIMITS.order.reopenNote}
              placeholder="目前的情况、还需要什么帮助（选填）"
              onChange={setNote}
            />
          </Field>
        </>
      )}
    </Sheet>
  );
}
