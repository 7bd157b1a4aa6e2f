/** Lecture topics: 政策法规、健康生活、社会服务. */
import type { SeedTopic } from '../types';

export const lifeTopics: SeedTopic[] = [
  // ---- 政策法规 ----
  {
    title: '劳动合同法与职工权益保障',
    summary: '讲解劳动合同订立、变更、解除及加班、工伤等职工关心的法律问题，现场答疑。',
    category: 'zhengce', durations: [60, 90], audience: '一线职工、企业人事管理人员',
    venueTypes: ['enterprise', 'office', 'online'], orgKey: 'anji', speakerKeys: ['pan_yuqin'],
  },
  {
    title: '工会惠工政策解读：医疗互助保障、金秋助学、困难职工帮扶',
    summary: '向职工宣传医疗互助保障、金秋助学、困难职工帮扶等工会好政策，讲清申请条件和办理流程。',
    category: 'zhengce', durations: [45, 60], audience: '一线职工、基层工会干部',
    venueTypes: ['enterprise', 'team', 'community'], orgKey: 'huzhou', speakerKeys: ['qian_guoliang', 'pan_yuqin'],
  },
  {
    title: '劳模政策与待遇解读',
    summary: '梳理劳模医疗补助、荣誉津贴、困难劳模补助金、体检和疗休养等政策，为劳模和基层工会提供政策服务。',
    category: 'zhengce', durations: [45, 60], audience: '劳模工匠、工会干部',
    venueTypes: ['office', 'online'], orgKey: 'jhkfq', speakerKeys: ['hu_jianping'],
  },
  {
    title: '中国特色和谐劳动关系建设',
    summary: '结合企业实例讲解劳动关系协调机制、集体协商和劳动争议预防，推动构建和谐劳动关系。',
    category: 'zhengce', durations: [60, 90], audience: '企业管理人员、工会干部',
    venueTypes: ['enterprise', 'office'], orgKey: 'jhkfq', speakerKeys: ['jiang_xiaoyan', 'pan_yuqin'],
  },
  {
    title: '党的二十大精神进企业：做知识型、技能型、创新型产业工人',
    summary: '劳模工匠结合自身经历宣讲党的二十大精神，解读产业工人队伍建设改革，引导职工学技能、强本领。',
    category: 'zhengce', durations: [45, 60, 90], audience: '企业职工、青年党员',
    venueTypes: ['enterprise', 'office', 'online'], orgKey: 'jinhua', speakerKeys: ['hu_jianping', 'zheng_xiaolong'],
  },

  // ---- 健康生活 ----
  {
    title: '职工减压工作坊',
    summary: '通过情景体验、放松训练和团体互动，帮助职工识别压力来源、学会自我调节。',
    category: 'jiankang', durations: [90, 120], audience: '一线职工、企业管理人员',
    venueTypes: ['enterprise', 'workshop', 'online'], orgKey: 'hangzhou', speakerKeys: ['yu_xiaohong', 'mo_lihua'],
  },
  {
    title: '心理健康：职场压力与情绪管理',
    summary: '讲解常见的职场心理问题、情绪管理方法和求助渠道，关注职工身心健康。',
    category: 'jiankang', durations: [45, 60], audience: '青年职工',
    venueTypes: ['online', 'community', 'enterprise'], orgKey: 'deqing', speakerKeys: ['mo_lihua'],
  },
  {
    title: '高血压、心血管病的预防与康复',
    summary: '讲解高血压、心血管病的预防和康复指导，普及保健知识，引导群众定期体检、关注自身健康。',
    category: 'jiankang', durations: [45, 60], audience: '中老年职工、村社居民',
    venueTypes: ['village', 'community', 'enterprise'], orgKey: 'jiande', speakerKeys: ['shao_meihua', 'shi_xiaoke'],
  },
  {
    title: '早预防、早发现、早治疗：中老年保健知识',
    summary: '面向老年群众讲解常见慢病的早期信号、日常保养方法和注意事项，树立科学健康理念。',
    category: 'jiankang', durations: [45, 60], audience: '老年群众',
    venueTypes: ['village', 'community'], orgKey: 'pujiang', speakerKeys: ['huang_xiaoyan', 'shao_meihua'],
  },
  {
    title: '一线职工常见职业病防治',
    summary: '针对久站、久坐、粉尘、噪声等岗位特点，讲解常见职业病的预防和自我保健。',
    category: 'jiankang', durations: [45, 60], audience: '一线职工',
    venueTypes: ['enterprise', 'workshop'], orgKey: 'yiwu', speakerKeys: ['shi_xiaoke', 'wu_min'],
  },
  {
    title: '急救知识进企业：心肺复苏与AED使用',
    summary: '现场教学心肺复苏、AED使用和常见意外伤害处置，让职工关键时刻会施救。',
    category: 'jiankang', durations: [60, 90], audience: '企业职工、安全员',
    venueTypes: ['enterprise', 'workshop', 'school'], orgKey: 'yiwu', speakerKeys: ['wu_min'],
  },

  // ---- 社会服务 ----
  {
    title: '爱心义诊进企业：健康讲座+义诊',
    summary: '劳模医疗技术服务队进企业开展健康讲座并现场义诊，为职工测血压、看报告、答疑解惑。',
    category: 'shehui', durations: [90, 120], audience: '企业职工',
    venueTypes: ['enterprise', 'community'], orgKey: 'yiwu', speakerKeys: ['shi_xiaoke', 'wu_min'],
  },
  {
    title: '法律知识进企业：“微服务”法律咨询',
    summary: '安吉县总工会进企“微服务”：为企业送法律知识，提供法律问题咨询，建立“立解立答、转办闭环”机制。',
    category: 'shehui', durations: [60, 90], audience: '企业职工、企业管理人员',
    venueTypes: ['enterprise', 'office'], orgKey: 'anji', speakerKeys: ['pan_yuqin'],
  },
  {
    title: '公益理发与美发技能分享',
    summary: '世界技能大赛金牌选手石丹走进社区开展公益理发，并分享美发技能与职业发展经验。',
    category: 'shehui', durations: [90, 120], audience: '社区居民、职校学生',
    venueTypes: ['community', 'school'], orgKey: 'hangzhou', speakerKeys: ['shi_dan'],
  },
  {
    title: '奉献、友爱、互助、进步：劳模工匠志愿服务',
    summary: '讲述劳模志愿服务小分队开展防疫宣传、健康义诊、家电维修、公益理发的故事，动员更多职工加入志愿服务。',
    category: 'shehui', durations: [45, 60], audience: '社区居民、志愿者',
    venueTypes: ['community', 'village'], orgKey: 'deqing', speakerKeys: ['shen_yuefen', 'qian_guoliang'],
  },
  {
    title: '劳模同志走前列 抗疫一线显担当',
    summary: '讲述开发区劳模参加核查登记、核酸检测、物资保障等抗疫志愿服务的经历，让劳模精神在“疫”线熠熠生辉。',
    category: 'shehui', durations: [45, 60], audience: '社区居民、机关干部',
    venueTypes: ['community', 'office', 'online'], orgKey: 'jhkfq', speakerKeys: ['ying_guohua'],
  },
  {
    title: '进企义诊与困难职工帮扶',
    summary: '浦江劳模工匠志愿服务队进企义诊、帮扶困难职工，以走心、暖心、用心的服务为职工解决实际问题。',
    category: 'shehui', durations: [60, 90], audience: '企业职工、困难职工',
    venueTypes: ['enterprise', 'community'], orgKey: 'pujiang', speakerKeys: ['huang_xiaoyan'],
  },
];
