/** 金华 volunteers outside 义乌: 浦江、金华开发区、婺城. */
import type { SeedVolunteer } from '../types';

export const jinhuaVolunteers: SeedVolunteer[] = [
  // ---- 浦江劳模工匠志愿服务队（一名队长、两名联络员） ----
  {
    key: 'zhang_wenming', name: '张文明', orgKey: 'pujiang', kinds: ['speaker', 'technician'],
    title: '浙江省五一劳动奖章', honours: ['浙江省五一劳动奖章', '浙江省电力劳动模范'],
    skills: ['电力', '电力运行维护', '劳模精神宣讲'], regions: ['浦江'],
    bio: '大学毕业参加电力工作18年。在浦江县郑家坞中心小学围绕党的二十大报告，结合自身成长、工作经历宣讲，让劳模工匠精神成为青少年成长成才的精神动力。',
    teamKey: 'pj_zhiyuandui', teamRole: 'captain', phone: '13800003034',
    weekly: { 1: ['14:00-17:00'], 3: ['14:00-17:00'], 6: ['09:00-11:30'] },
  },
  {
    key: 'zheng_xiaolong', name: '郑晓龙', orgKey: 'pujiang', kinds: ['speaker'],
    title: '金华市八婺金匠', honours: ['金华市八婺金匠', '浦江县先进教师'],
    skills: ['劳动教育', '职业教育', '劳模精神宣讲'], regions: ['浦江', '金华'],
    bio: '金华市八婺金匠、浦江县先进教师。与张文明一起走进郑家坞中心小学宣讲，教育引导学生从劳模工匠身上汲取力量、奋发学习。',
    teamKey: 'pj_zhiyuandui', teamRole: 'liaison', phone: '13800003035',
    weekly: { 2: ['15:30-17:30'], 4: ['15:30-17:30'], 6: ['14:00-16:00'] },
  },
  {
    key: 'huang_xiaoyan', name: '黄晓燕', orgKey: 'pujiang', kinds: ['speaker', 'technician'],
    title: '浦江县劳动模范', honours: ['浦江县劳动模范', '金华市优秀医师'],
    skills: ['医疗义诊', '健康讲座', '老年保健'], regions: ['浦江'],
    bio: '县人民医院内科医生、服务队联络员，参与服务队进企义诊13场，为困难职工和老年群众送医上门。',
    teamKey: 'pj_zhiyuandui', teamRole: 'liaison', phone: '13800003036',
    weekly: { 2: ['08:30-11:30'], 5: ['14:00-17:00'], 7: ['08:30-11:30'] },
  },
  {
    key: 'shi_jianxin', name: '石建新', orgKey: 'pujiang', kinds: ['technician'],
    title: '金华工匠', honours: ['金华工匠', '浦江工匠'],
    skills: ['机械加工', '数控', '新员工培训'], regions: ['浦江'],
    bio: '机械加工高级技师，随服务队走进浙江杭机股份有限公司浦江工厂生产车间，现场传授技术经验，对一线员工提出的技术问题一一答复。',
    teamKey: 'pj_zhiyuandui', teamRole: 'member', phone: '13800003037',
    weekly: { 1: ['09:00-11:30'], 3: ['09:00-11:30'], 4: ['14:00-17:00'] },
  },

  // ---- 金华经济技术开发区劳模宣讲队 ----
  {
    key: 'hu_jianping', name: '胡建平', orgKey: 'jhkfq', kinds: ['speaker'],
    title: '浙江省劳动模范', honours: ['浙江省劳动模范', '金华市劳动模范'],
    skills: ['劳模精神宣讲', '班组管理', '劳模政策'], regions: ['金华开发区', '金华'],
    bio: '从一线工人成长为车间主任，任劳任怨、爱岗敬业。“初心如磐、金石为开”劳模工匠“五进”宣讲的主讲人之一。',
    teamKey: 'kfq_xuanjiangdui', teamRole: 'captain', phone: '13800003038',
    weekly: { 1: ['14:00-17:00'], 2: ['14:00-17:00'], 4: ['09:00-11:30'] },
  },
  {
    key: 'jiang_xiaoyan', name: '蒋晓燕', orgKey: 'jhkfq', kinds: ['speaker'],
    title: '金华市劳动模范', honours: ['金华市劳动模范', '金华市优秀教师'],
    skills: ['劳动教育', '劳动关系', '思政宣讲'], regions: ['金华开发区'],
    bio: '中学教师，教书育人、诲人不倦。结合自身成长经历参加“现场宣讲+网络宣讲”，引导职工在本职岗位上恪尽职守。',
    teamKey: 'kfq_xuanjiangdui', teamRole: 'liaison', phone: '13800003039',
    weekly: { 3: ['15:30-17:30'], 5: ['15:30-17:30'], 6: ['09:00-11:30'], 7: ['09:00-11:30'] },
  },
  {
    key: 'ying_guohua', name: '应国华', orgKey: 'jhkfq', kinds: ['speaker'],
    title: '金华市劳动模范', honours: ['金华市劳动模范', '金华开发区劳动模范'],
    skills: ['健康讲座', '疫情防控', '志愿服务'], regions: ['金华开发区', '婺城'],
    bio: '医务工作者，救死扶伤。2022年4月参加“劳模同志走前列 抗疫一线显担当”劳模抗疫志愿服务，冲锋在前。',
    teamKey: 'kfq_xuanjiangdui', teamRole: 'member', phone: '13800003040',
    weekly: { 2: ['19:00-21:00'], 4: ['19:00-21:00'], 6: ['14:00-17:00'] },
  },

  // ---- 婺城劳模（工匠）技术服务队 ----
  {
    key: 'chen_liping', name: '陈立平', orgKey: 'wucheng', kinds: ['technician', 'speaker'],
    title: '全国劳动模范', honours: ['全国劳动模范'],
    skills: ['污水处理', '绿色养殖', '水质调控'], regions: ['婺城', '金华'],
    bio: '全国劳模，婺城劳模（工匠）技术服务队负责人之一。在线上了解到一家养殖企业的污水处理难题后，立即通过远程技术指导帮助企业调整污水含氧量、pH值、温度。',
    teamKey: 'wc_jishudui', teamRole: 'captain', phone: '13800003041',
    weekly: { 1: ['09:00-11:30'], 3: ['19:00-21:00'], 5: ['09:00-11:30'], 7: ['14:00-16:00'] },
  },
  {
    key: 'xu_xiaohua', name: '徐孝华', orgKey: 'wucheng', kinds: ['technician'],
    title: '八婺工匠', honours: ['八婺工匠'],
    skills: ['设备维修', '技术培训', '机电维修'], regions: ['婺城'],
    bio: '八婺工匠，婺城劳模（工匠）技术服务队负责人之一，利用微信、钉钉完善企业问题和技术服务两张清单，确保供需有效对接。',
    teamKey: 'wc_jishudui', teamRole: 'liaison', phone: '13800003042',
    weekly: { 2: ['14:00-17:00'], 4: ['14:00-17:00'], 6: ['09:00-12:00'] },
  },
  {
    key: 'zhou_jianhua', name: '周建华', orgKey: 'wucheng', kinds: ['technician'],
    title: '浙江工匠', honours: ['金华市劳动模范', '浙江工匠'],
    skills: ['机电维修', '传感器故障诊断', '设备改造'], regions: ['婺城', '金华'],
    bio: '在浙江万里扬新能源驱动有限公司生产一线实地勘查和“诊断”，通过反复试验改造，从根本上解决了设备对齿传感器故障、设备偏磨导致零件报废等难题。',
    teamKey: 'wc_jishudui', teamRole: 'member', phone: '13800003043',
    weekly: { 1: ['14:00-17:00'], 3: ['09:00-12:00'], 5: ['14:00-17:00'] },
  },
];
