import { useStore } from '@/stores';
import { needsProfile } from '@/components/ProfileSheet/form';
import { go, routes } from '@/utils/routes';

/**
 * Booking asks for the profile only when it is missing: the profile page opens above the form, the
 * form and its draft stay below it, and the user taps 提交 again once back. True when it opened.
 */
export function openProfileIfMissing(): boolean {
  const user = useStore.getState().user;
  if (!user || !needsProfile(user)) return false;
  go(routes.profile('book'));
  return true;
}
