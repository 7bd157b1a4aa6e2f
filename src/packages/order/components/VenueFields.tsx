import type { FieldErrors, VenueType } from '@cloud/contract';
import { VENUE_LABEL } from '@/utils/labels';
import { Choices, Field, LIMITS, TextInput } from '@/components/form';
import type { VenueDraft } from '../lib/draft';

export const ALL_VENUES: VenueType[] = [
  'enterprise', 'workshop', 'team', 'site', 'village', 'school', 'community', 'office', 'online',
];

export interface VenueFieldsProps {
  venue: VenueDraft;
  types: VenueType[];
  errors: FieldErrors;
  onChange: (venue: VenueDraft) => void;
  /** e.g. 该服务为远程指导 */
  typeHint?: string;
}

/** Venue type chips, then the address — or the meeting link when online (网络). */
export function VenueFields({ venue, types, errors, onChange, typeHint }: VenueFieldsProps) {
  return (
    <>
      <Field name="venue.type" label="场地类型" required error={errors['venue.type']} hint={typeHint}>
        <Choices
          className="venue-choices"
          options={types.map((t) => ({ value: t, label: VENUE_LABEL[t] }))}
          value={venue.type}
          onChange={(type) => onChange({ ...venue, type })}
        />
      </Field>
      {venue.type === 'online' ? (
        <Field name="venue.link" label="会议链接" required error={errors['venue.link']} hint="腾讯会议、钉钉等的入会链接">
          <TextInput
            className="venue-link"
            value={venue.link}
            max={LIMITS.order.link}
            placeholder="https://"
            onChange={(link) => onChange({ ...venue, link })}
          />
        </Field>
      ) : (
        <Field name="venue.address" label="详细地址" required error={errors['venue.address']} hint="仅接单的志愿者和工会管理员可见">
          <TextInput
            className="venue-address"
            value={venue.address}
            max={LIMITS.order.address}
            placeholder="市、区、街道、单位及楼层"
            onChange={(address) => onChange({ ...venue, address })}
          />
        </Field>
      )}
    </>
  );
}
