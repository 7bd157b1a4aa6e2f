import { Text, View } from '@tarojs/components';
import type { Me } from '@cloud/contract';
import { ROLE_LABEL } from '@/utils/labels';

/** The user's roles as chips (我的 and the demo accounts). */
export function RoleChips({ roles }: { roles: Me['roles'] }) {
  return (
    <View className="me__roles">
      {roles.map((r) => (
        <Text key={r} className="chip chip--red me__role">
          {ROLE_LABEL[r]}
        </Text>
      ))}
    </View>
  );
}
