import { Text, View } from '@tarojs/components';
import type { TimelineEntry } from '@cloud/contract';
import { ORDER_STATUS_LABEL } from '@/components/OrderCard/labels';
import { formatDateTime } from '@/utils/time';

const ISO_IN_TEXT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})/g;

/** Notes may carry ISO times (改期至 2026-…+08:00): shown as Shanghai wall-clock time. */
export function readableNote(note: string): string {
  return note.replace(ISO_IN_TEXT, (iso) => (Number.isFinite(Date.parse(iso)) ? formatDateTime(iso) : iso));
}

/** What happened in one step, in words. */
function headline(e: TimelineEntry): string {
  if (e.from == null) return `提交订单 · ${ORDER_STATUS_LABEL[e.to]}`;
  if (e.from === e.to) return ORDER_STATUS_LABEL[e.to];
  return `${ORDER_STATUS_LABEL[e.from]} → ${ORDER_STATUS_LABEL[e.to]}`;
}

/**
 * The closed loop: every change of the order, newest first, with who, when (Shanghai) and the note.
 */
export function Timeline({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) return <Text className="muted">暂无记录</Text>;
  // Newest first; steps in the same second keep the server's order (it lists them as they happened).
  const items = entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => Date.parse(b.e.at) - Date.parse(a.e.at) || b.i - a.i)
    .map((x) => x.e);
  return (
    <View className="timeline">
      {items.map((e, i) => (
        <View
          key={`${e.at}-${i}`}
          data-to={e.to}
          className={`timeline-item timeline-item--${e.to}${i === 0 ? ' timeline-item--latest' : ''}`}
        >
          <View className="timeline-item__rail">
            <View className="timeline-item__dot" />
          </View>
          <View className="timeline-item__body">
            <Text className="timeline-item__status">{ORDER_STATUS_LABEL[e.to]}</Text>
            <Text className="timeline-item__change">{headline(e)}</Text>
            <Text className="timeline-item__meta">
              {formatDateTime(e.at)} · {e.byName || '系统'}
            </Text>
            {e.note !== '' && <Text className="timeline-item__note">{readableNote(e.note)}</Text>}
          </View>
        </View>
      ))}
    </View>
  );
}
