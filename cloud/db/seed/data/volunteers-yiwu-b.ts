/** 义乌 service teams, part 2: 维修电工、电商、自动化、机电维修; plus 方有成 (no team). */
import type { SeedVolunteer } from '../types';

export const yiwuVolunteersB: SeedVolunteer[] = [
  // ---- 周华英维修电工技能大师工作室服务队 ----
  {
    key: 'zhou_huaying', name: '周华英', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '维修电工技能大师', honours: ['维修电工技能大师工作室领衔人', '义乌工匠'],
    skills: ['维修电工', '电气故障排查', '师徒带教'], regions: ['义乌'],
    bio: '维修电工技能大师工作室领衔人，带领服务队为企业排查电气故障，以师带徒培养青年电工。',
    teamKey: 'yw_zhouhuaying', teamRole: 'captain', phone: '13800003021',
    weekly: { 1: ['09:00-11:30'], 3: ['14:00-17:00'], 5: ['14:00-17:00'] },
  },
  {
    key: 'yu_jianhua', name: '虞建华', orgKey: 'yiwu', kinds: ['technician'],
    title: '浙江省技术能手', honours: ['浙江省技术能手'],
    skills: ['维修电工', '变频器', 'PLC'], regions: ['义乌', '金华'],
    bio: '高级技师，工作室联络员，擅长变频器与PLC控制系统维修。',
    teamKey: 'yw_zhouhuaying', teamRole: 'liaison', phone: '13800003022',
    weekly: { 2: ['09:00-12:00'], 4: ['14:00-17:00'], 6: ['09:00-12:00'] },
  },
  {
    key: 'he_peng', name: '何鹏', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['维修电工', '电机维修', '低压配电'], regions: ['义乌'],
    bio: '工作室青年骨干，专注电机维修与低压配电改造。',
    teamKey: 'yw_zhouhuaying', teamRole: 'member', phone: '13800003023',
    weekly: { 3: ['18:30-20:30'], 5: ['18:30-20:30'], 7: ['14:00-17:00'] },
  },

  // ---- 刘扬青工匠电商技术服务队 ----
  {
    key: 'liu_yangqing', name: '刘扬青', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '八婺金匠', honours: ['八婺金匠'],
    skills: ['电商', '电商运营', '抖音直播', '职业教育'], regions: ['义乌'],
    bio: '义乌市城镇职校教师，领衔刘扬青工匠电商技术服务队。走进浙江卓越电子公司，为企业在电商运营、产品销售等方面提出服务方案，推动校企合作。',
    teamKey: 'yw_liuyangqing', teamRole: 'captain', phone: '13800003024',
    weekly: { 1: ['14:00-17:00'], 3: ['14:00-17:00'], 6: ['09:00-11:30'] },
  },
  {
    key: 'yang_chen', name: '杨晨', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '全国技术能手', honours: ['全国技术能手', '浙江青年工匠'],
    skills: ['电商', '抖音直播', '直播运营'], regions: ['义乌', '金华'],
    bio: '全国技术能手、浙江青年工匠，服务队联络员，在抖音直播与直播运营方面经验丰富。',
    teamKey: 'yw_liuyangqing', teamRole: 'liaison', phone: '13800003025',
    weekly: { 2: ['19:00-21:00'], 4: ['19:00-21:00'], 7: ['14:00-17:00'] },
  },
  {
    key: 'zhu_haiyan', name: '朱海燕', orgKey: 'yiwu', kinds: ['technician'],
    title: '八婺杰出金匠', honours: ['八婺杰出金匠', '浙江青年工匠'],
    skills: ['电商', '电商美工', '视觉设计'], regions: ['义乌'],
    bio: '八婺杰出金匠、浙江青年工匠，擅长电商美工与店铺视觉设计。',
    teamKey: 'yw_liuyangqing', teamRole: 'member', phone: '13800003026',
    weekly: { 1: ['09:00-11:30'], 2: ['09:00-11:30'], 5: ['14:00-16:30'] },
  },

  // ---- 叶建阳、施思伟工匠技术服务队 ----
  {
    key: 'ye_jianyang', name: '叶建阳', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['自动化', '丝杆校直', '非标设备设计'], regions: ['义乌'],
    bio: '义乌工匠。在义乌市长新传动科技有限公司车间“现场开方”，提出通过自动送料、自动检测、自动下台等系列自动化设备解决人工校直效率低的问题。',
    teamKey: 'yw_yejianyang', teamRole: 'captain', phone: '13800003027',
    weekly: { 2: ['14:00-17:00'], 3: ['09:00-11:30'], 6: ['09:00-11:30'] },
  },
  {
    key: 'shi_siwei', name: '施思伟', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['自动化', '机械设计', '产线升级'], regions: ['义乌', '金华'],
    bio: '与叶建阳共同领衔工匠技术服务队，负责对接企业需求，擅长机械设计与产线自动化升级。',
    teamKey: 'yw_yejianyang', teamRole: 'liaison', phone: '13800003028',
    weekly: { 1: ['14:00-17:00'], 4: ['09:00-12:00'], 5: ['14:00-17:00'] },
  },
  {
    key: 'huang_junjie', name: '黄俊杰', orgKey: 'yiwu', kinds: ['technician'],
    title: '金华工匠', honours: ['金华工匠'],
    skills: ['自动化', '视觉检测', '电气调试'], regions: ['义乌'],
    bio: '自动化设备调试工程师，负责自动检测装置的视觉检测与电气调试。',
    teamKey: 'yw_yejianyang', teamRole: 'member', phone: '13800003029',
    weekly: { 2: ['09:00-12:00'], 4: ['18:30-20:30'], 7: ['09:00-12:00'] },
  },

  // ---- 周立军劳模工匠机电维修技术服务队 ----
  {
    key: 'zhou_lijun', name: '周立军', orgKey: 'yiwu', kinds: ['technician', 'speaker'],
    title: '义乌市劳动模范', honours: ['义乌市劳动模范', '义乌工匠'],
    skills: ['机电维修', '污水处理', '设备维护保养'], regions: ['义乌'],
    bio: '领衔周立军劳模工匠机电维修技术服务队，深入浙江梦融袜业有限公司印染废水处理及回收车间，就污水处理、脱水工艺、中水回收等给出改进思路和方案。',
    teamKey: 'yw_zhoulijun', teamRole: 'captain', phone: '13800003030',
    weekly: { 1: ['09:00-12:00'], 3: ['09:00-12:00'], 5: ['09:00-12:00'] },
  },
  {
    key: 'ding_yonghong', name: '丁永红', orgKey: 'yiwu', kinds: ['technician'],
    title: '金华工匠', honours: ['金华工匠'],
    skills: ['机电维修', '设备维护保养', '液压系统'], regions: ['义乌'],
    bio: '机修车间主任，服务队联络员，擅长液压系统与生产设备维护保养。',
    teamKey: 'yw_zhoulijun', teamRole: 'liaison', phone: '13800003031',
    weekly: { 2: ['14:00-17:00'], 4: ['14:00-17:00'], 6: ['14:00-17:00'] },
  },
  {
    key: 'zhu_jianwei', name: '朱建伟', orgKey: 'yiwu', kinds: ['technician'],
    title: '浙江省技术能手', honours: ['浙江省技术能手'],
    skills: ['污水处理', '印染废水处理', '中水回收', '水质检测'], regions: ['义乌', '浦江'],
    bio: '环保工程师，熟悉印染废水处理工艺、中水回收和水质排放标准。',
    teamKey: 'yw_zhoulijun', teamRole: 'member', phone: '13800003032',
    weekly: { 1: ['14:00-16:30'], 3: ['14:00-16:30'], 5: ['09:00-11:30'] },
  },

  // ---- 不属于服务队 ----
  {
    key: 'fang_youcheng', name: '方有成', orgKey: 'yiwu', kinds: ['technician'],
    title: '义乌工匠', honours: ['义乌工匠'],
    skills: ['机械制造', '袜机设备', '技术创新'], regions: ['义乌'],
    bio: '浙江小龙人袜业有限公司负责人、义乌工匠，与王关根数控技术服务队开展机械制造等方面的技术交流，商议技术合作事宜。',
    phone: '13800003033',
    weekly: { 2: ['16:00-18:00'], 4: ['16:00-18:00'], 6: ['10:00-12:00'] },
  },
];
