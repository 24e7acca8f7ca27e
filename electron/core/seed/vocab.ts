/**
 * Word lists for synthetic but realistic data: common surnames and given-name characters, real county-level
 * 行政区划代码 with their place names (so ID numbers and addresses agree), streets, and lender names.
 */
export const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉宇浩然梓轩子涵欣怡诗雨思远晓梅建国志强春燕海波文博雪莉佳琪一鸣'

export const AREAS: { code: string; place: string; phonePrefix: string }[] = [
  { code: '110105', place: '北京市朝阳区', phonePrefix: '139' },
  { code: '310104', place: '上海市徐汇区', phonePrefix: '138' },
  { code: '330106', place: '浙江省杭州市西湖区', phonePrefix: '137' },
  { code: '440305', place: '广东省深圳市南山区', phonePrefix: '135' },
  { code: '510107', place: '四川省成都市武侯区', phonePrefix: '158' },
  { code: '420111', place: '湖北省武汉市洪山区', phonePrefix: '150' },
  { code: '320102', place: '江苏省南京市玄武区', phonePrefix: '151' },
  { code: '370102', place: '山东省济南市历下区', phonePrefix: '186' },
  { code: '410105', place: '河南省郑州市金水区', phonePrefix: '187' },
  { code: '430104', place: '湖南省长沙市岳麓区', phonePrefix: '188' },
  { code: '350102', place: '福建省福州市鼓楼区', phonePrefix: '189' },
  { code: '610113', place: '陕西省西安市雁塔区', phonePrefix: '177' },
]

export const STREETS = ['人民路', '解放路', '建设路', '中山路', '和平街', '长江路', '文化路', '新华路', '幸福路', '光明街']

export const LENDERS: { name: string; regime: 'private' | 'licensed'; area: string }[] = [
  { name: '杭州信达小额贷款有限公司', regime: 'licensed', area: '330106' },
  { name: '深圳前海恒通消费金融股份有限公司', regime: 'licensed', area: '440305' },
  { name: '成都锦程网络小额贷款有限公司', regime: 'licensed', area: '510107' },
  { name: '上海汇融商务咨询有限公司', regime: 'private', area: '310104' },
  { name: '武汉启明投资管理有限公司', regime: 'private', area: '420111' },
]

export const OWNERS = ['张律师', '李律师', '王律师', '陈律师', '刘律师']
