import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import type { Department } from '../shared/api/common';
import type { NoticeContent } from '../shared/notices/notice-schema';
import { beijingToday } from '../shared/time/beijing-time';
import type { StaffRecord } from '../cloudfunctions/_runtime/identify-caller';
import { demoAttachment } from './demo-files';

dayjs.extend(utc);

/**
 * Demo content for the local cloud: a fictional district housing bureau,
 * written the way such a bureau writes. Dates are relative to the day of
 * seeding so a 公示 is always open when someone first starts the app.
 */
export const BUREAU_NAME = '云溪区住房和城乡建设局';
/** The district's government service centre (fictional, like the bureau): where the guides send people. */
const SERVICE_CENTRE = { latitude: 30.2741, longitude: 120.1551 };

export const DEMO_DEPARTMENTS: Department[] = [
  { id: 'office', name: '局办公室', order: 1 },
  { id: 'policy', name: '政策法规科', order: 2 },
  { id: 'approval', name: '行政审批科', order: 3 },
  { id: 'housing', name: '住房保障科', order: 4 },
  { id: 'market', name: '房地产市场监管科', order: 5 },
  { id: 'construction', name: '建筑业管理科', order: 6 },
];

/** The policy that replaced the repealed 物业服务收费管理暂行办法: its page links to it (替代文件). */
export const PROPERTY_FEE_MEASURES_ID = 'demo-property-fee-measures';

/** The demo bureau's 信息发布人员, who wrote every demo notice. */
export const DEMO_EDITOR = { openid: 'demo-editor', name: '王芳' };

export const DEMO_STAFF: Array<StaffRecord & { id: string }> = [
  { id: 'demo-admin', name: '张敏', roles: ['admin', 'reviewer'], departmentIds: ['office'], departmentId: 'office', active: true },
  { id: 'demo-clerk', name: '李华', roles: ['handler', 'answerer'], departmentIds: ['office'], departmentId: 'office', active: true },
  { id: 'demo-editor', name: '王芳', roles: ['publisher'], departmentIds: ['policy'], departmentId: 'policy', active: true },
  // The bureau's 好差评 desk: no department, so every window and follow-up is theirs (ratings/rating-scope.ts);
  // an officer given departments works those departments' windows and 差评 only.
  { id: 'demo-rater', name: '赵磊', roles: ['ratingOfficer'], departmentIds: [], departmentId: null, active: true },
  // No department: 孙静 reviews for the whole bureau (a reviewer given departments reviews only theirs, review-scope.ts).
  { id: 'demo-reviewer', name: '孙静', roles: ['reviewer'], departmentIds: [], departmentId: null, active: true },
  // A leader or an inspector: the figures and the annual report, nothing that changes a record or shows personal data.
  { id: 'demo-viewer', name: '周涛', roles: ['viewer'], departmentIds: [], departmentId: null, active: true },
];

export interface DemoNotice {
  /** A fixed id, where other demo content links to it. */
  id?: string;
  content: NoticeContent;
  /** Days before seeding that it was published; null keeps it a draft. */
  publishedDaysAgo: number | null;
  withdrawn?: string;
}

export function demoNotices(now: Date): DemoNotice[] {
  const today = dayjs.utc(beijingToday(now));
  const day = (offset: number) => today.add(offset, 'day').format('YYYY-MM-DD');
  const year = today.year();
  const base = { summary: '', attachments: [] as NoticeContent['attachments'] };
  return [
    {
      publishedDaysAgo: 5,
      content: {
        ...base,
        kind: 'consultation',
        title: `关于《云溪区老旧小区改造三年行动计划（${year + 1}—${year + 3}年）（征求意见稿）》公开征求意见的公告`,
        summary: '为提高决策的科学性和透明度，现将行动计划全文公开征求社会各界意见。',
        body:
          '为贯彻落实城市更新工作部署，我局起草了《云溪区老旧小区改造三年行动计划（征求意见稿）》，现向社会公开征求意见。\n\n' +
          '一、改造范围：2000年底前建成、基础设施老化的住宅小区，共计47个，涉及居民1.2万户。\n' +
          '二、改造内容：分为基础类、完善类、提升类三类，优先解决供排水、供电、燃气管网老化和加装电梯等问题。\n' +
          '三、意见反馈方式：可在本小程序内留言，或发送电子邮件至 gkb@yunxi.example.gov.cn，或信函寄至云溪区人民路88号局政策法规科（请在信封注明"意见征集"）。\n\n' +
          '征求意见期间，我局将对收到的意见逐条研究，并在决策后公布意见采纳情况。',
        departmentId: 'policy',
        period: { start: day(-5), end: day(25) },
        resultNoticeId: null,
      },
    },
    {
      publishedDaysAgo: 2,
      content: {
        ...base,
        kind: 'publicity',
        title: `${year}年第四批保障性租赁住房项目认定结果公示`,
        summary: '经审核，拟认定3个项目为保障性租赁住房项目，现予以公示。',
        body:
          '根据《关于加快发展保障性租赁住房的实施意见》，经项目单位申请、联合审查，拟认定以下项目为保障性租赁住房项目：\n\n' +
          '1. 溪岸人才公寓，房源312套，建筑面积1.56万平方米；\n' +
          '2. 城南产业园职工宿舍（二期），房源186套，建筑面积0.82万平方米；\n' +
          '3. 青禾路租赁社区，房源420套，建筑面积2.10万平方米。\n\n' +
          '公示期内，任何单位和个人对公示项目有异议的，可通过电话或书面形式向我局住房保障科反映。反映情况应实事求是，以单位名义反映的须加盖公章，以个人名义反映的须署真实姓名。',
        departmentId: 'housing',
        period: { start: day(-2), end: day(5) },
        objectionContact: '住房保障科 电话 0571-8800 1234（工作日 9:00—17:00）',
      },
    },
    {
      publishedDaysAgo: 40,
      content: {
        ...base,
        kind: 'publicity',
        title: `${year}年度建筑业企业资质动态核查结果公示`,
        summary: '对辖区内68家建筑业企业资质情况进行了动态核查，现将结果公示。',
        body: '经核查，65家企业符合资质标准；3家企业不再满足资质标准，已责令限期整改。具体名单见附件。',
        departmentId: 'construction',
        period: { start: day(-40), end: day(-33) },
        objectionContact: '建筑业管理科 电话 0571-8800 1260',
        attachments: [{ name: '资质核查结果名单.pdf', url: 'https://www.example.gov.cn/files/zzhc.pdf', sizeBytes: 183_204 }],
      },
    },
    {
      publishedDaysAgo: 12,
      content: {
        ...base,
        kind: 'workReport',
        title: `${year}年第三季度城市建设重点工作进展情况通报`,
        summary: '前三季度完成城建投资42.6亿元，老旧小区改造开工率100%。',
        body:
          '一、总体情况：前三季度全区完成城建投资42.6亿元，占年度计划的78%。\n' +
          '二、重点项目：老旧小区改造开工23个，开工率100%；既有住宅加装电梯完工96台。\n' +
          '三、存在问题：个别项目因管线迁改进度滞后，已协调相关单位限期完成。\n' +
          '四、下步工作：第四季度重点推进冬季施工安全和农民工工资支付保障。',
        departmentId: 'office',
      },
    },
    {
      publishedDaysAgo: 150,
      content: {
        ...base,
        kind: 'policy',
        title: '云溪区既有住宅加装电梯管理办法',
        summary: '规范既有住宅加装电梯的申请、审批、建设和使用管理。',
        body:
          '第一条 为改善既有住宅居住条件，方便居民生活，规范既有住宅加装电梯工作，制定本办法。\n' +
          '第二条 本办法所称既有住宅，是指本区范围内已建成投入使用、具有合法权属证明、未设电梯的四层及以上住宅。\n' +
          '第三条 加装电梯应当经本单元房屋专有部分面积占比三分之二以上且人数占比三分之二以上的业主同意。\n' +
          '第四条 本办法自发布之日起施行，有效期五年。',
        departmentId: 'policy',
        docNumber: `云建发〔${year}〕12号`,
        issuingBody: BUREAU_NAME,
        effectiveDate: today.subtract(150, 'day').format('YYYY-MM-DD'),
        validity: 'inForce',
        replacedById: null,
      },
    },
    {
      publishedDaysAgo: 900,
      content: {
        ...base,
        kind: 'policy',
        title: '云溪区物业服务收费管理暂行办法',
        summary: '已被新办法替代，仅供查阅。',
        body: '本办法已于新的物业服务收费管理办法施行之日起废止。',
        departmentId: 'market',
        docNumber: `云建发〔${year - 7}〕8号`,
        issuingBody: BUREAU_NAME,
        effectiveDate: `${year - 7}-03-01`,
        validity: 'repealed',
        replacedById: PROPERTY_FEE_MEASURES_ID,
      },
    },
    {
      id: PROPERTY_FEE_MEASURES_ID,
      publishedDaysAgo: 400,
      content: {
        ...base,
        kind: 'policy',
        title: '云溪区物业服务收费管理办法',
        summary: '规范住宅物业服务收费的定价、公示和监督，替代原暂行办法。',
        body:
          '第一条 为规范物业服务收费行为，保障业主和物业服务企业的合法权益，制定本办法。\n' +
          '第二条 物业服务收费应当遵循合理、公开以及费用与服务水平相适应的原则。\n' +
          '第三条 物业服务企业应当在物业管理区域内的显著位置公示服务内容、服务标准、收费项目和收费标准。\n' +
          '第四条 本办法自发布之日起施行。《云溪区物业服务收费管理暂行办法》同时废止。',
        departmentId: 'market',
        docNumber: `云建发〔${year - 1}〕3号`,
        issuingBody: BUREAU_NAME,
        effectiveDate: today.subtract(400, 'day').format('YYYY-MM-DD'),
        validity: 'inForce',
        replacedById: null,
      },
    },
    {
      publishedDaysAgo: 1,
      content: {
        ...base,
        kind: 'announcement',
        title: `关于${year + 1}年元旦期间政务服务窗口工作安排的通知`,
        summary: '元旦假期期间，行政审批窗口暂停现场受理，网上申请照常提交。',
        body:
          `${year + 1}年1月1日放假一天。假期期间，我局政务服务窗口暂停现场受理业务，小程序内的信息公开申请、办事预约可照常提交，节后第一个工作日起按受理顺序办理。\n\n` +
          '紧急事项请拨打值班电话：0571-8800 1200。',
        departmentId: 'office',
      },
    },
    {
      publishedDaysAgo: 30,
      content: {
        ...base,
        kind: 'guide',
        title: '既有住宅加装电梯备案',
        summary: '承诺件 · 5个工作日办结 · 不收费',
        // The guide says the 示范文本 can be downloaded: it is attached.
        attachments: [demoAttachment('demoElevatorFilingForm')],
        body: '为方便居民办理既有住宅加装电梯手续，现将备案事项办事指南公布如下。',
        departmentId: 'approval',
        guide: {
          approvalItem: '既有住宅加装电梯项目备案',
          legalBasis: '《云溪区既有住宅加装电梯管理办法》第六条至第九条',
          conditions: '四层及以上、未设电梯的既有住宅；本单元业主"双三分之二"同意；已完成设计方案公示且无未解决的实名异议。',
          procedure: '1. 提交申请材料；2. 窗口受理并审查；3. 现场踏勘（必要时）；4. 出具备案意见。',
          timeLimit: '受理后5个工作日内办结',
          fees: '不收费',
          materials: ['加装电梯申请书', '业主同意书及身份证明复印件', '设计方案及公示情况说明', '房屋安全性鉴定报告'],
          sampleForm: '申请书示范文本可在窗口领取，或在附件中下载。',
          contactPhone: '0571-8800 1230',
          processing: { type: 'promised', workingDays: 5 },
          location: { window: '区政务服务中心二楼 B12 窗口', address: '云溪区人民路88号', hours: '工作日 9:00—12:00，13:30—17:00', coordinates: SERVICE_CENTRE },
        },
      },
    },
    {
      publishedDaysAgo: 60,
      content: {
        ...base,
        kind: 'guide',
        title: '商品房预售资金监管账户查询',
        summary: '即办件 · 当场办结 · 不收费',
        body: '购房人可凭购房合同查询所购商品房项目的预售资金监管账户信息。',
        departmentId: 'market',
        guide: {
          approvalItem: '商品房预售资金监管账户信息查询',
          legalBasis: '《城市商品房预售管理办法》第十一条',
          conditions: '已签订商品房买卖合同的购房人，或经购房人书面委托的代理人。',
          procedure: '1. 出示身份证件和购房合同；2. 窗口当场查询并打印结果。',
          timeLimit: '即时办结',
          fees: '不收费',
          materials: ['居民身份证', '商品房买卖合同', '委托书（代办时）'],
          sampleForm: '',
          contactPhone: '0571-8800 1250',
          processing: { type: 'immediate' },
          location: { window: '区政务服务中心一楼 A05 窗口', address: '云溪区人民路88号', hours: '工作日 9:00—17:00', coordinates: SERVICE_CENTRE },
        },
      },
    },
    {
      publishedDaysAgo: 45,
      content: {
        ...base,
        kind: 'guide',
        title: '公共租赁住房申请',
        summary: '承诺件 · 20个工作日办结 · 不收费',
        body: '本区户籍或在本区稳定就业的住房困难家庭，可申请公共租赁住房实物配租或租赁补贴。',
        departmentId: 'approval',
        guide: {
          approvalItem: '公共租赁住房保障资格审核（实物配租、租赁补贴）',
          legalBasis: '《公共租赁住房管理办法》（住房和城乡建设部令第11号）第七条至第十三条；《云溪区公共租赁住房管理实施细则》',
          conditions: '申请人具有完全民事行为能力；家庭人均住房建筑面积低于15平方米；家庭人均月收入低于上年度全区城镇居民人均可支配收入的60%；申请前两年内无房产转让记录。',
          procedure: '1. 向户籍或工作所在地街道提交申请；2. 街道初审并入户调查；3. 区住房保障科复核；4. 公示7日；5. 无异议的发放保障资格确认书。',
          timeLimit: '受理后20个工作日内办结（公示时间不计算在内）',
          fees: '不收费',
          materials: [
            '公共租赁住房申请表（原件）',
            '家庭成员居民身份证、户口簿（复印件）',
            '婚姻状况证明（复印件）',
            '家庭收入证明或劳动合同（原件）',
            '现住房情况证明（租赁合同或房屋权属证明）',
            '个人征信授权书',
          ],
          sampleForm: '申请表填写示例：“申请类型”勾选“实物配租”或“租赁补贴”；“家庭成员”须列明共同居住的全部成员；“现住房情况”按租赁合同如实填写面积。',
          contactPhone: '0571-8800 1240',
          processing: { type: 'promised', workingDays: 20 },
          location: { window: '区政务服务中心二楼 B08 住房保障窗口', address: '云溪区人民路88号', hours: '工作日 9:00—12:00，13:30—17:00', coordinates: SERVICE_CENTRE },
        },
      },
    },
    {
      publishedDaysAgo: 75,
      content: {
        ...base,
        kind: 'guide',
        title: '建筑工程施工许可证核发',
        summary: '承诺件 · 3个工作日办结 · 不收费',
        body: '工程投资额在100万元以上或建筑面积在500平方米以上的房屋建筑工程，开工前须申领施工许可证。',
        departmentId: 'approval',
        guide: {
          approvalItem: '建筑工程施工许可证核发',
          legalBasis: '《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》（住房和城乡建设部令第18号）',
          conditions: '已办理用地批准手续；已取得建设工程规划许可证；施工场地已具备施工条件；已确定施工企业；有满足施工需要的技术资料；有保证工程质量和安全的具体措施。',
          procedure: '1. 在线提交申请；2. 窗口受理；3. 审查；4. 作出决定并制发电子证照。',
          timeLimit: '法定时限7日，承诺3个工作日内办结',
          fees: '不收费',
          materials: ['建筑工程施工许可证申请表', '建设工程规划许可证', '施工合同', '施工图设计文件审查合格书', '建设资金已落实承诺书', '质量安全监督手续'],
          sampleForm: '申请表中“建设规模”填写总建筑面积（平方米）及层数；“合同价格”与施工合同一致；建设单位须加盖公章。',
          contactPhone: '0571-8800 1232',
          processing: { type: 'promised', workingDays: 3 },
          location: { window: '区政务服务中心二楼 B10 工程建设窗口', address: '云溪区人民路88号', hours: '工作日 9:00—12:00，13:30—17:00', coordinates: SERVICE_CENTRE },
        },
      },
    },
    {
      publishedDaysAgo: 90,
      content: {
        ...base,
        kind: 'guide',
        title: '房屋租赁登记备案',
        summary: '即办件 · 当场办结 · 不收费',
        attachments: [demoAttachment('demoRentalContractForm')],
        body: '出租人和承租人应当在房屋租赁合同订立后30日内办理房屋租赁登记备案。',
        departmentId: 'market',
        guide: {
          approvalItem: '房屋租赁合同登记备案',
          legalBasis: '《商品房屋租赁管理办法》（住房和城乡建设部令第6号）第十四条',
          conditions: '已签订书面房屋租赁合同；出租房屋权属清晰，不属于违法建筑；符合本地出租房屋安全和人均面积要求。',
          procedure: '1. 出租人或承租人持材料到窗口（或在线）申请；2. 窗口核验材料；3. 材料齐全的当场出具房屋租赁登记备案证明。',
          timeLimit: '材料齐全的，当场办结',
          fees: '不收费',
          materials: ['房屋租赁合同', '房屋权属证书或其他合法权属证明', '出租人和承租人的身份证明', '委托书（委托代办时）'],
          sampleForm: '租赁合同建议使用《云溪区住房租赁合同示范文本》，写明租金、押金、租期及维修责任。',
          contactPhone: '0571-8800 1252',
          processing: { type: 'immediate' },
          location: { window: '区政务服务中心一楼 A07 窗口', address: '云溪区人民路88号', hours: '工作日 9:00—17:00（周六上午 9:00—12:00 延时服务）', coordinates: SERVICE_CENTRE },
        },
      },
    },
    {
      publishedDaysAgo: null,
      content: {
        ...base,
        kind: 'announcement',
        title: '关于开展住宅小区消防通道专项整治的通知（草稿）',
        summary: '尚未发布：拟于下月开展专项整治。',
        body: '为消除住宅小区消防安全隐患，拟于下月起开展为期两个月的消防通道专项整治行动。',
        departmentId: 'market',
      },
    },
    {
      publishedDaysAgo: 20,
      withdrawn: '公告内容中的报名时间有误，已撤回更正',
      content: {
        ...base,
        kind: 'announcement',
        title: '关于组织开展物业管理从业人员培训的通知',
        summary: '已撤回：报名时间有误。',
        body: '原定报名时间有误，以更正后的通知为准。',
        departmentId: 'market',
      },
    },
  ];
}
