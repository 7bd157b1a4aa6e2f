/** Technical services of the eight 义乌 teams (plus 方有成). */
import type { SeedService } from '../types';

export const yiwuServices: SeedService[] = [
  // 王关根工匠数控技术服务队
  {
    title: '数控加工工艺优化', field: '数控', kind: 'tackle', mode: 'onsite', teamKey: 'yw_wangguangen', orgKey: 'yiwu',
    summary: '进车间诊断数控加工工序，优化刀具路径与装夹方案，提升加工效率和产品品质。',
    technicianKeys: ['wang_guangen', 'lou_zhigang'],
  },
  {
    title: '数控机床编程与操作培训', field: '数控', kind: 'training', mode: 'both', teamKey: 'yw_wangguangen', orgKey: 'yiwu',
    summary: '为企业数控操作工开展CNC编程、五轴加工与机床操作培训，可线上答疑。',
    technicianKeys: ['gong_haifeng', 'wang_guangen'],
  },
  {
    title: '机械制造技术交流与合作', field: '数控', kind: 'collab', mode: 'onsite', teamKey: 'yw_wangguangen', orgKey: 'yiwu',
    summary: '与企业技术负责人开展机械制造等方面的技术交流，将专业技术知识与创新实践相结合，商议技术合作。',
    technicianKeys: ['wang_guangen', 'lou_zhigang', 'gong_haifeng'],
  },
  // 吴志民劳模电力抢修技术服务队
  {
    title: '安全用电指导', field: '电力', kind: 'help', mode: 'onsite', teamKey: 'yw_wuzhimin', orgKey: 'yiwu',
    summary: '上门检查企业配电设施和用电行为，指出隐患并给出整改建议，助力企业安全生产。',
    technicianKeys: ['wu_zhimin', 'wang_lijuan'],
  },
  {
    title: '电力运行维护', field: '电力', kind: 'help', mode: 'both', teamKey: 'yw_wuzhimin', orgKey: 'yiwu',
    summary: '为企业配电房提供运行维护指导、巡检方案和远程咨询，当好助企发展的“电小二”。',
    technicianKeys: ['wu_zhimin', 'jin_xiaodong'],
  },
  {
    title: '电力故障应急抢修支援', field: '电力', kind: 'tackle', mode: 'onsite', teamKey: 'yw_wuzhimin', orgKey: 'yiwu',
    summary: '企业突发停电或配电故障时，协助快速定位故障点、恢复供电。',
    technicianKeys: ['jin_xiaodong', 'wu_zhimin'],
  },
  // 鲍正浩工匠汽车维修技术服务队
  {
    title: '汽车故障诊断与维修', field: '汽车维修', kind: 'help', mode: 'onsite', teamKey: 'yw_baozhenghao', orgKey: 'yiwu',
    summary: '为企业车队和职工车辆提供故障诊断、电路排查和维修保养建议。',
    technicianKeys: ['bao_zhenghao', 'chen_weiqiang'],
  },
  {
    title: '新能源汽车维修技术培训', field: '汽车维修', kind: 'training', mode: 'both', teamKey: 'yw_baozhenghao', orgKey: 'yiwu',
    summary: '面向汽修从业人员讲授新能源汽车高压安全、动力电池检测与维修。',
    technicianKeys: ['luo_jun', 'bao_zhenghao'],
  },
  // 施小柯劳模医疗技术服务队
  {
    title: '爱心义诊进企业', field: '医疗义诊', kind: 'help', mode: 'onsite', teamKey: 'yw_shixiaoke', orgKey: 'yiwu',
    summary: '医疗服务队进企业为职工测血压、血糖，解读体检报告，开展健康咨询。',
    technicianKeys: ['shi_xiaoke', 'wu_min', 'jia_jianping'],
  },
  {
    title: '职工健康远程咨询', field: '医疗义诊', kind: 'help', mode: 'remote', teamKey: 'yw_shixiaoke', orgKey: 'yiwu',
    summary: '通过视频为职工解答常见病、慢性病和颈肩腰腿痛等健康问题。',
    technicianKeys: ['jia_jianping', 'wu_min'],
  },
  // 周华英维修电工技能大师工作室服务队
  {
    title: '电气故障排查', field: '维修电工', kind: 'tackle', mode: 'onsite', teamKey: 'yw_zhouhuaying', orgKey: 'yiwu',
    summary: '针对生产设备电气故障、变频器和PLC控制系统问题现场排查维修。',
    technicianKeys: ['zhou_huaying', 'yu_jianhua'],
  },
  {
    title: '维修电工技能培训', field: '维修电工', kind: 'training', mode: 'both', teamKey: 'yw_zhouhuaying', orgKey: 'yiwu',
    summary: '以师带徒方式为企业电工开展电机维修、低压配电等技能培训。',
    technicianKeys: ['zhou_huaying', 'he_peng'],
  },
  // 刘扬青工匠电商技术服务队
  {
    title: '抖音直播与电商运营指导', field: '电商', kind: 'help', mode: 'both', teamKey: 'yw_liuyangqing', orgKey: 'yiwu',
    summary: '结合企业电商现状，在电商运营、产品销售、抖音直播等方面提出服务方案。',
    technicianKeys: ['liu_yangqing', 'yang_chen'],
  },
  {
    title: '电商美工与店铺视觉设计', field: '电商', kind: 'training', mode: 'remote', teamKey: 'yw_liuyangqing', orgKey: 'yiwu',
    summary: '远程指导企业美工优化主图、详情页和店铺视觉，提升转化率。',
    technicianKeys: ['zhu_haiyan'],
  },
  {
    title: '校企合作技能人才培养', field: '电商', kind: 'collab', mode: 'onsite', teamKey: 'yw_liuyangqing', orgKey: 'yiwu',
    summary: '围绕企业技能型人才短缺问题，建立双向服务、加强校企合作，为企业培育技能人才搭建桥梁。',
    technicianKeys: ['liu_yangqing', 'zhu_haiyan'],
  },
  // 叶建阳、施思伟工匠技术服务队
  {
    title: '丝杆校直自动化改造', field: '自动化', kind: 'tackle', mode: 'onsite', teamKey: 'yw_yejianyang', orgKey: 'yiwu',
    summary: '针对人工校直效率低、职工易视觉疲劳的问题，设计自动送料、自动检测、自动下台的自动化方案，提升产能和产品品质。',
    technicianKeys: ['ye_jianyang', 'shi_siwei', 'huang_junjie'],
  },
  {
    title: '自动化产线升级咨询', field: '自动化', kind: 'collab', mode: 'both', teamKey: 'yw_yejianyang', orgKey: 'yiwu',
    summary: '为中小企业评估产线自动化改造可行性，提供设备选型和视觉检测方案。',
    technicianKeys: ['shi_siwei', 'huang_junjie'],
  },
  // 周立军劳模工匠机电维修技术服务队
  {
    title: '印染废水处理与中水回收', field: '污水处理', kind: 'tackle', mode: 'onsite', teamKey: 'yw_zhoulijun', orgKey: 'yiwu',
    summary: '就污水处理、设备运行、脱水工艺、中水回收、水质排放标准等进行技术交流，给出改进思路和方案并持续跟进。',
    technicianKeys: ['zhou_lijun', 'zhu_jianwei'],
  },
  {
    title: '机电设备维护保养', field: '机电维修', kind: 'help', mode: 'onsite', teamKey: 'yw_zhoulijun', orgKey: 'yiwu',
    summary: '为企业制定设备维护保养计划，现场检修液压、传动等机电设备。',
    technicianKeys: ['zhou_lijun', 'ding_yonghong'],
  },
  // 不属于服务队
  {
    title: '袜机设备技术改造交流', field: '机械制造', kind: 'collab', mode: 'onsite', orgKey: 'yiwu',
    summary: '义乌工匠方有成分享袜机设备技术改造与转型升级经验，与同行企业开展技术交流。',
    technicianKeys: ['fang_youcheng'],
  },
];
