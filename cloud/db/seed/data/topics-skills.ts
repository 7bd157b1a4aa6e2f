/** Lecture topics: 技能培训、安全生产. */
import type { SeedTopic } from '../types';

export const skillTopics: SeedTopic[] = [
  // ---- 技能培训 ----
  {
    title: 'PLC编程设计、电气控制设计及故障检修',
    summary: '浙江省十佳能工巧匠孟伟讲解PLC编程设计、电气控制设计及故障检修等生产应用技术，分享故障排除与维修的体会。',
    category: 'jineng', durations: [90, 120], audience: '一线电工、设备维修人员',
    venueTypes: ['enterprise', 'workshop', 'online'], orgKey: 'hangzhou', speakerKeys: ['meng_wei'],
  },
  {
    title: '锅炉焊接工艺与焊工技能提升',
    summary: '葛小青结合世界级锅炉项目的焊接实践，讲解压力容器焊接要点、常见缺陷及预防。',
    category: 'jineng', durations: [90, 120], audience: '焊工、青年技工',
    venueTypes: ['workshop', 'site', 'enterprise'], orgKey: 'hangzhou', speakerKeys: ['ge_xiaoqing'],
  },
  {
    title: '抖音直播与电商运营实战',
    summary: '刘扬青工匠电商技术服务队讲授抖音直播、电商美工、电商运营实操，帮助企业拓展线上产品销售。',
    category: 'jineng', durations: [60, 90, 120], audience: '电商从业人员、中小企业主',
    venueTypes: ['enterprise', 'online'], orgKey: 'yiwu', speakerKeys: ['liu_yangqing', 'yang_chen'],
  },
  {
    title: '维修电工实操：电气故障排查与维修',
    summary: '技能大师工作室领衔人周华英讲授常见电气故障的判断思路、排查方法和维修规范。',
    category: 'jineng', durations: [90, 120], audience: '维修电工、设备管理员',
    venueTypes: ['workshop', 'enterprise'], orgKey: 'yiwu', speakerKeys: ['zhou_huaying'],
  },
  {
    title: '数控加工工艺与编程入门',
    summary: '浙江大工匠王关根讲解数控加工工艺路线、刀具选择与程序优化，帮助企业提升加工效率与产品品质。',
    category: 'jineng', durations: [90, 120], audience: '数控操作工、技术员',
    venueTypes: ['workshop', 'enterprise'], orgKey: 'yiwu', speakerKeys: ['wang_guangen'],
  },
  {
    title: '养殖污水处理：含氧量、pH值与温度调控',
    summary: '全国劳模陈立平讲解养殖污水处理要点：如何调整污水含氧量、pH值、温度，做好绿色养殖。',
    category: 'jineng', durations: [60, 90], audience: '养殖企业技术人员、农户',
    venueTypes: ['village', 'enterprise', 'online'], orgKey: 'wucheng', speakerKeys: ['chen_liping'],
  },
  {
    title: '新员工培训：电力设备运行维护基础',
    summary: '浙江省电力劳动模范张文明为企业新员工讲解配电设备运行维护基础和日常巡检要点。',
    category: 'jineng', durations: [60, 90], audience: '企业新员工',
    venueTypes: ['enterprise', 'workshop'], orgKey: 'pujiang', speakerKeys: ['zhang_wenming'],
  },

  // ---- 安全生产 ----
  {
    title: '焊接与切割安全知识',
    summary: '湖州市工会金牌技术服务队讲解焊接与切割作业的火灾、触电、烟尘危害及防护措施，结合车间实例讲规范操作。',
    category: 'anquan', durations: [45, 60, 90], audience: '焊工、一线职工',
    venueTypes: ['workshop', 'site', 'enterprise'], orgKey: 'huzhou', speakerKeys: ['yao_hongmei', 'dong_zhenfang'],
  },
  {
    title: '企业安全用电与规范用电行为',
    summary: '吴志民劳模电力抢修技术服务队讲解企业用电常见隐患、规范用电行为和应急处置，助力企业安全生产。',
    category: 'anquan', durations: [45, 60], audience: '企业电工、安全管理人员',
    venueTypes: ['enterprise', 'workshop', 'online'], orgKey: 'yiwu', speakerKeys: ['wu_zhimin', 'wang_lijuan'],
  },
  {
    title: '班组安全生产与劳动保护常识',
    summary: '面向班组长讲解班组安全管理、劳动防护用品使用和劳动保护常识，把安全要求落到每一个岗位。',
    category: 'anquan', durations: [45, 60], audience: '班组长、一线职工',
    venueTypes: ['team', 'workshop', 'enterprise'], orgKey: 'deqing', speakerKeys: ['qian_guoliang'],
  },
  {
    title: '电气设备故障隐患排查与防触电',
    summary: '结合维修电工一线案例，讲解电气设备隐患排查方法和防触电要点。',
    category: 'anquan', durations: [60, 90], audience: '电工、设备管理员',
    venueTypes: ['workshop', 'enterprise'], orgKey: 'yiwu', speakerKeys: ['zhou_huaying', 'wang_lijuan'],
  },
  {
    title: '家庭安全用电与家电使用常识',
    summary: '湖州工匠徐卫东结合多年家电维修经验，讲解家庭用电安全、电器老化识别和日常保养。',
    category: 'anquan', durations: [45, 60], audience: '社区居民、老年群众',
    venueTypes: ['community', 'village'], orgKey: 'deqing', speakerKeys: ['xu_weidong'],
  },
  {
    title: '机电设备安全操作与维护保养',
    summary: '周立军劳模工匠机电维修技术服务队讲解机电设备安全操作规程、日常点检与维护保养。',
    category: 'anquan', durations: [60, 90], audience: '设备操作工、机修工',
    venueTypes: ['workshop', 'enterprise'], orgKey: 'yiwu', speakerKeys: ['zhou_lijun'],
  },
];
