import type { Messages } from './messages';

/** Each language is named in its own script, whatever language the screen speaks. */
const languageNames = { en: 'English', 'zh-Hant': '繁體中文', 'zh-Hans': '简体中文' };

/**
 * Words for the coded values people choose on one screen and read again on others: a complaint's
 * category on the complaints board, in the audit trail and in the complaints CSV; a customer's source
 * on the form, the profile and the customers CSV; a tier on the dashboard, the list's filter and the
 * export. Declared once here; the feature catalogues, the audit catalogue and the export catalogue
 * refer to these objects instead of repeating the words, so a label changed for one screen changes on
 * all, and an export reads as the screens do.
 */
const en = {
  satisfaction: {
    '0': 'Not satisfied',
    '1': 'Satisfied',
    '2': 'Will buy again',
    '3': 'Will bring friends',
  },
  visitChannels: {
    store: 'In store',
    phone: 'Phone',
    online: 'Online',
    delivery: 'Delivery',
  },
  contactMethods: {
    call: 'Call',
    message: 'Message',
    home_visit: 'Home visit',
  },
  complaintChannels: {
    in_person: 'In person',
    phone: 'Phone',
    message: 'Message',
    online: 'Online review',
    other: 'Other',
  },
  complaintCategories: {
    product_quality: 'Product quality',
    price: 'Price',
    service_attitude: 'Service attitude',
    slow_response: 'Slow response',
    missing_product: 'Missing product or service',
    environment: 'Environment',
    other: 'Other',
  },
  complaintSeverities: {
    low: 'Low',
    medium: 'Medium',
    high: 'High',
  },
  complaintStates: {
    open: 'Open',
    acknowledged: 'Acknowledged',
    resolved: 'Resolved',
    followed_up: 'Followed up',
    closed: 'Closed',
  },
  compensationKinds: {
    refund: 'Refund',
    discount: 'Discount',
    voucher: 'Voucher',
    gift: 'Gift',
    redo: 'Redo or replace',
    other: 'Other',
  },
  winBackOutcomes: {
    came_back: 'Coming back',
    declined: 'Declined',
    unreachable: 'Unreachable',
    no_answer: 'No answer',
  },
  lostReasons: {
    price: 'Price',
    discomfort: 'Small discomforts',
    missing_feature: 'Missing product or service',
    negative_encounter: 'A bad service experience',
    poor_response: 'Poor answer to a question or complaint',
    competitor: 'A competitor’s move',
    ethics: 'Ethical concerns',
    involuntary: 'Could not come (moved away, closed)',
  },
  referralRewardStates: {
    pending: 'Pending',
    earned: 'To hand over',
    given: 'Given',
    void: 'Void',
  },
  genders: { female: 'Female', male: 'Male', other: 'Other' },
  customerSources: {
    walk_in: 'Walk-in',
    referral: 'Referral',
    social_media: 'Social media',
    event: 'Event',
    online: 'Online',
    other: 'Other',
  },
  needTypes: { price: 'Price-oriented', value: 'Value-oriented', composite: 'Both' },
  visitKinds: { visit: 'Visit', contact: 'Contact' },
  tiers: { key: 'Key', major: 'Major', regular: 'Regular', small: 'Small' },
  quadrants: { apostle: 'Apostle', mercenary: 'Mercenary', hostage: 'Hostage', destroyer: 'Destroyer' },
  lapseStates: { active: 'Coming as usual', lapsed: 'Lapsed', lost: 'Lost' },
  reminderStatuses: { open: 'Open', done: 'Done', dismissed: 'Dismissed', obsolete: 'No longer needed' },
  promiseOutcomes: { kept: 'kept', broken: 'broken' },
  escalationStatuses: { requested: 'Waiting for the owner', approved: 'Approved by the owner', declined: 'Declined by the owner' },
  languages: languageNames,
  rewardKinds: { discount: 'Discount', gift: 'Gift', points: 'Points', thanks: 'Thank-you' },
};

const zhHant: Messages<typeof en> = {
  satisfaction: {
    '0': '不滿意',
    '1': '滿意',
    '2': '會再來買',
    '3': '會介紹朋友來',
  },
  visitChannels: {
    store: '店內',
    phone: '電話',
    online: '線上',
    delivery: '外送',
  },
  contactMethods: {
    call: '電話',
    message: '訊息',
    home_visit: '登門拜訪',
  },
  complaintChannels: {
    in_person: '現場',
    phone: '電話',
    message: '訊息',
    online: '網路評論',
    other: '其他',
  },
  complaintCategories: {
    product_quality: '產品品質',
    price: '價格',
    service_attitude: '服務態度',
    slow_response: '回應太慢',
    missing_product: '缺少想要的商品或服務',
    environment: '環境',
    other: '其他',
  },
  complaintSeverities: {
    low: '輕微',
    medium: '一般',
    high: '嚴重',
  },
  complaintStates: {
    open: '待處理',
    acknowledged: '已受理',
    resolved: '已解決',
    followed_up: '已回訪',
    closed: '已結案',
  },
  compensationKinds: {
    refund: '退款',
    discount: '折扣',
    voucher: '禮券',
    gift: '贈品',
    redo: '重做或更換',
    other: '其他',
  },
  winBackOutcomes: {
    came_back: '會回來',
    declined: '婉拒',
    unreachable: '聯絡不上',
    no_answer: '沒接',
  },
  lostReasons: {
    price: '價格',
    discomfort: '小地方不舒服',
    missing_feature: '缺少想要的商品或服務',
    negative_encounter: '一次不愉快的服務經驗',
    poor_response: '問題或投訴沒有好好回應',
    competitor: '競爭對手的動作',
    ethics: '道德上的疑慮',
    involuntary: '非自願（搬家、歇業）',
  },
  referralRewardStates: {
    pending: '待達成',
    earned: '待發放',
    given: '已發放',
    void: '已作廢',
  },
  genders: { female: '女', male: '男', other: '其他' },
  customerSources: {
    walk_in: '路過進店',
    referral: '朋友介紹',
    social_media: '社群媒體',
    event: '活動',
    online: '網路',
    other: '其他',
  },
  needTypes: { price: '重價格', value: '重價值', composite: '兩者兼具' },
  visitKinds: { visit: '來店', contact: '聯絡' },
  tiers: { key: '核心客戶', major: '主要客戶', regular: '普通客戶', small: '小客戶' },
  quadrants: { apostle: '傳道者', mercenary: '圖利者', hostage: '囚禁者', destroyer: '破壞者' },
  lapseStates: { active: '照常來店', lapsed: '久未上門', lost: '已流失' },
  reminderStatuses: { open: '待辦', done: '已完成', dismissed: '已略過', obsolete: '不再需要' },
  promiseOutcomes: { kept: '守約', broken: '失約' },
  escalationStatuses: { requested: '等待店主決定', approved: '店主已核准', declined: '店主已駁回' },
  languages: languageNames,
  rewardKinds: { discount: '折扣', gift: '贈品', points: '點數', thanks: '致謝' },
};

const zhHans: Messages<typeof en> = {
  satisfaction: {
    '0': '不满意',
    '1': '满意',
    '2': '会再来买',
    '3': '会介绍朋友来',
  },
  visitChannels: {
    store: '店内',
    phone: '电话',
    online: '线上',
    delivery: '外卖',
  },
  contactMethods: {
    call: '电话',
    message: '消息',
    home_visit: '上门拜访',
  },
  complaintChannels: {
    in_person: '现场',
    phone: '电话',
    message: '消息',
    online: '网络评价',
    other: '其他',
  },
  complaintCategories: {
    product_quality: '产品质量',
    price: '价格',
    service_attitude: '服务态度',
    slow_response: '响应太慢',
    missing_product: '缺少想要的商品或服务',
    environment: '环境',
    other: '其他',
  },
  complaintSeverities: {
    low: '轻微',
    medium: '一般',
    high: '严重',
  },
  complaintStates: {
    open: '待处理',
    acknowledged: '已受理',
    resolved: '已解决',
    followed_up: '已回访',
    closed: '已结案',
  },
  compensationKinds: {
    refund: '退款',
    discount: '折扣',
    voucher: '礼券',
    gift: '赠品',
    redo: '重做或更换',
    other: '其他',
  },
  winBackOutcomes: {
    came_back: '会回来',
    declined: '婉拒',
    unreachable: '联系不上',
    no_answer: '没接',
  },
  lostReasons: {
    price: '价格',
    discomfort: '小地方不舒服',
    missing_feature: '缺少想要的商品或服务',
    negative_encounter: '一次不愉快的服务体验',
    poor_response: '问题或投诉没有得到好的回应',
    competitor: '竞争对手的动作',
    ethics: '道德上的顾虑',
    involuntary: '非自愿（搬家、停业）',
  },
  referralRewardStates: {
    pending: '待达成',
    earned: '待发放',
    given: '已发放',
    void: '已作废',
  },
  genders: { female: '女', male: '男', other: '其他' },
  customerSources: {
    walk_in: '路过进店',
    referral: '朋友介绍',
    social_media: '社交媒体',
    event: '活动',
    online: '网络',
    other: '其他',
  },
  needTypes: { price: '重价格', value: '重价值', composite: '两者兼顾' },
  visitKinds: { visit: '到店', contact: '联系' },
  tiers: { key: '核心客户', major: '主要客户', regular: '普通客户', small: '小客户' },
  quadrants: { apostle: '传道者', mercenary: '图利者', hostage: '囚禁者', destroyer: '破坏者' },
  lapseStates: { active: '照常到店', lapsed: '久未上门', lost: '已流失' },
  reminderStatuses: { open: '待办', done: '已完成', dismissed: '已忽略', obsolete: '不再需要' },
  promiseOutcomes: { kept: '守约', broken: '失约' },
  escalationStatuses: { requested: '等待店主决定', approved: '店主已批准', declined: '店主已驳回' },
  languages: languageNames,
  rewardKinds: { discount: '折扣', gift: '赠品', points: '积分', thanks: '致谢' },
};

export const vocabulary = { en, 'zh-Hant': zhHant, 'zh-Hans': zhHans };

export type Vocabulary = Messages<typeof en>;
