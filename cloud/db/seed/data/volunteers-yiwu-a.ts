/** 义乌 service teams, part 1: 数控、电力抢修、汽车维修、医疗. */
import type { SeedVolunteer } from '../types';

export const yiwuVolunteersA: SeedVolunteer[] = [
  // ---- 王关根工匠数控技术服务队 ----
  {
    key: 'wang_guangen', name: '王关根', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '浙江大工匠', honours: ['浙江大工匠'],
    skills: ['数控', '机械制造', '加工工艺优化'], regions: ['义乌', '金华'],
    bio: '浙江大工匠，领衔王关根工匠数控技术服务队。在浙江小龙人袜业有限公司开展机械制造技术交流，将专业技术知识与创新实践相结合。',
    teamKey: 'yw_wangguangen', teamRole: 'captain', phone: '13800003009',
    weekly: { 1: ['14:00-17:00'], 3: ['14:00-17:00'], 5: ['09:00-11:30'], 6: ['09:00-11:30'] },
  },
  {
    key: 'lou_zhigang', name: '楼志刚', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠', '金华市技术能手'],
    skills: ['数控', '数控车床', '夹具设计'], regions: ['义乌'],
    bio: '数控车工高级技师，服务队联络员，负责对接企业“问题清单”和服务队“服务清单”。',
    teamKey: 'yw_wangguangen', teamRole: 'liaison', phone: '13800003010',
    weekly: { 2: ['09:00-12:00'], 4: ['09:00-12:00', '14:00-17:00'] },
  },
  {
    key: 'gong_haifeng', name: '龚海峰', orgKey: 'yiwu', kinds: ['technician'],
    title: '金华工匠', honours: ['金华工匠'],
    skills: ['数控', 'CNC编程', '五轴加工'], regions: ['义乌', '东阳'],
    bio: '加工中心操作工出身，擅长CNC编程与五轴加工，常年带徒传技。',
    teamKey: 'yw_wangguangen', teamRole: 'member', phone: '13800003011',
    weekly: { 1: ['18:30-20:30'], 3: ['18:30-20:30'], 6: ['14:00-17:00'] },
  },

  // ---- 吴志民劳模电力抢修技术服务队 ----
  {
    key: 'wu_zhimin', name: '吴志民', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '全国劳动模范', honours: ['全国劳动模范'],
    skills: ['电力', '电力抢修', '安全用电', '电力运行维护'], regions: ['义乌', '金华'],
    bio: '全国劳模。“红五月”期间带队深入浙江斯坦格运动护具科技有限公司、浙江思源新材料公司和义乌机场，提供安全用电指导、电力运行维护等服务，当好助企发展的“电小二”。',
    teamKey: 'yw_wuzhimin', teamRole: 'captain', phone: '13800003012',
    weekly: { 2: ['14:00-17:00'], 4: ['14:00-17:00'], 6: ['09:00-12:00'] },
  },
  {
    key: 'jin_xiaodong', name: '金晓东', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌市劳动模范', honours: ['义乌市劳动模范', '浙江省技术能手'],
    skills: ['电力', '电力抢修', '配网运维'], regions: ['义乌'],
    bio: '配电抢修班班长，服务队联络员，擅长配网故障快速定位与应急抢修。',
    teamKey: 'yw_wuzhimin', teamRole: 'liaison', phone: '13800003013',
    weekly: { 1: ['09:00-12:00'], 3: ['09:00-12:00'], 5: ['14:00-17:00'], 7: ['09:00-11:00'] },
  },
  {
    key: 'wang_lijuan', name: '王丽娟', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '金华工匠', honours: ['金华工匠'],
    skills: ['安全用电', '用电检查', '电力'], regions: ['义乌'],
    bio: '用电检查员，在企业开展安全用电宣讲，帮助企业规范用电行为、助力安全生产。',
    teamKey: 'yw_wuzhimin', teamRole: 'member', phone: '13800003014',
    weekly: { 2: ['09:00-11:30'], 3: ['14:00-16:30'], 5: ['09:00-11:30'] },
  },

  // ---- 鲍正浩工匠汽车维修技术服务队 ----
  {
    key: 'bao_zhenghao', name: '鲍正浩', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['汽车维修', '故障诊断', '新能源汽车'], regions: ['义乌'],
    bio: '汽车维修工匠，领衔鲍正浩工匠汽车维修技术服务队，为企业车队和职工提供故障诊断、维修保养服务。',
    teamKey: 'yw_baozhenghao', teamRole: 'captain', phone: '13800003015',
    weekly: { 1: ['14:00-17:30'], 4: ['14:00-17:30'], 7: ['09:00-12:00'] },
  },
  {
    key: 'chen_weiqiang', name: '陈伟强', orgKey: 'yiwu', kinds: ['technician'],
    title: '金华市技术能手', honours: ['金华市技术能手'],
    skills: ['汽车维修', '汽车电路', '钣金喷漆'], regions: ['义乌', '浦江'],
    bio: '汽修厂技术总监，服务队联络员，擅长汽车电路故障排查。',
    teamKey: 'yw_baozhenghao', teamRole: 'liaison', phone: '13800003016',
    weekly: { 2: ['09:00-12:00'], 3: ['09:00-12:00'], 6: ['14:00-17:00'] },
  },
  {
    key: 'luo_jun', name: '骆俊', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['汽车维修', '新能源汽车', '动力电池检测'], regions: ['义乌'],
    bio: '新能源汽车维修技师，为职工开设新能源汽车维修与保养培训。',
    teamKey: 'yw_baozhenghao', teamRole: 'member', phone: '13800003017',
    weekly: { 3: ['18:30-21:00'], 5: ['18:30-21:00'], 6: ['09:00-11:30'] },
  },

  // ---- 施小柯劳模医疗技术服务队 ----
  {
    key: 'shi_xiaoke', name: '施小柯', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '义乌市劳动模范', honours: ['义乌市劳动模范'],
    skills: ['医疗义诊', '心血管', '健康讲座'], regions: ['义乌', '金华'],
    bio: '医院主任医师，领衔施小柯劳模医疗技术服务队，带队进企业、进社区开展爱心义诊。',
    teamKey: 'yw_shixiaoke', teamRole: 'captain', phone: '13800003018',
    weekly: { 2: ['14:00-17:00'], 4: ['14:00-17:00'], 6: ['08:30-11:30'] },
  },
  {
    key: 'wu_min', name: '吴敏', orgKey: 'yiwu', kinds: ['speaker', 'technician'],
    title: '金华市优秀护士', honours: ['金华市优秀护士', '义乌市三八红旗手'],
    skills: ['医疗义诊', '急救培训', '职业健康'], regions: ['义乌'],
    bio: '急诊科护士长，服务队联络员，常年为企业职工开展心肺复苏等急救技能培训。',
    teamKey: 'yw_shixiaoke', teamRole: 'liaison', phone: '13800003019',
    weekly: { 1: ['14:00-16:30'], 3: ['14:00-16:30'], 5: ['14:00-16:30'], 7: ['09:00-11:00'] },
  },
  {
    key: 'jia_jianping', name: '贾建平', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌市劳动模范', honours: ['义乌市劳动模范'],
    skills: ['医疗义诊', '中医理疗', '颈肩腰腿痛'], regions: ['义乌'],
    bio: '中医科医师，擅长针对一线职工常见的颈肩腰腿痛开展理疗和远程健康咨询。',
    teamKey: 'yw_shixiaoke', teamRole: 'member', phone: '13800003020',
    weekly: { 1: ['19:00-21:00'], 4: ['19:00-21:00'], 6: ['14:00-17:00'] },
  },
];
