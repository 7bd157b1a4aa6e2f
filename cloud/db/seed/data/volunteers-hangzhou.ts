/** Volunteers of 杭州市劳模工匠宣讲团, plus 建德 volunteers without a team. */
import type { SeedVolunteer } from '../types';

export const hangzhouVolunteers: SeedVolunteer[] = [
  {
    key: 'kong_shengdong', name: '孔胜东', orgKey: 'hangzhou', kinds: ['speaker'],
    title: '全国劳动模范', honours: ['全国劳动模范', '全国道德模范'],
    skills: ['劳模精神宣讲', '公交服务', '为民服务'], regions: ['杭州'],
    bio: '杭州公交车司机，杭州市劳模工匠学院“劳模工匠大讲堂”客座“教授”。常说：“公交车有起点、终点，为民服务只有起点，没有终点。”',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'captain', phone: '13800003001',
    weekly: { 2: ['14:00-17:00'], 4: ['14:00-17:00'], 6: ['09:00-11:30'] },
  },
  {
    key: 'ge_xiaoqing', name: '葛小青', orgKey: 'hangzhou', kinds: ['speaker', 'technician'],
    title: '首届杭州工匠', honours: ['首届“杭州工匠”', '杭州市首届杰出人才奖'],
    skills: ['焊接', '锅炉焊接', '工匠精神宣讲'], regions: ['杭州'],
    bio: '杭锅集团电焊工，参与过很多世界级锅炉项目的焊接。把课堂搬到杭州胜利小学，同师生坐在一起讲“我的今天源于小时候的兴趣”。',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'member', phone: '13800003002',
    weekly: { 1: ['18:30-20:30'], 3: ['18:30-20:30'], 6: ['09:00-12:00', '14:00-16:00'] },
  },
  {
    key: 'meng_wei', name: '孟伟', orgKey: 'hangzhou', kinds: ['speaker', 'technician'],
    title: '浙江省十佳能工巧匠', honours: ['浙江省十佳能工巧匠', '杭州工匠'],
    skills: ['PLC', '维修电工', '电气控制', '故障检修'], regions: ['杭州', '临安'],
    bio: '杭州职业技术学院维修电工。在临安华力摩擦材料有限公司的劳模工匠大讲堂讲解“PLC编程设计、电气控制设计及故障检修”等生产应用技术，分享故障排除与维修的体会。',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'liaison', phone: '13800003003',
    weekly: { 2: ['09:00-11:30'], 3: ['14:00-17:00'], 5: ['09:00-11:30', '14:00-16:30'] },
  },
  {
    key: 'yu_yunjian', name: '余云建', orgKey: 'hangzhou', kinds: ['speaker'],
    title: '杭州市劳动模范', honours: ['杭州市劳动模范', '杭州工匠'],
    skills: ['劳模精神宣讲', '劳动教育', '成长故事分享'], regions: ['杭州'],
    bio: '杭州劳模、“杭州工匠”。在“百名劳模工匠进校园”活动上以短片介绍、演讲报告等方式讲述成长轨迹，用真人、真事、真话、真情打动师生。',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'member', phone: '13800003004',
    weekly: { 1: ['14:00-17:00'], 3: ['09:00-11:30'], 5: ['14:00-17:00'] },
  },
  {
    key: 'shi_dan', name: '石丹', orgKey: 'hangzhou', kinds: ['speaker'],
    title: '世界技能大赛美发项目金牌', honours: ['第45届世界技能大赛美发项目金牌', '杭州工匠'],
    skills: ['美发', '技能竞赛', '职业教育'], regions: ['杭州'],
    bio: '第45届世界技能大赛美发项目金牌选手、“杭州工匠”。在杭州职业技术学院通过现场展示讲述成长轨迹，分享心路历程。',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'member', phone: '13800003005',
    weekly: { 1: ['09:00-11:00'], 2: ['19:00-21:00'], 7: ['14:00-17:00'] },
  },
  {
    key: 'yu_xiaohong', name: '俞晓红', orgKey: 'hangzhou', kinds: ['speaker'],
    title: '杭州市劳动模范', honours: ['杭州市劳动模范', '国家二级心理咨询师'],
    skills: ['心理健康', '职工减压', '情绪管理'], regions: ['杭州', '建德'],
    bio: '社区心理咨询师，杭州市劳模工匠宣讲团成员。长期为一线职工开设职工减压工作坊，用群众听得懂的语言讲心理健康。',
    teamKey: 'hz_xuanjiangtuan', teamRole: 'member', phone: '13800003006',
    weekly: { 2: ['14:00-17:30'], 4: ['09:00-11:30'], 6: ['14:00-16:30'], 7: ['09:00-11:00'] },
  },

  // ---- 建德（不属于任何服务队） ----
  {
    key: 'fang_weidong', name: '方卫东', orgKey: 'jiande', kinds: ['technician'],
    title: '建德市劳动模范', honours: ['建德市劳动模范', '杭州工匠'],
    skills: ['污水处理', '化工废盐处理', '双极膜技术'], regions: ['建德', '杭州'],
    bio: '浙江大洋生物科技股份有限公司劳模工匠志愿服务队骨干。围绕化工、医药、食品等行业含盐废水的资源利用，与全市化工企业代表开展“双极膜技术在化工废盐处理过程中的应用”技术交流。',
    phone: '13800003007',
    weekly: { 1: ['09:00-11:30'], 3: ['09:00-11:30', '14:00-16:30'], 5: ['14:00-16:30'] },
  },
  {
    key: 'shao_meihua', name: '邵美华', orgKey: 'jiande', kinds: ['speaker', 'technician'],
    title: '建德市劳动模范', honours: ['建德市劳动模范', '建德市优秀医务工作者'],
    skills: ['医疗义诊', '健康讲座', '慢病管理'], regions: ['建德'],
    bio: '社区卫生服务中心全科医生，随建德市劳模工匠志愿服务队到莲镇戴家村、三都镇开展健康讲座及义诊，耐心解答老年人关心的高血压、心血管病预防与康复问题。',
    phone: '13800003008',
    weekly: { 2: ['13:30-17:00'], 4: ['13:30-17:00'], 6: ['08:30-11:30'] },
  },
];
