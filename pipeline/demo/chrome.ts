// Page furniture shared by the demo outlets: the unrelated teaser headlines of the
// "猜你感兴趣" blocks, reader comments, ad slogans, and small deterministic pickers.
// All of it is noise the pipeline has to leave out of an article's text.

/** Unrelated headlines (esports, property, phones, lifestyle) for the 猜你感兴趣 blocks. */
export const TEASER_HEADLINES: readonly string[] = [
  'LPL春季赛决赛门票开售，五分钟内全部售罄',
  '电竞选手转会窗口开启，多支战队官宣新阵容',
  '王者荣耀职业联赛新赛季赛程公布，揭幕战对阵出炉',
  '全球总决赛抽签结果出炉，国内战队分组形势乐观',
  '电竞酒店火了：一晚房价堪比五星级',
  '某省会城市发布购房新政，二套房首付比例下调',
  '二手房挂牌量连续三个月上升，业内称买方市场显现',
  '土地拍卖遇冷，多宗宅地底价成交',
  '公积金贷款额度上调，首套房最高可贷金额提高',
  '楼市“金九银十”成色如何？多家房企晒出销售成绩单',
  '新一代折叠屏手机曝光，铰链结构再升级',
  '千元机市场再起波澜，多款新机主打超长续航',
  '旗舰手机影像横评：夜景拍摄谁更强',
  '手机以旧换新补贴来了，最高可省数百元',
  '暑期档电影票房突破百亿，国产片占比超八成',
  '这五种早餐习惯最伤胃，很多人天天在做',
];

export interface DemoComment {
  user: string;
  place: string;
  text: string;
}

/** Reader comments: short, chatty, never part of the article. */
export const COMMENTS: readonly DemoComment[] = [
  { user: '车友_老张', place: '北京', text: '小编辛苦了，坐等后续报道。' },
  { user: '夜跑的鱼', place: '上海', text: '看完还是很纠结，我再观望一阵子吧。' },
  { user: '阿杰不加班', place: '广东', text: '买车这种大事，还是得多跑几家店对比一下。' },
  { user: '山城小王子', place: '重庆', text: '说得在理，顶一个，希望厂家能看到。' },
  { user: '默默路过', place: '江苏', text: '标题起得挺吓人，点进来发现也还好。' },
  { user: '周末去钓鱼', place: '浙江', text: '上周刚去店里看过，现场人确实特别多，试驾要排队。' },
  { user: '理性吃瓜', place: '湖北', text: '希望有关部门多管管，普通消费者维权太难了。' },
  { user: 'momo2019', place: '四川', text: '这种事情以后肯定还会有，大家都擦亮眼睛吧。' },
  { user: '蓝色星期五', place: '福建', text: '有没有懂行的朋友出来分析一下，到底该怎么选？' },
  { user: '老李开车稳', place: '山东', text: '已经转发给家里人看了，下单前先把协议读一遍。' },
  { user: '小猫钓鱼', place: '河南', text: '评论区比文章还精彩，哈哈哈。' },
  { user: '不吃香菜', place: '天津', text: '我朋友也遇到过差不多的事，最后是协商解决的，别急。' },
  { user: '橘子汽水', place: '湖南', text: '每次看到这种新闻都觉得还是自己多留个心眼靠谱。' },
  { user: '风吹麦浪', place: '陕西', text: '写得很清楚，收藏了，以后买车用得上。' },
];

/** In-body ad slogans (short link text, as real text ads are). */
export const AD_SLOGANS: readonly string[] = [
  '【广告】新能源车险限时八折，立即询价',
  '【推广】五一购车季，到店试驾领好礼',
  '【广告】0首付开新车，点击查看详情',
  '【推广】二手车免费估价，三分钟出结果',
];

/** A stable 32-bit hash (FNV-1a) of a string, for deterministic picks. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Picks `n` distinct items of `pool`, in a order fixed by `seed`. */
export function pick<T>(pool: readonly T[], n: number, seed: string): T[] {
  const idx = pool.map((_, i) => i);
  let h = hash32(seed);
  for (let i = idx.length - 1; i > 0; i--) {
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    const j = h % (i + 1);
    [idx[i], idx[j]] = [idx[j]!, idx[i]!];
  }
  return idx.slice(0, Math.min(n, pool.length)).map((i) => pool[i]!);
}

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Same as escapeHtml, also escaping the apostrophe (XML attribute-safe). */
export function escapeXml(s: string): string {
  return escapeHtml(s).replace(/'/g, '&apos;');
}
