import { Text, View } from '@tarojs/components';
import type { Team } from '@cloud/contract';
import { TEAM_KIND_LABEL } from '@/utils/labels';
import { go, routes } from '@/utils/routes';
import './index.scss';

export interface TeamCardProps {
  team: Team;
}

/** A lecture team or technical service team in a list; tapping opens the team. */
export function TeamCard({ team: t }: TeamCardProps) {
  return (
    <View className="team-card" data-id={t.id} onClick={() => go(routes.team(t.id))}>
      <View className="team-card__head">
        <Text className="team-card__name">{t.name}</Text>
        <Text className={`chip ${t.kind === 'lecture' ? 'chip--red' : 'chip--gold'}`}>{TEAM_KIND_LABEL[t.kind]}</Text>
      </View>
      {t.intro !== '' && <Text className="team-card__intro">{t.intro}</Text>}
      <View className="team-card__meta">
        <Text className="team-card__meta-item">{t.orgName}</Text>
        {t.region !== '' && <Text className="team-card__meta-item">{t.region}</Text>}
        <Text className="team-card__members">{t.memberIds.length} 名成员</Text>
      </View>
    </View>
  );
}

export default TeamCard;
