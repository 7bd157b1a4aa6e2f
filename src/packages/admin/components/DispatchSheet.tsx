import { Input, Text, View } from '@tarojs/components';
import type { Order } from '@cloud/contract';
import { call } from '@/services/api';
import { useAsync } from '@/hooks/useAsync';
import { StateView } from '@/components/StateView';
import { loadCandidates } from '../lib/dispatch';
import { KIND_LABEL, orderTitle } from '../lib/labels';
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
 * 派单: pick one of the suitable volunteers and confirm. A busy volunteer (CONFLICT) or any other
 * refusal shows the server's message and keeps the sheet open to pick another.
 */
export function DispatchSheet({ order, onClose, onDone }: DispatchSheetProps) {
  return order ? <DispatchPanel key={order.id} order={order} onClose={onClose} onDone={onDone} /> : null;
}

function DispatchPanel({ order, onClose, onDone }: { order: Order } & Omit<DispatchSheetProps, 'order'>) {
  const candidates = useAsync(() => loadCandidates(order), [order.id]);
  const items = candidates.data?.items ?? [];
  const { selected, pick, note, setNote, busy, error, confirm } = usePickConfirm(async (volunteerId, text) => {
    const updated = await call('admin', 'dispatch', { id: order.id, volunteerId, note: text });
    onDone(updated, items.find((v) => v.id === volunteerId)?.name ?? '');
  });

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
            className={`admin-btn admin-btn--primary dispatch-confirm${!selected || busy ? ' admin-btn--disabled' : ''}`}
            aria-disabled={!selected || busy}
            onClick={() => void confirm()}
          >
            {busy ? '派单中…' : '确认派单'}
          </View>
        </View>
      }
    >
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
