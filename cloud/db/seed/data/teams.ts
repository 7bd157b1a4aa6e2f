/** Lecture teams (宣讲团) and technical service teams (技术服务队), named as in the seeds. */
import type { SeedTeam } from '../types';

const yiwuIntro =
  '义乌市总工会组建的劳模工匠技术服务队之一（全市共8支、84名正式成员，每支以劳模工匠的名字命名），开展“匠心助企”“送技入企”“传经送宝”“现场开方”进企服务活动。';

export const teams: SeedTeam[] = [
  // ---- 义乌：8 支劳模工匠技术服务队 ----
  {
    key: 'yw_wangguangen', name: '王关根工匠数控技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}由浙江大工匠王关根领衔，在浙江小龙人袜业有限公司与企业开展机械制造等方面的技术交流，通过技术创新、转型升级为企业高质量发展注入强劲动力。`,
  },
  {
    key: 'yw_wuzhimin', name: '吴志民劳模电力抢修技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}全国劳模吴志民带队深入企业和义乌机场，提供安全用电指导、电力运行维护等服务，规范用电行为，当好助企发展的“电小二”。`,
  },
  {
    key: 'yw_baozhenghao', name: '鲍正浩工匠汽车维修技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}以汽车维修为专长，为企业车队和职工提供故障诊断、维修保养和技能培训服务。`,
  },
  {
    key: 'yw_shixiaoke', name: '施小柯劳模医疗技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}由医务工作者组成，进企业、进社区开展爱心义诊和健康讲座，为一线职工送医送药、普及健康知识。`,
  },
  {
    key: 'yw_zhouhuaying', name: '周华英维修电工技能大师工作室服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}依托周华英维修电工技能大师工作室，为企业提供电气故障排查、设备维修和维修电工技能培训。`,
  },
  {
    key: 'yw_liuyangqing', name: '刘扬青工匠电商技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}由义乌市城镇职校的八婺金匠刘扬青领衔，成员有全国技术能手杨晨、八婺杰出金匠朱海燕等6名技能人才，在抖音直播、电商美工、电商运营等方面经验丰富，搭好校企合作“云平台”。`,
  },
  {
    key: 'yw_yejianyang', name: '叶建阳、施思伟工匠技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}走进义乌市长新传动科技有限公司车间“现场开方”，针对人工校直效率不高的难题，提出自动送料、自动检测、自动下台等系列自动化设备解决方案，做好提升产能的“技术员”。`,
  },
  {
    key: 'yw_zhoulijun', name: '周立军劳模工匠机电维修技术服务队', kind: 'service', orgKey: 'yiwu', region: '义乌',
    intro: `${yiwuIntro}深入浙江梦融袜业有限公司印染废水处理及回收车间，就污水处理、设备运行、脱水工艺、中水回收、水质排放标准等进行技术交流，持续跟进，将服务进行到底。`,
  },

  // ---- 杭州 ----
  {
    key: 'hz_xuanjiangtuan', name: '杭州市劳模工匠宣讲团', kind: 'lecture', orgKey: 'hangzhou', region: '杭州',
    intro: '杭州市总工会从劳动模范中挑选精兵强将，又在各行各业“海选”有绝技、绝活的工匠能手，组建起人数多达100位的劳模工匠宣讲团。推出“看菜单下单”，职工不仅可以“点”宣讲的主题，还能“点”授课的老师，把“讲理想”变成“讲故事”。',
  },

  // ---- 金华：浦江、开发区、婺城 ----
  {
    key: 'pj_zhiyuandui', name: '浦江劳模工匠志愿服务队', kind: 'lecture', orgKey: 'pujiang', region: '浦江',
    intro: '浦江县总工会选育108名劳模工匠，组建5支“有活力、有作为、有爱心”的“三有”劳模志愿服务队，每支设置一名队长、两名联络员。截至目前共开展技术指导372人次，专题培训职工4600名，进企义诊13场，组织调研25次，收集问题327个，已解决问题109个。',
  },
  {
    key: 'kfq_xuanjiangdui', name: '金华经济技术开发区劳模宣讲队', kind: 'lecture', orgKey: 'jhkfq', region: '金华开发区',
    intro: '开发区现有各级劳模工匠166名。区总工会启动“初心如磐、金石为开”劳模工匠“五进”宣讲，进机关、进乡镇（街道）、进学校、进村（社区）、进企业（车间），采用“现场宣讲+网络宣讲”相结合的方式讲述奋斗故事。',
  },
  {
    key: 'wc_jishudui', name: '婺城劳模（工匠）技术服务队', kind: 'service', orgKey: 'wucheng', region: '婺城',
    intro: '婺城区总工会2019年把有专业特长的劳动模范、高级技师和工程技术人员组织起来，成立由八婺工匠徐孝华和全国劳模陈立平负责的劳模（工匠）技术服务队，开出绿色养殖、技术培训、设备维修等“技术服务清单”，通过公布服务清单、企业直接点单的方式精准助企帮扶。2020年开展志愿服务90余次，解决技术难题100余个。',
  },

  // ---- 湖州 ----
  {
    key: 'huz_jinpaidui', name: '湖州市工会金牌技术服务队', kind: 'service', orgKey: 'huzhou', region: '湖州',
    intro: '每年5月，湖州市各级工会集中开展“劳模工匠志愿服务月”和“百名技术能手进千家企业”活动，金牌技术服务队为企业技术难题“把脉问诊”开良方，“对症下药”提质效，让企业职工足不出厂就能享受技术指导。近三年来开展技术咨询服务5315场次。',
  },
  {
    key: 'dq_zhiyuandui', name: '德清县劳模志愿服务队', kind: 'lecture', orgKey: 'deqing', region: '德清',
    intro: '德清县劳模协会依托“群团先锋模范”应用场景，开展群众“点单”、模范“抢单”。以自发自愿的形式组建技术服务、健康服务、惠民服务、宣传宣讲等志愿服务小分队，深入企业、学校、社区开展“五进三服务”活动。已成功预约技术服务76次，开展宣讲培训93场。',
  },
];
