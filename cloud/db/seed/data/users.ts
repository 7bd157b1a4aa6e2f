/**
 * Demo users who are not volunteers: one admin per union organisation, workers (职工) and
 * enterprise contacts (企业). Volunteers get their user row from SeedVolunteer.
 * Phones are fictional: admins 138000000xx, workers 138000010xx, enterprises 138000020xx.
 */
import type { SeedUser } from '../types';

export const users: SeedUser[] = [
  // ---- admins (one per organisation) ----
  { key: 'admin_zhejiang', name: '浙江省总工会管理员', roles: ['admin'], orgKey: 'zhejiang', phone: '13800000001', label: '浙江省总工会 管理员' },
  { key: 'admin_hangzhou', name: '潘亚', roles: ['admin'], orgKey: 'hangzhou', phone: '13800000002', label: '杭州市总工会 管理员' },
  { key: 'admin_jinhua', name: '金华市总工会管理员', roles: ['admin'], orgKey: 'jinhua', phone: '13800000003', label: '金华市总工会 管理员' },
  { key: 'admin_huzhou', name: '湖州市总工会管理员', roles: ['admin'], orgKey: 'huzhou', phone: '13800000004', label: '湖州市总工会 管理员' },
  { key: 'admin_jiande', name: '建德市总工会管理员', roles: ['admin'], orgKey: 'jiande', phone: '13800000005', label: '建德市总工会 管理员' },
  { key: 'admin_yiwu', name: '义乌市总工会管理员', roles: ['admin'], orgKey: 'yiwu', phone: '13800000006', label: '义乌市总工会 管理员' },
  { key: 'admin_wucheng', name: '婺城区总工会管理员', roles: ['admin'], orgKey: 'wucheng', phone: '13800000007', label: '婺城区总工会 管理员' },
  { key: 'admin_pujiang', name: '浦江县总工会管理员', roles: ['admin'], orgKey: 'pujiang', phone: '13800000008', label: '浦江县总工会 管理员' },
  { key: 'admin_jhkfq', name: '金华开发区总工会管理员', roles: ['admin'], orgKey: 'jhkfq', phone: '13800000009', label: '金华经济技术开发区总工会 管理员' },
  { key: 'admin_deqing', name: '德清县总工会管理员', roles: ['admin'], orgKey: 'deqing', phone: '13800000010', label: '德清县总工会 管理员' },
  { key: 'admin_anji', name: '安吉县总工会管理员', roles: ['admin'], orgKey: 'anji', phone: '13800000011', label: '安吉县总工会 管理员' },

  // ---- workers (职工) ----
  { key: 'worker_huali', name: '王海涛', roles: ['worker'], orgKey: 'hangzhou', company: '临安华力摩擦材料有限公司', phone: '13800001001', label: '临安华力摩擦材料有限公司 职工 王海涛' },
  { key: 'worker_shengli', name: '李静', roles: ['worker'], orgKey: 'hangzhou', company: '杭州胜利小学', phone: '13800001002', label: '杭州胜利小学 教师 李静' },
  { key: 'worker_hzvtc', name: '赵宇航', roles: ['worker'], orgKey: 'hangzhou', company: '杭州职业技术学院', phone: '13800001003', label: '杭州职业技术学院 教师 赵宇航' },
  { key: 'worker_jiefeng', name: '刘小敏', roles: ['worker'], orgKey: 'hangzhou', company: '杭州杰丰服装有限公司', phone: '13800001004', label: '杭州杰丰服装有限公司 职工 刘小敏' },
  { key: 'worker_zhengjiawu', name: '吴晓红', roles: ['worker'], orgKey: 'pujiang', company: '浦江县郑家坞中心小学', phone: '13800001005', label: '浦江县郑家坞中心小学 教师 吴晓红' },
  { key: 'worker_zuoli', name: '张磊', roles: ['worker'], orgKey: 'anji', company: '浙江佐力百草中药有限公司', phone: '13800001006', label: '浙江佐力百草中药有限公司 职工 张磊' },

  // ---- enterprise contacts (企业) ----
  { key: 'ent_xiaolongren', name: '楼佳琪', roles: ['enterprise'], orgKey: 'yiwu', company: '浙江小龙人袜业有限公司', phone: '13800002001', label: '浙江小龙人袜业有限公司 设备主管 楼佳琪' },
  { key: 'ent_changxin', name: '陈国平', roles: ['enterprise'], orgKey: 'yiwu', company: '义乌市长新传动科技有限公司', phone: '13800002002', label: '义乌市长新传动科技有限公司 生产经理 陈国平' },
  { key: 'ent_zhuoyue', name: '毛晓丽', roles: ['enterprise'], orgKey: 'yiwu', company: '浙江卓越电子公司', phone: '13800002003', label: '浙江卓越电子公司 电商部经理 毛晓丽' },
  { key: 'ent_mengrong', name: '何永福', roles: ['enterprise'], orgKey: 'yiwu', company: '浙江梦融袜业有限公司', phone: '13800002004', label: '浙江梦融袜业有限公司 污水车间主任 何永福' },
  { key: 'ent_stanger', name: '龚丽萍', roles: ['enterprise'], orgKey: 'yiwu', company: '浙江斯坦格运动护具科技有限公司', phone: '13800002005', label: '浙江斯坦格运动护具科技有限公司 行政主管 龚丽萍' },
  { key: 'ent_zhongte', name: '沈伟', roles: ['enterprise'], orgKey: 'deqing', company: '浙江中特智能装备股份有限公司', phone: '13800002006', label: '浙江中特智能装备股份有限公司 焊接车间主任 沈伟' },
  { key: 'ent_hangji', name: '金正钢', roles: ['enterprise'], orgKey: 'pujiang', company: '浙江杭机股份有限公司浦江工厂', phone: '13800002007', label: '浙江杭机股份有限公司浦江工厂 总经理 金正钢' },
  { key: 'ent_wanliyang', name: '张星', roles: ['enterprise'], orgKey: 'wucheng', company: '浙江万里扬新能源驱动有限公司', phone: '13800002008', label: '浙江万里扬新能源驱动有限公司 设备管理员 张星' },
  { key: 'ent_dayang', name: '叶志华', roles: ['enterprise'], orgKey: 'jiande', company: '浙江大洋生物科技股份有限公司', phone: '13800002009', label: '浙江大洋生物科技股份有限公司 技术部 叶志华' },
  { key: 'ent_longhu', name: '姚建新', roles: ['enterprise'], orgKey: 'deqing', company: '浙江龙虎锻造有限公司', phone: '13800002010', label: '浙江龙虎锻造有限公司 设备科长 姚建新' },
];
