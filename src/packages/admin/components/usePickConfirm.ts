import { useState } from 'react';
import { errorMessage } from '@/services/api';

/**
 * The state of a pick-one-then-confirm sheet (派单, 转办): the choice, an optional note, one
 * request at a time, and the server's refusal shown in the sheet, which stays open to choose again.
 */
export function usePickConfirm(send: (selected: string, note: string | undefined) => Promise<void>) {
  const [selected, setSelected] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    if (!selected || busy) return;
    setBusy(true);
    setError(null);
    try {
      await send(selected, note.trim() || undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  /** Choosing again clears the last refusal. */
  const pick = (id: string) => {
    setSelected(id);
    setError(null);
  };

  return { selected, pick, note, setNote, busy, error, confirm };
}
