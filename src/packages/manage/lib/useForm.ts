import { useCallback, useRef, useState } from 'react';
import type { FieldErrors } from '@cloud/contract';
import { withoutField } from '@/components/form/errors';

/**
 * An editor's draft with its field errors: `set(key, value, errorKey?)` changes one field and
 * clears its error (errorKey when the server names it differently, e.g. speakers → volunteerIds).
 */
export function useForm<D extends object>(initial: D) {
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [banner, setBanner] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const set = useCallback(<K extends keyof D>(key: K, value: D[K], errorKey: string = String(key)) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => withoutField(e, errorKey));
  }, []);

  /** Runs `save` once at a time (a double tap does not save twice). */
  const guard = useCallback(async (save: () => Promise<void>) => {
    if (savingRef.current) return;
    savingRef.current = true;
    setSaving(true);
    try {
      await save();
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  }, []);

  return { draft, setDraft, set, errors, setErrors, banner, setBanner, saving, guard };
}
