// Synthetic corpora for the benchmark: Chinese news about the Xiaomi SU7/YU7 presale story
// at any size (1k, 10k, 30k…), deterministic from a seed. Nothing is stored: every article
// is generated on demand from (seed, index), so a 30k corpus costs a few MB of metadata.
//
// Mix: ~15% off-topic items (esports, property, phones, other brands), ~10% reprints of an
// earlier story across outlets (the Traditional outlet converts them), the rest original
// story articles built from clause pools with the story's vocabulary and figures.
// Articles are published in index order between 2024-03-28 and 2025-07, spread over the five
// demo outlets (pipeline/demo/outlets.ts renders them) and split into feeds of ≤ FEED_PART items.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { hash32 } from '../demo/chrome.ts';
import { demoArticlePath, toHongKongTraditional, type DemoEntry, type DemoTopic } from '../demo/corpus.ts';
import { CHINA_TIME_ZONE } from '../../src/lib/time-zone.ts';

/** The bench generates the default story's corpus: its outlets write times in its zone. */
export const BENCH_TIME_ZONE = CHINA_TIME_ZONE;
import { OUTLETS, OUTLET_IDS, type OutletId } from '../demo/outlet-info.ts';

/** Items per feed (the feed parser reads at most 2000 per feed). */
export const FEED_PART = 1000;
export const OFF_TOPIC_SHARE = 0.15;
export const REPRINT_SHARE = 0.10;
/** Story items that rework a recent story (a follow-up keeping half its paragraphs): the near-duplicates. */
export const REWRITE_SHARE = 0.04;

/** Outlet weights: the car portals publish most, the Hong Kong and finance sites less. */
const OUTLET_WEIGHTS: [OutletId, number][] = [['cheping', 0.26], ['kejiqianxian', 0.22], ['nanfang', 0.2], ['gangao', 0.14], ['chengshi', 0.18]];

const START = Date.parse('2024-03-28T12:00:00Z'); // 20:00 in China
const SPAN_MS = Date.parse('2025-07-31T15:00:00Z') - START;

export type ItemKind = 'story' | 'offtopic' | 'reprint';
export type BenchItem = {
  index: number;
  outlet: OutletId;
  /** Position among the outlet's items (oldest first); part = floor(ordinal / FEED_PART). */
  ordinal: number;
  kind: ItemKind;
  /** For a reprint: the index of the original (an earlier story item of another outlet). */
  reprintOf?: number;
  /** For a follow-up: the recent story whose paragraphs it half keeps. */
  basedOn?: number;
  publishedAt: Date;
  slug: string;
  path: string;
};

// ---------------------------------------------------------------------------------------------
// deterministic randomness

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, ...keys: (string | number)[]): () => number {
  return mulberry32(hash32(`${seed}:${keys.join(':')}`));
}

type Rng = () => number;
const pickOne = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const between = (r: Rng, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

// ---------------------------------------------------------------------------------------------
// vocabulary

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '成都', '武汉', '南京', '西安', '重庆', '苏州', '天津', '长沙', '郑州', '青岛', '厦门', '合肥', '济南', '福州', '昆明', '沈阳', '大连', '宁波', '东莞', '佛山', '无锡', '南昌', '贵阳', '南宁', '太原', '石家庄', '哈尔滨', '海口', '温州', '珠海'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高', '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '萧', '田', '董'];
const GIVEN = ['启航', '晓彤', '嘉怡', '子涵', '浩然', '雨萱', '思远', '文博', '一鸣', '欣怡', '俊杰', '梦瑶', '天宇', '佳琪', '志强', '丽娜', '建国', '海燕', '明轩', '若曦'];
const ROLES = ['车主', '准车主', '消费者', '用户', '购车人', '网友', '小米粉丝', '上班族'];
const MEDIA = ['新京报', '澎湃新闻', '第一财经', '界面新闻', '每日经济新闻', '21世纪经济报道', '中国消费者报', '南方都市报', '红星新闻', '财联社', '证券时报', '经济观察报'];
const PLATFORMS = ['闲鱼', '二手平台', '某二手交易平台', '社交平台', '短视频平台', '车主群', '小红书', '微博超话'];
const REGULATORS = ['当地市场监管部门', '12315平台', '消费者协会', '省消保委', '市场监管局', '消委会'];
const MODELS = ['小米SU7', '小米SU7', 'SU7 Pro', 'SU7 Max', 'SU7 Ultra', '小米YU7', '小米SU7标准版'];
const COLORS = ['海湾蓝', '橄榄绿', '霞光紫', '熔岩橙', '雅灰', '钻石黑', '珍珠白', '流金粉'];
const ORDERS = ['88898台', '5万台', '7.5万台', '10万台', '24万台', '20万台', '12万台', '3.6万台', '4万台', '8000多台', '1万台', '15万台', '28.9万台', '6.8万台'];
const PRICES = ['21.59万元', '24.59万元', '29.99万元', '52.99万元', '25.35万元', '32.99万元', '21.99万元', '27.99万元'];
const DEPOSITS = ['5000元', '5000元', '5000元', '2万元', '1万元', '3000元'];
const PREMIUMS = ['3万元', '2万元', '1万元', '5万元', '8000元', '1.5万元', '4万元', '6万元', '2.5万元', '9000元'];
const PEOPLE = ['469位', '200多名', '1200多名', '近百名', '300余名', '50多位', '数千名', '800多位'];
const COMPLAINTS = ['2000件', '1500余件', '3000多件', '600余件', '4200件', '900多件'];
const WEEKS = ['4至7周', '20至23周', '30至33周', '半年以上', '一年左右', '8至10周', '27至30周'];
const HOURS = ['24小时', '27分钟', '18小时', '3分钟', '1小时', '72小时', '一周'];
const DAYS = ['7天', '7天', '15天', '3天', '10天'];
const POINTS = ['2万', '1万', '5000', '3万'];
const PCTS = ['12%', '30%', '45%', '近六成', '超过一半', '两成', '8%', '三分之一'];
const TARGETS = ['10万台', '12万台', '13万台', '30万台', '35万台'];

/** Slots: {city} {name} {role} {media} {platform} {regulator} {model} {color} {orders} {price} … */
function fill(r: Rng, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'city': return pickOne(r, CITIES);
      case 'surname': return pickOne(r, SURNAMES);
      case 'name': return pickOne(r, SURNAMES) + pickOne(r, GIVEN);
      case 'role': return pickOne(r, ROLES);
      case 'media': return pickOne(r, MEDIA);
      case 'platform': return pickOne(r, PLATFORMS);
      case 'regulator': return pickOne(r, REGULATORS);
      case 'model': return pickOne(r, MODELS);
      case 'color': return pickOne(r, COLORS);
      case 'orders': return pickOne(r, ORDERS);
      case 'price': return pickOne(r, PRICES);
      case 'deposit': return pickOne(r, DEPOSITS);
      case 'premium': return pickOne(r, PREMIUMS);
      case 'people': return pickOne(r, PEOPLE);
      case 'complaints': return pickOne(r, COMPLAINTS);
      case 'weeks': return pickOne(r, WEEKS);
      case 'hours': return pickOne(r, HOURS);
      case 'days': return pickOne(r, DAYS);
      case 'points': return pickOne(r, POINTS);
      case 'pct': return pickOne(r, PCTS);
      case 'target': return pickOne(r, TARGETS);
      case 'month': return String(between(r, 1, 12));
      case 'day': return String(between(r, 1, 28));
      case 'n': return String(between(r, 2, 99));
      case 'k': return String(between(r, 3, 60) * 100);
      case 'age': return String(between(r, 23, 58));
      default: return slot;
    }
  });
}

const LEADS = [
  '{month}月{day}日，', '{month}月{day}日晚间，', '{month}月{day}日上午，', '记者{day}日从{city}多家门店了解到，', '据{media}报道，',
  '在{platform}上，', '今年{month}月以来，', '截至{month}月{day}日，', '{city}的{role}{surname}先生告诉记者，', '{city}一位{role}向本报反映，',
  '有业内人士向记者透露，', '据不完全统计，', '另据{media}消息，', '记者注意到，', '值得注意的是，', '与此同时，', '{city}的{surname}女士说，',
  '一位不愿具名的销售顾问称，', '从{city}方面获悉，', '公开信息显示，', '据{media}记者调查，', '业内普遍认为，', '{age}岁的{role}{name}回忆，',
];

const CORES: Record<DemoTopic, string[]> = {
  sales: [
    '小米汽车宣布{model}上市{hours}内大定突破{orders}', '{model}的锁单量已超过{orders}，交付周期延长至{weeks}', '小米官方公布{model}售价为{price}起，用户支付{deposit}定金即可下单',
    '雷军在微博透露{model}累计锁单{orders}，全年交付目标上调至{target}', '{city}的小米之家门店里，前来看车和下单的消费者络绎不绝', '多家门店的销售人员表示，{model}的现车十分紧张，新下单用户需要等待{weeks}',
    '小米汽车工厂二期投产后，月交付量有望提升至{orders}', '{model}的{color}车型最受欢迎，订单占比达到{pct}', '小米方面称产能正在爬坡，首批订单将按锁单先后顺序交付',
    '部分用户在发布会当晚匆忙下单，第二天才开始研究配置和协议内容', '{model}开启预售后，官方App一度因访问量过大出现排队提示', '小米汽车当月交付量突破{orders}，连续数月保持增长',
    '首批{model}在{city}交付中心集中交车，现场有{n}位车主提车', '小米将{model}的交付周期由{weeks}调整为{weeks}，引来订单用户关注', '不少消费者在大定后持续关注排产进度，希望尽快提车',
    '{model}上市首日即开启交付，预计{month}月起大规模交付', '发布会公布的{price}起售价低于市场此前预期，被认为将对同级车型形成压力', '小米汽车表示，已锁单的订单会按照锁单时间排产',
    '有券商分析师测算，{model}的毛利率有望在交付量提升后转正', '{city}一家门店的店长说，近期每天接待试驾超过{n}组', '新车定价公布后，订单数量在{hours}内迅速攀升到{orders}',
  ],
  refunds: [
    '用户在锁单后申请退订，{deposit}定金被告知不予退还', '小米汽车将首批订单的犹豫期延长至{days}，期间可无理由退订', '有{people}用户在犹豫期内提交了退订或改配申请',
    '客服表示，锁定订单后定金原则上不退，但可以协商改配', '律师指出，定金和订金在法律上性质不同，前者具有担保作用', '不少准车主担心，一旦误触锁单，{deposit}就拿不回来了',
    '{surname}先生称自己在犹豫期最后一天点了退订，但款项迟迟没有原路返回', '按照订购协议，大定转为锁单后配置不可再改，定金不可退', '小定属于意向金，通常可以退还，而大定的退还会受到限制',
    '{role}{name}表示，{deposit}的定金虽然不多，但“锁单”两个字让人心里没底', '有用户反映，退款申请提交后{n}个工作日才到账', '律师建议，消费者点击确认锁单前应截图保存订购页面和协议条款',
    '部分用户因误触锁单按钮，要求撤回订单并退还定金', '小米客服解释称，犹豫期内退订的，定金将在{n}个工作日内退回', '按照民法典规定，收受定金一方违约的，应当双倍返还定金',
    '一位{role}说，自己在{hours}后才发现锁单后定金不退，想取消订单已经来不及', '{city}的{surname}女士称，她在犹豫期内退订，{deposit}定金已全额退回', '有人把改配当作退订的折中办法，希望不损失定金',
    '业内人士表示，新势力车企普遍设有犹豫期，但规则各不相同', '针对定金不退的质疑，小米方面称会根据具体情况处理', '消费者协会提醒，支付定金前要弄清退订条件和期限',
  ],
  resale: [
    '在{platform}上，有卖家挂出{model}的锁单订单，加价{premium}转让', '黄牛声称可以“包提车”，收取{premium}的转单费', '小米汽车发布声明，严禁任何形式的订单转售，一经发现将取消订单',
    '一份提前提车的优先购车权被炒到{premium}', '有买家花了{premium}接手他人订单，提车时却被要求本人到场', '业内人士提醒，转让订单需要变更购车人信息，存在较大风险',
    '{platform}上出现大量“{model}订单转让”的帖子，标价从{premium}到{premium}不等', '有黄牛在{city}囤单，再以溢价转卖给急于提车的消费者', '卖家称转让后可协助修改购车人信息，买家需另付{premium}手续费',
    '小米方面表示，订单仅限本人提车，转售订单存在无法交付的风险', '记者以买家身份联系一名卖家，对方开价{premium}出售一份{model}订单', '部分准新车在二手平台加价{premium}出售，被指“炒车”',
    '有用户转手订单后，卖家迟迟不退还转让费', '{city}一名{role}称，自己花{premium}买到的提车名额最终被官方取消', '炒单行为让不少真正想买车的消费者排队时间更长',
    '平台方表示已下架数百条涉嫌倒卖订单的商品', '有人在{platform}兜售“插队提车”服务，价格在{premium}左右', '二手车商透露，{model}现车的溢价已从高峰时的{premium}回落',
  ],
  disputes: [
    '{people}车主联名向{regulator}投诉，要求小米给出说法', '黑猫投诉平台上与{model}相关的投诉已超过{complaints}', '购车人起诉小米汽车，要求双倍返还定金，{city}法院一审判决支持其诉求',
    '小米汽车客服回应称，已关注到用户反映的问题，将尽快给出处理方案', '选装碳纤维前舱盖的车主认为宣传不实，集体要求退款', '小米随后宣布向相关车主补偿{points}积分，并致歉',
    '{regulator}表示已介入调查，并约谈了企业相关负责人', '维权车主在车主群里整理了证据，准备走法律途径', '律师认为，格式条款中免除企业责任的约定可能无效',
    '有{role}表示，对小米给出的补偿方案并不买账', '这起纠纷最终以双方和解告终，小米退还了定金', '{city}消费者协会发布消费提示，提醒谨慎对待预售条款',
    '一名车主向{regulator}申诉后，{n}天内收到了企业的回复', '多位车主质疑宣传与实际不符，认为自己的知情权受到侵害', '法院审理认为，企业在订购页面未充分提示定金规则',
    '小米汽车发布致歉声明，称将优化订购流程的提示说明', '投诉内容主要集中在定金不退、交付延期和宣传不实三个方面', '争议发生后，小米调整了锁单页面的提示，增加二次确认',
  ],
};

const GENERIC = [
  '分析人士认为，新势力品牌的订单数据需要结合交付量一起看', '汽车行业观察人士指出，预售模式在提升热度的同时也放大了风险', '有经销商表示，这种情况在新车上市初期并不少见',
  '记者就此联系小米汽车，截至发稿尚未获得回复', '多位受访者希望企业在规则上更透明一些', '业内专家建议，车企应当在用户下单前充分说明相关规则',
  '从目前情况看，事件仍在发酵之中', '对于普通消费者来说，理性下单比抢先下单更重要', '也有声音认为，企业和用户之间需要更多沟通',
  '该话题在社交媒体上的阅读量已超过{n}亿次', '在{city}，类似的咨询电话近期明显增多', '不少网友在评论区分享了自己的购车经历',
];

const TAILS = [
  '，引发网友热议', '，这一说法在车主群里引起不小争议', '，相关话题一度登上热搜', '，不少人表示“没想到会这样”', '，此事仍在进一步处理中',
  '，这也让不少观望的消费者更加谨慎', '，但具体细节仍有待官方确认', '，{role}对此看法不一', '，{media}对此进行了跟踪报道',
];

const QUOTES = [
  '当时就是一冲动，没想到后面这么麻烦', '我只是想要一个明确的说法', '规则写在协议里，但没人会一条条去看', '等了{weeks}，终于提到车了',
  '转让订单的人太多了，真假很难分辨', '定金不多，但这个过程让人很不舒服', '希望厂家能把规则说得再清楚一点', '我们会继续通过正规渠道维权',
  '这个价格确实很有诚意', '提车那天心情还是很激动的', '先锁单再说，反正还有犹豫期',
];

const TITLES: Record<DemoTopic, string[]> = {
  sales: ['{model}上市{hours}大定突破{orders}', '{model}交付周期延长至{weeks}，门店现车紧张', '小米汽车{month}月交付量达{orders}', '{model}售价{price}起，{deposit}定金开启预订', '雷军：{model}锁单{orders}，全年目标上调', '{city}探店：{model}订单火爆，提车要等{weeks}'],
  refunds: ['锁单后{deposit}定金不退？{model}准车主犯了难', '小米汽车犹豫期延长至{days}，{people}用户申请退订', '误触锁单怎么办？律师解读定金与订金', '{model}退订调查：定金能不能拿回来', '定金退还遇阻，{city}车主：等了{n}天还没到账'],
  resale: ['{model}订单被加价{premium}转售，小米：严禁倒卖', '{platform}惊现{model}订单转让，黄牛开价{premium}', '优先购车权炒到{premium}，谁在炒单？', '花{premium}买来的订单被取消，{city}买家维权难', '调查｜{model}订单转让产业链'],
  disputes: ['{model}车主集体投诉：宣传不实要求退款', '小米回应{model}争议：补偿{points}积分并致歉', '定金纠纷案宣判：法院判决双倍返还', '{regulator}介入{model}投诉，{people}车主维权', '黑猫投诉超{complaints}，{model}争议背后'],
};

// Off-topic: other subjects entirely (never the story's subject words), so a trivial filter agrees.
const OFF_TOPIC: { kind: string; titles: string[]; cores: string[] }[] = [
  {
    kind: 'esports', titles: ['LPL春季赛决赛门票开售，{n}分钟售罄', '{city}战队官宣新阵容，冲击全球总决赛', '电竞酒店火了：一晚房价堪比五星级'],
    cores: ['{city}战队在季后赛中以3比{n}战胜对手，时隔{n}年再次闯入决赛', '新赛季转会窗口开启，多支战队完成了阵容调整', '赛事主办方表示，今年的总决赛将在{city}举行', '电竞酒店在{city}的数量一年内增长了{pct}', '职业选手的平均年龄只有{n}岁，退役后的出路成为话题', '决赛门票开售后{n}分钟内全部售罄，黄金座位一票难求', '英雄联盟新版本上线后，多名选手在直播中调整了打法', '俱乐部负责人透露，青训营今年招收了{n}名新人'],
  },
  {
    kind: 'property', titles: ['{city}发布购房新政，二套房首付比例下调', '{city}二手房挂牌量连升{n}个月', '土地拍卖遇冷，{city}多宗宅地底价成交'],
    cores: ['{city}楼市新政明确，首套房首付比例下调至{pct}', '二手房挂牌量连续上升，业内称买方市场显现', '多家房企公布了前{n}个月的销售成绩单', '{city}一处新楼盘开盘当天去化率只有{pct}', '公积金贷款额度上调后，首套房最高可贷金额提高到{n}0万元', '房价企稳的城市数量有所增加，但分化依旧明显', '中介门店的带看量比上月增加了{pct}', '土地市场整体降温，部分地块以底价成交'],
  },
  {
    kind: 'phones', titles: ['新一代折叠屏手机曝光，铰链结构再升级', '千元机市场再起波澜，多款新机主打续航', '旗舰手机影像横评：夜景拍摄谁更强'],
    cores: ['新机搭载了最新一代骁龙处理器，电池容量提升到{k}0毫安时', '折叠屏手机的出货量同比增长{pct}，价格持续下探', '多家厂商在{city}召开新品发布会，主打长续航和影像', '手机以旧换新补贴落地后，门店客流明显增加', '第三方机构数据显示，本季度智能手机出货量环比回升', '新机的屏幕亮度达到{k}尼特，户外可视性更好', '红米新机首销{n}分钟售罄，渠道备货偏紧', '评测显示，这款手机的快充{n}分钟可以充满'],
  },
  {
    kind: 'other-brand', titles: ['问界新车型上市，订单突破{n}万台', '蔚来换电站累计超{k}座', '比亚迪{month}月销量再创新高'],
    cores: ['问界方面表示，新车上市{n}小时订单突破{n}千台', '蔚来宣布换电站数量达到{k}座，覆盖更多高速服务区', '比亚迪{month}月新能源汽车销量同比增长{pct}', '理想汽车称将在{city}新开{n}家零售中心', '特斯拉Model Y推出限时低息金融方案', '小鹏汽车的智驾版本在{city}开放测试', '乘联会数据显示，新能源汽车渗透率连续{n}个月超过五成', '零跑汽车月交付量首次突破{n}千台'],
  },
];


// ---------------------------------------------------------------------------------------------
// filler: news-register sentences from jieba's own dictionary (words by part of speech), so
// articles differ the way real ones do. Without it every article would share most of its
// word 3-shingles with every other and the reprint detector would see a corpus of duplicates.

type Lexicon = Record<'n' | 'v' | 'vn' | 'a' | 'd' | 't' | 'ns' | 'nt', string[]>;
let lexicon: Lexicon | undefined;
const TOP: Record<keyof Lexicon, number> = { n: 3000, v: 2000, vn: 1000, a: 600, d: 200, t: 0, ns: 400, nt: 300 };
const TIMES = ['近日', '目前', '今年以来', '上半年', '日前', '此前', '近期', '随后', '同期', '当天', '去年', '本周', '上月', '年初', '一季度'];

/** Words the classifier reacts to stay out of filler, so filler never changes an article's relevance. */
const RESERVED = /小米|汽车|车|订|定|单|退|转|售|卖|黄牛|维权|投诉|诉|法院|判|赔|补偿|积分|交付|提|价|款|监管|消协|消费|权|手机|房|楼|电竞|战队|赛|股|财报|营收|事故|碰撞|起火|智驾|驾驶|高速|回应|道歉|致歉|质疑|不满|争议|纠纷|风波|陷阱|声明|政策|规则|调整|延长|解释|表态|集体|群|举报|仲裁|介入|报警|被骗|受骗|申诉|说法|条款|和解|调解|达成|结案|产能|销量|发布|上市|首发|门店|累计|预售|平台|二手|溢价|差价|炒|囤|插队|接手|挂出|过户|手续费|现车|严禁|机盖|舱盖|风道|碳纤维|犹豫|冷静|考虑期|误触|改配|冻结|到账|返还|拿回|要回|认亏|兜售|渗透率|同比|乘联会|问界|理想|蔚来|特斯拉|比亚迪|小鹏|极氪|华为|零跑|红米|骁龙/;

function loadLexicon(): Lexicon {
  if (lexicon) return lexicon;
  const require = createRequire(import.meta.url);
  const dict = path.join(path.dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/jieba.dict.utf8');
  const byPos = new Map<string, [string, number][]>();
  for (const line of readFileSync(dict, 'utf8').split('\n')) {
    const [word, freq, pos] = line.split(' ');
    if (!word || !pos || !(pos in TOP) || !/^[\u4e00-\u9fa5]{2,4}$/.test(word) || RESERVED.test(word)) continue;
    let list = byPos.get(pos);
    if (!list) byPos.set(pos, list = []);
    list.push([word, Number(freq)]);
  }
  const out = {} as Lexicon;
  for (const pos of Object.keys(TOP) as (keyof Lexicon)[]) {
    out[pos] = (byPos.get(pos) ?? []).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP[pos]).map(([w]) => w);
  }
  out.t = TIMES;
  lexicon = out;
  return out;
}

const FILLER_PATTERNS = [
  '{t}，{ns}{n}{d}{v}{n}，{v}{a}的{vn}', '{n}{d}{v}了{a}的{n}，并{v}{n}', '{nt}表示，{n}{v}{n}的{n}{d}{a}', '{ns}{n}的{n}{d}{v}，{n}{v}{vn}',
  '在{n}{v}的{n}中，{n}{d}{v}{n}', '{n}与{n}{d}{v}{vn}，{v}{n}{vn}', '{t}以来，{n}{d}{v}{n}，{n}的{vn}{d}{a}', '{n}{v}{n}，{a}{n}{d}{v}',
  '围绕{n}和{n}，{nt}{d}{v}了{vn}', '{ns}方面{v}，{n}{vn}{d}{a}', '{d}{v}{n}的{n}，{d}{v}{n}', '从{n}来看，{n}{vn}{d}{a}，{n}{d}{v}',
];

function fillerSentence(r: Rng): string {
  const lex = loadLexicon();
  return pickOne(r, FILLER_PATTERNS).replace(/\{(\w+)\}/g, (_, pos: keyof Lexicon) => pickOne(r, lex[pos])) + '。';
}

// ---------------------------------------------------------------------------------------------
// text

type Text = { title: string; author: string; paragraphs: string[]; topics: DemoTopic[] };

/** A core that already names its speaker or starts with a slot takes no lead ("据…报道，"). */
const SPEAKS = /^(\{|[^，]{0,14}(表示|称|说|透露|指出|认为|建议|解释|回忆|提醒))/;

function sentence(r: Rng, cores: readonly string[], used: Set<string>): string {
  let core = pickOne(r, cores);
  for (let tries = 0; tries < 4 && used.has(core); tries++) core = pickOne(r, cores);
  used.add(core);
  const lead = r() < 0.55 && !SPEAKS.test(core) ? pickOne(r, LEADS) : '';
  const tail = r() < 0.3 ? pickOne(r, TAILS) : '';
  if (r() < 0.08 && !SPEAKS.test(core)) {
    const q = pickOne(r, QUOTES);
    return fill(r, `“${q}，”{role}{surname}${r() < 0.5 ? '先生' : '女士'}说，${core}${tail}。`);
  }
  return fill(r, `${lead}${core}${tail}。`);
}

/**
 * Share of a story article's sentences drawn from the story's clause pools. The pools are small,
 * so two articles on the same topic share some of them whatever their dates; at a third of all
 * sentences the number of near-duplicate pairs grew with the square of the corpus (104 at 1k,
 * 1,492 at 4k), which no real corpus does. At this share chance near-duplicates are rare; the
 * near-duplicates come from follow-ups (REWRITE_SHARE), in proportion to the corpus.
 */
const STORY_SHARE = 0.2;

function storyText(seed: number, index: number): Text {
  const r = rngFor(seed, 'story', index);
  const topicsAll: DemoTopic[] = ['sales', 'refunds', 'resale', 'disputes'];
  const main = pickOne(r, topicsAll);
  const second = r() < 0.6 ? pickOne(r, topicsAll.filter((t) => t !== main)) : undefined;
  const topics = second ? [main, second] : [main];
  const paragraphs: string[] = [];
  const used = new Set<string>();
  const n = between(r, 7, 12);
  for (let p = 0; p < n; p++) {
    const k = between(r, 3, 5);
    let para = '';
    for (let s = 0; s < k; s++) {
      // Story sentences carry the vocabulary and figures; filler makes each article its own text.
      const x = p === 0 && s < 2 ? 0 : r();
      if (x < STORY_SHARE) para += sentence(r, CORES[r() < 0.7 || !second ? main : second], used);
      else if (x < STORY_SHARE + 0.04) para += sentence(r, GENERIC, used);
      else para += fillerSentence(r);
    }
    paragraphs.push(para);
  }
  // The lead names the subject, so every story item is unmistakably on the story.
  paragraphs[0] = fill(r, `{month}月{day}日，{model}相关话题再次引发关注。`) + paragraphs[0];
  return { title: fill(r, pickOne(r, TITLES[main])), author: fill(r, `记者 {name}`), paragraphs, topics };
}

function offTopicText(seed: number, index: number): Text {
  const r = rngFor(seed, 'off', index);
  const kind = pickOne(r, OFF_TOPIC);
  const paragraphs: string[] = [];
  const leads = LEADS.filter((l) => !l.includes('{role}'));
  const n = between(r, 4, 7);
  for (let p = 0; p < n; p++) {
    const k = between(r, 2, 4);
    let para = '';
    for (let s = 0; s < k; s++) {
      const lead = r() < 0.4 ? pickOne(r, leads) : '';
      para += r() < 0.4 ? fill(r, `${lead}${pickOne(r, kind.cores)}。`) : fillerSentence(r);
    }
    paragraphs.push(para);
  }
  return { title: fill(r, pickOne(r, kind.titles)), author: fill(r, '记者 {name}'), paragraphs, topics: [] };
}

// ---------------------------------------------------------------------------------------------
// the corpus

export class BenchCorpus {
  readonly seed: number;
  readonly items: BenchItem[] = [];
  private readonly perOutlet = new Map<OutletId, number[]>();
  private readonly cache = new Map<number, DemoEntry>();
  /** Time between articles: the initial corpus spans the story; grown articles come after. */
  private readonly step: number;

  constructor(size: number, seed = 1) {
    this.seed = seed;
    this.step = SPAN_MS / Math.max(size, 1);
    for (const id of OUTLET_IDS) this.perOutlet.set(id, []);
    this.grow(size);
  }

  get size(): number { return this.items.length; }

  /** Publish `n` more articles after the newest (indices size … size+n-1). Earlier items never change. */
  grow(n: number): BenchItem[] {
    const added: BenchItem[] = [];
    const target = this.items.length + n;
    for (let i = this.items.length; i < target; i++) {
      const r = rngFor(this.seed, 'meta', i);
      let x = r(), outlet: OutletId = OUTLET_WEIGHTS[0]![0];
      for (const [id, w] of OUTLET_WEIGHTS) { if (x < w) { outlet = id; break; } x -= w; }
      const roll = r();
      let kind: ItemKind = roll < OFF_TOPIC_SHARE ? 'offtopic' : roll < OFF_TOPIC_SHARE + REPRINT_SHARE ? 'reprint' : 'story';
      let reprintOf: number | undefined;
      // Published in index order, with jitter inside the step.
      let publishedAt = new Date(START + Math.floor((i + r() * 0.9) * this.step));
      let basedOn: number | undefined;
      if (kind === 'story' && r() < REWRITE_SHARE / (1 - OFF_TOPIC_SHARE - REPRINT_SHARE) && i > 0) {
        const cand = this.items[i - 1 - Math.floor(r() * Math.min(i, 30))];
        if (cand && cand.kind === 'story' && cand.basedOn === undefined) basedOn = cand.index;
      }
      if (kind === 'reprint') {
        // A recent story of another outlet, republished later.
        for (let tries = 0; tries < 40 && i > 0; tries++) {
          const cand = this.items[i - 1 - Math.floor(r() * Math.min(i, 40))];
          if (cand && cand.kind === 'story' && cand.outlet !== outlet) { reprintOf = cand.index; break; }
        }
        if (reprintOf === undefined) kind = 'story';
        else publishedAt = new Date(Math.max(publishedAt.getTime(), this.items[reprintOf]!.publishedAt.getTime() + 60_000));
      }
      const list = this.perOutlet.get(outlet)!;
      const slug = `${kind === 'offtopic' ? 'news' : 'su7'}-${i.toString(36).padStart(4, '0')}`;
      const item: BenchItem = { index: i, outlet, ordinal: list.length, kind, ...(reprintOf !== undefined ? { reprintOf } : {}), ...(basedOn !== undefined ? { basedOn } : {}), publishedAt, slug, path: demoArticlePath(outlet, publishedAt, slug, BENCH_TIME_ZONE) };
      list.push(i);
      this.items.push(item);
      added.push(item);
    }
    return added;
  }

  /** Indices of an outlet's items, oldest first. */
  outletItems(outlet: OutletId): readonly number[] { return this.perOutlet.get(outlet)!; }

  parts(outlet: OutletId): number { return Math.ceil(this.outletItems(outlet).length / FEED_PART); }

  partItems(outlet: OutletId, part: number): number[] { return this.outletItems(outlet).slice(part * FEED_PART, (part + 1) * FEED_PART); }

  /** Parse an article path back to its index (undefined for anything not in the corpus). */
  indexOfPath(path: string): number | undefined {
    const m = /-([0-9a-z]{4,})\.html$/.exec(path);
    if (!m) return undefined;
    const i = parseInt(m[1]!, 36);
    return this.items[i]?.path === path ? i : undefined;
  }

  /** The article as the demo templates want it (title, byline, paragraphs, reprint links). */
  entry(i: number): DemoEntry {
    const hit = this.cache.get(i);
    if (hit) return hit;
    const item = this.items[i]!;
    const outlet = OUTLETS[item.outlet];
    let text: Text;
    let reprintOfOutlet: OutletId | undefined;
    if (item.kind === 'reprint') {
      const orig = this.items[item.reprintOf!]!;
      const o = this.text(orig.index);
      reprintOfOutlet = orig.outlet;
      // Reprint desks trim: sometimes the last paragraph goes, sometimes an editor's note is added.
      const r = rngFor(this.seed, 'reprint', i);
      const paragraphs = r() < 0.4 && o.paragraphs.length > 4 ? o.paragraphs.slice(0, -1) : [...o.paragraphs];
      text = { ...o, paragraphs };
    } else {
      text = this.text(i);
    }
    if (outlet.script === 'hant') {
      text = { ...text, title: toHongKongTraditional(text.title), author: toHongKongTraditional(text.author), paragraphs: text.paragraphs.map(toHongKongTraditional) };
    }
    const entry: DemoEntry = {
      slug: item.slug, outlet: item.outlet, outletName: outlet.name,
      published: item.publishedAt.toISOString(), publishedAt: item.publishedAt, timeZone: BENCH_TIME_ZONE,
      title: text.title, author: text.author, paragraphs: text.paragraphs, topics: text.topics,
      offTopic: item.kind === 'offtopic', lang: outlet.script === 'hant' ? 'zh-Hant' : 'zh-Hans', path: item.path,
      ...(item.kind === 'reprint' ? { reprintOf: this.items[item.reprintOf!]!.slug, reprintOfOutlet } : {}),
    };
    if (this.cache.size > 4000) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(i, entry);
    return entry;
  }

  /** An original's text in Simplified, before its outlet's script: a story, a follow-up or an off-topic item. */
  private text(i: number): Text {
    const item = this.items[i]!;
    if (item.kind === 'offtopic') return offTopicText(this.seed, i);
    if (item.basedOn === undefined) return storyText(this.seed, i);
    // A follow-up: every other paragraph of the earlier story, the rest its own.
    const own = storyText(this.seed, i), base = storyText(this.seed, item.basedOn);
    return { ...own, paragraphs: own.paragraphs.map((p, k) => (k % 2 === 0 && base.paragraphs[k] ? base.paragraphs[k]! : p)) };
  }

  /** Same-outlet neighbours (for the templates' related / hot lists / previous-next links). */
  neighbours(i: number, n = 6): DemoEntry[] {
    const item = this.items[i]!;
    const list = this.outletItems(item.outlet);
    const out: DemoEntry[] = [];
    for (let k = Math.max(0, item.ordinal - n); k <= Math.min(list.length - 1, item.ordinal + n); k++) out.push(this.entry(list[k]!));
    return out;
  }

  /** Input for `npm run analyze`: one JSON object a line. */
  *jsonLines(count = this.size): Generator<string> {
    for (let i = 0; i < Math.min(count, this.size); i++) {
      const e = this.entry(i);
      yield JSON.stringify({ id: `b${i}`, title: e.title, text: e.paragraphs.join('\n') });
    }
  }

  counts(): Record<ItemKind | 'followup', number> {
    const c: Record<ItemKind | 'followup', number> = { story: 0, offtopic: 0, reprint: 0, followup: 0 };
    for (const it of this.items) { c[it.kind]++; if (it.basedOn !== undefined) c.followup++; }
    return c;
  }
}
