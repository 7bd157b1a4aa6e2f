/** Technical services outside 义乌: 湖州、婺城、浦江、杭州、建德、德清. */
import type { SeedService } from '../types';

export const otherServices: SeedService[] = [
  // 湖州市工会金牌技术服务队
  {
    title: '不锈钢焊接变形控制', field: '焊接', kind: 'tackle', mode: 'onsite', teamKey: 'huz_jinpaidui', orgKey: 'huzhou',
    summary: '针对焊接车间一线常见的“如何减少或避免不锈钢的焊接变形”问题，现场研讨并指导焊接操作。',
    technicianKeys: ['dong_zhenfang', 'shen_zhiqiang'],
  },
  {
    title: '焊接与切割安全巡查会诊', field: '焊接', kind: 'help', mode: 'onsite', teamKey: 'huz_jinpaidui', orgKey: 'huzhou',
    summary: '对企业焊接与切割作业现场开展安全巡查会诊，提出整改建议。',
    technicianKeys: ['yao_hongmei', 'dong_zhenfang'],
  },
  {
    title: '锻造设备电气故障诊断', field: '维修电工', kind: 'tackle', mode: 'both', teamKey: 'huz_jinpaidui', orgKey: 'huzhou',
    summary: '为锻造、钢构企业诊断设备电气故障，远程初判、现场处置。',
    technicianKeys: ['pan_jianliang', 'shen_zhiqiang'],
  },
  // 婺城劳模（工匠）技术服务队
  {
    title: '养殖污水处理远程指导', field: '污水处理', kind: 'help', mode: 'remote', teamKey: 'wc_jishudui', orgKey: 'wucheng',
    summary: '线上了解养殖企业污水处理问题，远程指导调整污水含氧量、pH值、温度。',
    technicianKeys: ['chen_liping'],
  },
  {
    title: '绿色养殖技术帮扶', field: '绿色养殖', kind: 'help', mode: 'both', teamKey: 'wc_jishudui', orgKey: 'wucheng',
    summary: '为养殖企业提供绿色养殖、尾水治理等技术帮扶。',
    technicianKeys: ['chen_liping', 'xu_xiaohua'],
  },
  {
    title: '设备传感器故障与偏磨诊断', field: '机电维修', kind: 'tackle', mode: 'onsite', teamKey: 'wc_jishudui', orgKey: 'wucheng',
    summary: '针对设备对齿传感器故障、设备偏磨导致零件报废等难题，实地勘查“诊断”，分析部件功能结构并试验改造。',
    technicianKeys: ['zhou_jianhua'],
  },
  {
    title: '设备维修技术培训', field: '机电维修', kind: 'training', mode: 'onsite', teamKey: 'wc_jishudui', orgKey: 'wucheng',
    summary: '为企业设备管理员和维修工开展设备维修技术培训，“授人以渔”。',
    technicianKeys: ['xu_xiaohua', 'zhou_jianhua'],
  },
  // 浦江劳模工匠志愿服务队
  {
    title: '机械加工技术指导进车间', field: '机械加工', kind: 'help', mode: 'onsite', teamKey: 'pj_zhiyuandui', orgKey: 'pujiang',
    summary: '进企业生产车间现场传授技术经验，对一线员工提出的技术问题一一给出答复。',
    technicianKeys: ['shi_jianxin', 'zhang_wenming'],
  },
  {
    title: '配电设备运行维护指导', field: '电力', kind: 'help', mode: 'both', teamKey: 'pj_zhiyuandui', orgKey: 'pujiang',
    summary: '为企业提供配电设备运行维护和日常巡检指导。',
    technicianKeys: ['zhang_wenming'],
  },
  {
    title: '进企义诊', field: '医疗义诊', kind: 'help', mode: 'onsite', teamKey: 'pj_zhiyuandui', orgKey: 'pujiang',
    summary: '劳模医生进企业为职工义诊，提供健康咨询。',
    technicianKeys: ['huang_xiaoyan'],
  },
  // 杭州（个人）
  {
    title: 'PLC控制系统故障检修', field: 'PLC', kind: 'tackle', mode: 'both', orgKey: 'hangzhou',
    summary: '孟伟为企业诊断PLC控制系统和电气控制线路故障，可远程指导排查。',
    technicianKeys: ['meng_wei'],
  },
  {
    title: '锅炉与压力容器焊接工艺指导', field: '焊接', kind: 'help', mode: 'onsite', orgKey: 'hangzhou',
    summary: '葛小青进车间指导锅炉与压力容器焊接工艺，帮助解决焊接质量问题。',
    technicianKeys: ['ge_xiaoqing'],
  },
  // 建德（个人）
  {
    title: '化工含盐废水资源化技术交流', field: '污水处理', kind: 'collab', mode: 'onsite', orgKey: 'jiande',
    summary: '围绕双极膜技术在化工废盐处理过程中的应用，与化工企业交流氯化钠、硫酸钠等含盐废水的资源利用。',
    technicianKeys: ['fang_weidong'],
  },
  {
    title: '健康义诊进乡村', field: '医疗义诊', kind: 'help', mode: 'onsite', orgKey: 'jiande',
    summary: '进村开展健康讲座及义诊，解答高血压、心血管病等疾病预防、康复指导问题。',
    technicianKeys: ['shao_meihua'],
  },
  // 德清县劳模志愿服务队
  {
    title: '家电维修进社区', field: '家电维修', kind: 'help', mode: 'onsite', teamKey: 'dq_zhiyuandui', orgKey: 'deqing',
    summary: '惠民服务小分队进社区为居民免费检修家电，讲解安全用电常识。',
    technicianKeys: ['xu_weidong'],
  },
];
