import { Text, View } from '@tarojs/components';
import type { VolunteerSummary } from '@cloud/contract';
import { TEAM_ROLE_LABEL } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import { Stars } from '@/components/Stars';
import { TextAvatar } from '@/components/TextAvatar';
import './index.scss';

export interface SpeakerCardProps {
  volunteer: VolunteerSummary;
  /** Show the team role (队长/联络员) badge, on a team's member list. */
  showTeamRole?: boolean;
  /** Hide the team name (already on a team page). */
  hideTeam?: boolean;
}

/** A speaker or technician in a list; tapping opens their 风采 page. */
export function SpeakerCard({ volunteer: v, showTeamRole = false, hideTeam = false }: SpeakerCardProps) {
  const role = showTeamRole && v.teamRole && v.teamRole !== 'member' ? TEAM_ROLE_LABEL[v.teamRole] : null;
  return (
    <View className="speaker-card" data-id={v.id} onClick={() => go(routes.volunteer(v.id))}>
      <TextAvatar name={v.name} />
      <View className="speaker-card__body">
        <View className="speaker-card__line">
          <Text className="speaker-card__name">{v.name}</Text>
          {role && <Text className="chip chip--gold speaker-card__role">{role}</Text>}
        </View>
        {v.title !== '' && <Text className="speaker-card__title">{v.title}</Text>}
        {!hideTeam && v.teamName && <Text className="speaker-card__team">{v.teamName}</Text>}
        <View className="speaker-card__line speaker-card__stats">
          <Stars rating={v.rating} count={v.ratingCount} />
          <Text className="speaker-card__done">服务 {v.ordersDone} 次</Text>
        </View>
      </View>
      <Text className="speaker-card__arrow">›</Text>
    </View>
  );
}

export default SpeakerCard;
