/** Lecture topics: 劳模精神、工匠精神、劳动精神. */
import type { SeedTopic } from '../types';

export const spiritTopics: SeedTopic[] = [
  // ---- 劳模精神 ----
  {
    title: '公交车有起点、终点，为民服务只有起点，没有终点',
    summary: '全国劳动模范、全国道德模范、杭州公交车司机孔胜东讲述扎根公交岗位、全心全意为乘客服务的故事，把“讲理想”变成“讲故事”。',
    category: 'laomo', durations: [45, 60, 90], audience: '一线职工、工会干部',
    venueTypes: ['enterprise', 'office', 'community', 'online'], orgKey: 'hangzhou', speakerKeys: ['kong_shengdong'],
  },
  {
    title: '当好助企发展的“电小二”',
    summary: '全国劳模吴志民讲述带队深入企业和义乌机场提供安全用电指导、电力运行维护服务的经历：问需求、精服务，规范用电行为，助力企业安全生产。',
    category: 'laomo', durations: [45, 60], audience: '企业职工、青年党员',
    venueTypes: ['enterprise', 'team', 'online'], orgKey: 'yiwu', speakerKeys: ['wu_zhimin'],
  },
  {
    title: '初心如磐、金石为开：劳模工匠“五进”宣讲',
    summary: '开发区各级劳模工匠结合亲身感受和成长经历，讲述助力开发区高质量发展中的奋斗故事，展示怀初心、筑信仰、显作为、有担当的精神风貌。',
    category: 'laomo', durations: [60, 90], audience: '机关干部、企业职工、村社居民',
    venueTypes: ['office', 'village', 'school', 'community', 'enterprise', 'online'], orgKey: 'jhkfq',
    speakerKeys: ['hu_jianping', 'jiang_xiaoyan'],
  },
  {
    title: '每一个普通人都可以成为工匠、成为劳模',
    summary: '“百名劳模工匠进校园”专场：劳模工匠通过短片介绍、演讲报告、现场展示等方式讲述成长轨迹，用真人、真事、真话、真情展现新时代劳模工匠风采。',
    category: 'laomo', durations: [60, 90], audience: '职业院校学生',
    venueTypes: ['school', 'online'], orgKey: 'hangzhou', speakerKeys: ['yu_yunjian', 'shi_dan'],
  },
  {
    title: '劳模精神代代传：走进郑家坞中心小学',
    summary: '浙江省五一劳动奖章获得者张文明和浦江县先进教师郑晓龙围绕党的二十大报告，结合自身成长、工作经历宣讲，让劳模工匠精神成为青少年成长成才的精神动力。',
    category: 'laomo', durations: [45, 60], audience: '中小学生',
    venueTypes: ['school'], orgKey: 'pujiang', speakerKeys: ['zhang_wenming', 'zheng_xiaolong'],
  },
  {
    title: '“我心向党”劳模工匠宣讲进企业',
    summary: '湖州市劳模工匠宣讲进企业活动：劳模讲述扎根一线、实干争先的故事，吹响工人先锋号，争做时代奋斗者。',
    category: 'laomo', durations: [45, 60], audience: '企业职工',
    venueTypes: ['enterprise', 'workshop'], orgKey: 'huzhou', speakerKeys: ['qian_guoliang', 'dong_zhenfang'],
  },

  // ---- 工匠精神 ----
  {
    title: '我的今天源于小时候的兴趣',
    summary: '首届“杭州工匠”、杭锅集团电焊工葛小青讲述参与世界级锅炉项目焊接的经历，和孩子们聊兴趣如何成长为一门绝活。',
    category: 'gongjiang', durations: [45, 60], audience: '中小学生、青年职工',
    venueTypes: ['school', 'enterprise', 'online'], orgKey: 'hangzhou', speakerKeys: ['ge_xiaoqing'],
  },
  {
    title: '从世界技能大赛金牌到“杭州工匠”',
    summary: '第45届世界技能大赛美发项目金牌选手石丹现场展示技艺，分享备赛训练与成长的心路历程。',
    category: 'gongjiang', durations: [60, 90], audience: '职业院校学生',
    venueTypes: ['school', 'online'], orgKey: 'hangzhou', speakerKeys: ['shi_dan'],
  },
  {
    title: '浙江大工匠的数控人生',
    summary: '王关根讲述钻研数控加工技术的经历，以及技术服务队“匠心助企”“现场开方”的故事：通过技术创新、转型升级为企业注入强劲动力。',
    category: 'gongjiang', durations: [60, 90], audience: '一线职工、技术骨干',
    venueTypes: ['enterprise', 'workshop'], orgKey: 'yiwu', speakerKeys: ['wang_guangen'],
  },
  {
    title: '把看家本领传授给年轻人',
    summary: '老焊工董振方谈企业转型升级对一线工人技能要求越来越高，讲述带徒传技的体会：“能把看家本领传授给年轻人，很光荣，很有意义。”',
    category: 'gongjiang', durations: [45, 60], audience: '青年职工',
    venueTypes: ['workshop', 'team', 'enterprise'], orgKey: 'huzhou', speakerKeys: ['dong_zhenfang'],
  },
  {
    title: '从职校课堂到全国技术能手',
    summary: '八婺金匠刘扬青与全国技术能手杨晨讲述职业教育与技能成才之路，为职校学生和青年职工规划技能成长路径。',
    category: 'gongjiang', durations: [60, 90], audience: '职业院校学生、青年职工',
    venueTypes: ['school', 'online'], orgKey: 'yiwu', speakerKeys: ['yang_chen', 'liu_yangqing'],
  },
  {
    title: '技能大师工作室里的师徒传承',
    summary: '周华英介绍维修电工技能大师工作室以师带徒、结对传技的做法，分享打造高技能人才队伍的经验。',
    category: 'gongjiang', durations: [45, 60], audience: '班组长、技术骨干',
    venueTypes: ['enterprise', 'workshop', 'team'], orgKey: 'yiwu', speakerKeys: ['zhou_huaying'],
  },
  {
    title: '企业“点单”、大师“买单”：技术服务队的匠心故事',
    summary: '全国劳模陈立平讲述婺城劳模（工匠）技术服务队“线上+线下”联动、一年解决技术难题100余个的经历。',
    category: 'gongjiang', durations: [45, 60], audience: '企业管理人员、技术人员',
    venueTypes: ['enterprise', 'office', 'online'], orgKey: 'wucheng', speakerKeys: ['chen_liping'],
  },

  // ---- 劳动精神 ----
  {
    title: '劳动创造美好生活：劳动教育进校园',
    summary: '劳模工匠担任辅导员、兼职教师，带学生感受劳动的价值、劳动者的伟大，激励学生努力成长成才。',
    category: 'laodong', durations: [45, 60], audience: '中小学生',
    venueTypes: ['school'], orgKey: 'hangzhou', speakerKeys: ['yu_yunjian', 'jiang_xiaoyan'],
  },
  {
    title: '立足岗位、无私奉献：一名电力人的18年',
    summary: '张文明讲述大学毕业后扎根电力一线18年的经历，让听众感受无私奉献的劳动精神。',
    category: 'laodong', durations: [45, 60], audience: '青年职工、中学生',
    venueTypes: ['enterprise', 'team', 'school'], orgKey: 'pujiang', speakerKeys: ['zhang_wenming'],
  },
  {
    title: '跟着劳模奔共富：助农富农的劳动故事',
    summary: '沈月芬分享办家庭农场、带动农户增收的经历，讲述勤劳致富、共同富裕的身边故事。',
    category: 'laodong', durations: [45, 60, 90], audience: '农民、乡村干部',
    venueTypes: ['village', 'community'], orgKey: 'deqing', speakerKeys: ['shen_yuefen'],
  },
  {
    title: '爱岗敬业、任劳任怨：从一线工人到车间主任',
    summary: '胡建平讲述在一线岗位恪尽职守、在工作中奋勇争先的成长经历，引导职工立足岗位建功立业。',
    category: 'laodong', durations: [45, 60], audience: '一线职工',
    venueTypes: ['enterprise', 'workshop', 'team'], orgKey: 'jhkfq', speakerKeys: ['hu_jianping'],
  },
  {
    title: '教书育人也是劳动：一名先进教师的坚守',
    summary: '浦江县先进教师郑晓龙讲述扎根讲台、诲人不倦的故事，探讨在学校开展劳动教育的方法。',
    category: 'laodong', durations: [45, 60], audience: '教师、家长',
    venueTypes: ['school', 'community', 'online'], orgKey: 'pujiang', speakerKeys: ['zheng_xiaolong'],
  },
];
