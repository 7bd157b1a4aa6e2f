import { Text, View } from '@tarojs/components';
import type { Service } from '@cloud/contract';
import { SERVICE_KIND_LABEL, SERVICE_MODE_LABEL } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import './index.scss';

export interface ServiceCardProps {
  service: Service;
  /** Hide the team name (already on a team page). */
  hideTeam?: boolean;
}

/** A technical service in a list; tapping opens the service and its technicians. */
export function ServiceCard({ service: s, hideTeam = false }: ServiceCardProps) {
  return (
    <View className="service-card" data-id={s.id} onClick={() => go(routes.service(s.id))}>
      <Text className="service-card__title">{s.title}</Text>
      <View className="service-card__tags">
        <Text className="chip chip--red">{s.field}</Text>
        <Text className="chip">{SERVICE_KIND_LABEL[s.kind]}</Text>
        <Text className="chip chip--gold">{SERVICE_MODE_LABEL[s.mode]}</Text>
      </View>
      {s.summary !== '' && <Text className="service-card__summary">{s.summary}</Text>}
      {!hideTeam && s.teamName && <Text className="service-card__team">{s.teamName}</Text>}
    </View>
  );
}

export default ServiceCard;
