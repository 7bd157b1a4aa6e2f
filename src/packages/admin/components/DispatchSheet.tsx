import { useState } from 'react';
import { Input, Picker, Text, View } from '@tarojs/components';
import type { CandidateFitItem, Order } from '@cloud/contract';
import { ApiError, call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { formatDateTime } from '@/utils/time';
import { byFit, clockOf, fitText, loadCandidates } from '../lib/dispatch';
import { KIND_LABEL, orderTitle } from '../lib/labels';
import { dateKey } from '../lib/period';
import { Sheet } from './Sheet';
import { usePickConfirm } from './usePickConfirm';

export interface DispatchSheetProps {
  /** The order to dispatch; null closes the sheet. */
  order: Order | null;
  onClose: () => void;
  /** After the server accepted the dispatch (the sheet is closed by the parent). */
  onDone: (updated: Order, volunteerName: string) => void;
}

/**
 * 派单: pick one of the suitable volunteers and confirm. Each shows how they fit the order's time
 * (free, a clash, a blocked day, outside their hours); an order whose time has passed asks for a new
 * time first. A busy volunteer (CONFLICT) or any other refusal shows the server's message and keeps
 * the sheet open to pick another.
 */
export function DispatchSheet({ order, onClose, onDone }: DispatchSheetProps) {
  return order ? <DispatchPanel key={order.id} order={order} onClose={onClose} onDone={onDone} /> : null;
}

function DispatchPanel({ order, onClose, onDone }: { order: Order } & Omit<DispatchSheetProps, 'order'>) {
  const candidates = useAsync(() => loadCandidates(order), [order.id]);
  const listed = candidates.data?.items ?? [];
  // The phone's clock decides first; the server's answer (VALIDATION on start) decides for sure.
  const [askTime, setAskTime] = useState(() => Date.parse(order.start) <= Date.now());
  const [day, setDay] = useState('');
  const [clock, setClock] = useState(() => clockOf(order.start));
  const newStart = askTime && day ? `${day}T${clock}:00+08:00` : undefined;
  const ids = listed.map((v) => v.id);
  const fits = useAsync(async () => {
    if (ids.length === 0 || (askTime && !newStart)) return new Map<string, CandidateFitItem>();
    const page = await call('admin', 'candidates', { id: order.id, volunteerIds: ids.slice(0, 100), ...(newStart ? { start: newStart } : {}) });
    return new Map((page?.items ?? []).map((f) => [f.volunteerId, f]));
  }, [order.id, ids.join(','), newStart]);
  const fitOf = (id: string) => fits.data?.get(id);
  const items = fits.data ? byFit(listed, fits.data) : listed;
  const { selected, pick, note, setNote, busy, error, confirm } = usePickConfirm(async (volunteerId, text) => {
    try {
      const updated = await call('admin', 'dispatch', { id: order.id, volunteerId, note: text, ...(newStart ? { start: newStart } : {}) });
      onDone(updated, items.find((v) => v.id === volunteerId)?.name ?? '');
    } catch (err) {
      if (err instanceof ApiError && err.fields?.start && !askTime) setAskTime(true);
      throw err;
    }
  });
  const needTime = askTime && !newStart;

  return (
    <Sheet
      open
      className="dispatch-sheet"
      title="派单"
      subtitle={`${KIND_LABEL[order.kind]} · ${orderTitle(order)}`}
      onClose={onClose}
      footer={
        <View className="dispatch-sheet__foot">
          {error && (
            <View className="admin-sheet__error" role="alert">
              {error}
            </View>
          )}
          <Input
            className="admin-sheet__note"
            value={note}
            maxlength={500}
            placeholder="派单说明（选填），会通知志愿者"
            onInput={(e) => setNote(e.detail.value)}
          />
          <View
            className={`admin-btn admin-btn--primary dispatch-confirm${!selected || busy || needTime ? ' admin-btn--disabled' : ''}`}
            aria-disabled={!selected || busy || needTime}
            onClick={() => !needTime && void confirm()}
          >
            {busy ? '派单中…' : needTime ? '请先选择新的服务时间' : '确认派单'}
          </View>
        </View>
      }
    >
      <View className={`dispatch-when${askTime ? ' dispatch-when--passed' : ''}`}>
        <Text className="dispatch-when__was">
          {order.kind === 'need' ? '期望时间' : '预约时间'} {formatDateTime(order.start)}
          {askTime ? '（已过）' : ''}
        </Text>
        {askTime && (
          <View className="dispatch-when__new">
            <Text className="dispatch-when__label">新的服务时间（请先与下单人商定）</Text>
            <View className="dispatch-when__picks">
              <Picker mode="date" value={day || dateKey(new Date(Date.now() + 86_400_000))} start={dateKey(new Date())} onChange={(e) => setDay(String(e.detail.value))}>
                <Text className={`dispatch-when__pick dispatch-day${day ? '' : ' dispatch-when__pick--empty'}`}>{day || '选择日期'}</Text>
              </Picker>
              <Picker mode="time" value={clock} onChange={(e) => setClock(String(e.detail.value))}>
                <Text className="dispatch-when__pick dispatch-clock">{clock}</Text>
              </Picker>
            </View>
          </View>
        )}
      </View>
      {candidates.data && <Text className="dispatch-sheet__source">{candidates.data.note}</Text>}
      <StateView
        loading={candidates.status === 'loading' && !candidates.data}
        error={candidates.error}
        empty={items.length === 0}
        emptyText="暂无合适的志愿者，可转办给其他工会"
        onRetry={() => void candidates.reload()}
        skeletonRows={2}
      >
        {items.map((v) => (
          <View
            key={v.id}
            data-id={v.id}
            className={`dispatch-option${v.id === selected ? ' dispatch-option--active' : ''}`}
            onClick={() => pick(v.id)}
          >
            <View className="dispatch-option__radio" />
            <View className="dispatch-option__body">
              <View className="dispatch-option__line">
                <Text className="dispatch-option__name">{v.name}</Text>
                {v.title && <Text className="chip chip--gold">{v.title}</Text>}
                {v.id === order.volunteerId && <Text className="chip">原指派</Text>}
              </View>
              {fitOf(v.id) && (
                <Text className={`dispatch-fit dispatch-fit--${fitOf(v.id)!.fit}`}>{fitText(fitOf(v.id)!)}</Text>
              )}
              <Text className="dispatch-option__meta">
                {[v.teamName, v.skills.slice(0, 3).join('、'), v.rating != null ? `评分 ${v.rating.toFixed(1)}` : null, `已服务 ${v.ordersDone} 次`]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </View>
          </View>
        ))}
      </StateView>
    </Sheet>
  );
}
