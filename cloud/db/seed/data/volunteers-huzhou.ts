/** 湖州 volunteers: 湖州市工会金牌技术服务队、德清县劳模志愿服务队, plus 安吉 (no team). */
import type { SeedVolunteer } from '../types';

export const huzhouVolunteers: SeedVolunteer[] = [
  // ---- 湖州市工会金牌技术服务队 ----
  {
    key: 'shen_zhiqiang', name: '沈志强', orgKey: 'huzhou', kinds: ['technician'],
    title: '湖州市劳动模范', honours: ['湖州市劳动模范', '湖州工匠'],
    skills: ['焊接', '锻造工艺', '钢结构'], regions: ['湖州', '德清'],
    bio: '金牌技术服务队分队队长，带队走进浙江龙虎锻造有限公司、浙江远大钢构实业有限公司等企业“把脉问诊”开良方。',
    teamKey: 'huz_jinpaidui', teamRole: 'captain', phone: '13800003044',
    weekly: { 1: ['09:00-12:00'], 3: ['14:00-17:00'], 5: ['09:00-12:00'] },
  },
  {
    key: 'yao_hongmei', name: '姚红梅', orgKey: 'huzhou', kinds: ['speaker', 'technician'],
    title: '湖州工匠', honours: ['湖州工匠', '浙江省技术能手'],
    skills: ['安全生产', '焊接', '特种作业培训'], regions: ['湖州', '德清', '安吉'],
    bio: '注册安全工程师、服务队联络员，在浙江中特智能装备股份有限公司为职工举行焊接与切割安全知识讲座。',
    teamKey: 'huz_jinpaidui', teamRole: 'liaison', phone: '13800003045',
    weekly: { 2: ['09:00-11:30'], 4: ['09:00-11:30', '14:00-16:30'] },
  },
  {
    key: 'dong_zhenfang', name: '董振方', orgKey: 'huzhou', kinds: ['technician', 'speaker'],
    title: '金牌技术服务队焊接能手', honours: ['湖州市工会金牌技术服务队成员'],
    skills: ['焊接', '不锈钢焊接', '焊接变形控制'], regions: ['湖州', '德清'],
    bio: '经验丰富的老焊工。在浙江中特智能装备股份有限公司技术研讨会上讲解“如何减少或避免不锈钢的焊接变形”，他说能把看家本领传授给年轻人，很光荣，很有意义。',
    teamKey: 'huz_jinpaidui', teamRole: 'member', phone: '13800003046',
    weekly: { 1: ['14:00-17:00'], 3: ['09:00-11:30'], 6: ['09:00-11:30'] },
  },
  {
    key: 'pan_jianliang', name: '潘建良', orgKey: 'huzhou', kinds: ['technician'],
    title: '湖州工匠', honours: ['湖州工匠'],
    skills: ['维修电工', '电力设施检修', '特种设备维修'], regions: ['湖州'],
    bio: '设备电气高级技师，参加“百名技术能手进千家企业”活动，擅长电力设施检修与特种设备维修。',
    teamKey: 'huz_jinpaidui', teamRole: 'member', phone: '13800003047',
    weekly: { 2: ['14:00-17:00'], 4: ['18:30-20:30'], 7: ['09:00-12:00'] },
  },

  // ---- 德清县劳模志愿服务队 ----
  {
    key: 'qian_guoliang', name: '钱国良', orgKey: 'deqing', kinds: ['speaker'],
    title: '湖州市劳动模范', honours: ['湖州市劳动模范', '德清县劳动模范'],
    skills: ['劳模精神宣讲', '班组长培训', '劳动保护'], regions: ['德清'],
    bio: '德清县劳模协会宣传宣讲小分队队长，深入企业、学校、社区开展“五进三服务”宣讲。',
    teamKey: 'dq_zhiyuandui', teamRole: 'captain', phone: '13800003048',
    weekly: { 1: ['14:00-16:30'], 3: ['14:00-16:30'], 5: ['14:00-16:30'] },
  },
  {
    key: 'mo_lihua', name: '莫丽华', orgKey: 'deqing', kinds: ['speaker'],
    title: '德清县劳动模范', honours: ['德清县劳动模范', '国家二级心理咨询师'],
    skills: ['心理健康', '职工减压', '婚恋家庭'], regions: ['德清', '湖州'],
    bio: '健康服务小分队联络员，“群团先锋模范”应用中“心理健康”服务的主要接单人。',
    teamKey: 'dq_zhiyuandui', teamRole: 'liaison', phone: '13800003049',
    weekly: { 2: ['19:00-21:00'], 4: ['19:00-21:00'], 6: ['09:00-11:30'], 7: ['14:00-16:30'] },
  },
  {
    key: 'xu_weidong', name: '徐卫东', orgKey: 'deqing', kinds: ['technician', 'speaker'],
    title: '湖州工匠', honours: ['湖州工匠'],
    skills: ['家电维修', '安全用电', '电工'], regions: ['德清'],
    bio: '惠民服务小分队骨干，常年进社区开展家电维修志愿服务，顺带讲解家庭安全用电常识。',
    teamKey: 'dq_zhiyuandui', teamRole: 'member', phone: '13800003050',
    weekly: { 3: ['09:00-11:30'], 6: ['09:00-11:30', '14:00-17:00'] },
  },
  {
    key: 'shen_yuefen', name: '沈月芬', orgKey: 'deqing', kinds: ['speaker'],
    title: '浙江省劳动模范', honours: ['浙江省劳动模范'],
    skills: ['助农富农', '农业技术', '志愿服务'], regions: ['德清', '安吉'],
    bio: '家庭农场负责人，带动周边农户增收，在“助农富农”服务中分享共富经验。',
    teamKey: 'dq_zhiyuandui', teamRole: 'member', phone: '13800003051',
    weekly: { 1: ['19:00-21:00'], 2: ['19:00-21:00'], 7: ['09:00-11:30'] },
  },

  // ---- 安吉（不属于任何队） ----
  {
    key: 'pan_yuqin', name: '潘玉琴', orgKey: 'anji', kinds: ['speaker'],
    title: '安吉县劳动模范', honours: ['安吉县劳动模范', '湖州市优秀律师'],
    skills: ['劳动法', '法律咨询', '职工权益'], regions: ['安吉', '湖州'],
    bio: '律师事务所主任，参加安吉县总工会“微服务”进企业，为企业送法律知识、提供法律问题咨询服务。',
    phone: '13800003052',
    weekly: { 2: ['14:00-17:00'], 3: ['14:00-17:00'], 5: ['09:00-11:30'] },
  },
];
