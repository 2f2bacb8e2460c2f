// The five demo outlets and their HTML/feed templates. Each outlet looks like a different kind
// of Chinese news site: a modern HTML5 car portal (cheping), an old XHTML tech blog
// (kejiqianxian), a GBK table-layout regional portal (nanfang), a Big5 Hong Kong site in
// Traditional Chinese (gangao) and a NetEase-style finance portal without a feed (chengshi).
// Pages carry the usual noise: navigation, breadcrumbs, in-body ads, share bars, related
// reading, an unrelated 猜你感兴趣 block, reader comments, footers with ICP numbers, scripts.

import {
  AD_SLOGANS,
  COMMENTS,
  TEASER_HEADLINES,
  escapeHtml as h,
  escapeXml as x,
  hash32,
  pick,
  type DemoComment,
} from './chrome.ts';
import { clockParts, toHongKongTraditional, type DemoEntry } from './corpus.ts';
import { formatOffset, offsetAt } from '../../src/lib/time-zone.ts';
import { OUTLETS, OUTLET_IDS, type OutletId, type OutletInfo } from './outlet-info.ts';

export { OUTLETS, OUTLET_IDS, type OutletId, type OutletInfo };

export type DemoEncoding = 'utf-8' | 'gbk' | 'big5';

export interface RenderContext {
  /** Server origin, e.g. http://127.0.0.1:4391 (feeds use absolute links). */
  origin: string;
  /** The whole resolved corpus. */
  corpus: readonly DemoEntry[];
  /** The story's time zone, for times that belong to no entry (a feed's build time). */
  timeZone: string;
}

export interface RenderedDoc {
  body: string;
  contentType: string;
  encoding: DemoEncoding;
}

export interface OutletTemplate {
  info: OutletInfo;
  /** Content-Type header of article pages. */
  pageContentType: string;
  renderArticle(e: DemoEntry, ctx: RenderContext): string;
  /** The feed (rss/atom) or, for a page-list outlet, the list page. */
  renderIndex(ctx: RenderContext): RenderedDoc;
}

// ---------------------------------------------------------------------------------------------
// helpers

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];

export function lastModifiedOf(e: DemoEntry): Date {
  return e.updatedAt ?? e.publishedAt;
}

// Every outlet writes its times on a clock in the story's zone (story.yaml `timezone`).

/** 2024-03-28 22:10 */
export function ymdhm(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  return `${t.yyyy}-${t.mm}-${t.dd} ${t.hh}:${t.mi}`;
}
function ymdhms(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  return `${t.yyyy}-${t.mm}-${t.dd} ${t.hh}:${t.mi}:${t.ss}`;
}
/** 2024-03-28T22:10:00+08:00, with the zone's offset at that instant. */
export function isoLocal(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  return `${t.yyyy}-${t.mm}-${t.dd}T${t.hh}:${t.mi}:${t.ss}${formatOffset(offsetAt(d.getTime(), timeZone))}`;
}
/** Thu, 28 Mar 2024 22:10:00 +0800 */
function rfc822Local(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  const weekday = new Date(Date.UTC(Number(t.yyyy), Number(t.mm) - 1, Number(t.dd))).getUTCDay();
  return `${WEEKDAYS_EN[weekday]}, ${t.dd} ${MONTHS_EN[Number(t.mm) - 1]} ${t.yyyy} ${t.hh}:${t.mi}:${t.ss} ${formatOffset(offsetAt(d.getTime(), timeZone)).replace(':', '')}`;
}
function weekdayZh(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  return WEEKDAYS_ZH[new Date(Date.UTC(Number(t.yyyy), Number(t.mm) - 1, Number(t.dd))).getUTCDay()]!;
}

function outletEntries(ctx: RenderContext, outlet: OutletId): DemoEntry[] {
  return ctx.corpus
    .filter((e) => e.outlet === outlet)
    .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || a.slug.localeCompare(b.slug));
}

/** Up to n other articles of the same outlet, nearest in time. */
function related(e: DemoEntry, ctx: RenderContext, n = 5): DemoEntry[] {
  return outletEntries(ctx, e.outlet)
    .filter((o) => o.slug !== e.slug)
    .sort(
      (a, b) =>
        Math.abs(a.publishedAt.getTime() - e.publishedAt.getTime()) -
        Math.abs(b.publishedAt.getTime() - e.publishedAt.getTime()),
    )
    .slice(0, n);
}

function summaryOf(e: DemoEntry, max = 72): string {
  const p = e.paragraphs[0]!;
  return [...p].length > max ? [...p].slice(0, max).join('') + '…' : p;
}

function teasersFor(e: DemoEntry, n = 6): string[] {
  const t = pick(TEASER_HEADLINES, n, `teaser:${e.outlet}:${e.slug}`);
  return OUTLETS[e.outlet].script === 'hant' ? t.map(toHongKongTraditional) : t;
}

interface TimedComment extends DemoComment {
  time: Date;
  likes: number;
}
function commentsFor(e: DemoEntry): TimedComment[] {
  const n = 4 + (hash32(`n:${e.slug}`) % 3);
  return pick(COMMENTS, n, `comments:${e.outlet}:${e.slug}`).map((c, i) => {
    const hh = hash32(`${e.slug}:${i}`);
    const conv = OUTLETS[e.outlet].script === 'hant' ? toHongKongTraditional : (s: string) => s;
    return {
      user: conv(c.user),
      place: conv(c.place),
      text: conv(c.text),
      time: new Date(e.publishedAt.getTime() + (20 + (hh % 600) + i * 97) * 60_000),
      likes: hh % 120,
    };
  }).sort((a, b) => a.time.getTime() - b.time.getTime());
}

function adFor(e: DemoEntry): string {
  return AD_SLOGANS[hash32(`ad:${e.slug}`) % AD_SLOGANS.length]!;
}

function sourceName(e: DemoEntry): string {
  if (!e.reprintOfOutlet) return e.outletName;
  const name = OUTLETS[e.reprintOfOutlet].name;
  return OUTLETS[e.outlet].script === 'hant' ? toHongKongTraditional(name) : name;
}

/** Bylines are written "记者 张三" / "科技前线 林嘉"; some templates want just the name. */
function authorName(e: DemoEntry): string | undefined {
  if (!e.author) return undefined;
  const parts = e.author.trim().split(/\s+/);
  return parts[parts.length - 1];
}

function keywordsOf(e: DemoEntry): string {
  const k: string[] = [];
  for (const w of ['小米SU7', 'SU7 Ultra', '小米YU7', '小米汽车', '定金', '锁单', '转售', '维权', '新能源']) {
    if (e.title.includes(w) || e.paragraphs[0]!.includes(w)) k.push(w);
  }
  return (k.length ? k : ['汽车', '资讯']).join(',');
}

const EDITORS = ['王珂', '刘畅', '陈立', '赵一帆', '吴倩'];
function editorOf(e: DemoEntry): string {
  return EDITORS[hash32(`ed:${e.slug}`) % EDITORS.length]!;
}

function hits(e: DemoEntry): number {
  return 1200 + (hash32(`hits:${e.slug}`) % 98000);
}

// ---------------------------------------------------------------------------------------------
// cheping 车评日报: modern HTML5 portal, <article>, og/article meta, JSON-LD, UTF-8

const cheping: OutletTemplate = {
  info: OUTLETS.cheping,
  pageContentType: 'text/html; charset=utf-8',
  renderArticle(e, ctx) {
    const url = ctx.origin + e.path;
    const paras = e.paragraphs.map((p) => `        <p>${h(p)}</p>`);
    paras.splice(
      Math.min(2, paras.length),
      0,
      `        <div class="ad-box ad-inline" data-slot="article_mid"><a href="/cheping/ad/click?slot=article_mid&amp;c=${hash32(e.slug) % 9000}" target="_blank" rel="nofollow sponsored">${h(adFor(e))}</a></div>`,
    );
    const comments = commentsFor(e);
    const author = authorName(e);
    const ld = {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: e.title,
      datePublished: isoLocal(e.publishedAt, e.timeZone),
      dateModified: isoLocal(lastModifiedOf(e), e.timeZone),
      author: author ? { '@type': 'Person', name: author } : undefined,
      publisher: { '@type': 'Organization', name: '车评日报', logo: { '@type': 'ImageObject', url: `${ctx.origin}/cheping/static/img/logo.png` } },
      mainEntityOfPage: url,
    };
    return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<title>${h(e.title)}_车评日报</title>
<meta name="keywords" content="${h(keywordsOf(e))}">
<meta name="description" content="${h(summaryOf(e))}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="车评日报">
<meta property="og:title" content="${h(e.title)}">
<meta property="og:description" content="${h(summaryOf(e))}">
<meta property="og:url" content="${h(url)}">
<meta property="og:image" content="${ctx.origin}/cheping/static/img/share-default.png">
<meta property="article:published_time" content="${isoLocal(e.publishedAt, e.timeZone)}">
${e.updatedAt ? `<meta property="article:modified_time" content="${isoLocal(e.updatedAt, e.timeZone)}">\n` : ''}${author ? `<meta name="author" content="${h(author)}">\n` : ''}<link rel="canonical" href="${h(url)}">
<link rel="icon" href="/cheping/favicon.ico">
<link rel="stylesheet" href="/cheping/static/css/main.3f9a1c7e.css">
<style>
  .site-header{background:#fff;border-bottom:1px solid #eee}.wrap{width:1200px;margin:0 auto}
  .col-main{float:left;width:820px}.col-side{float:right;width:340px}
  .article-title{font-size:30px;line-height:42px;color:#222}.article-meta span,.article-meta time{margin-right:16px;color:#999}
  .article-content p{font-size:18px;line-height:32px;margin:0 0 22px;text-align:justify}
  .ad-inline{margin:10px 0 24px;padding:10px;background:#f7f7f7;font-size:14px}
</style>
<script type="application/ld+json">${JSON.stringify(ld)}</script>
<script>
  var _hmt = _hmt || [];
  (function () {
    var hm = document.createElement("script");
    hm.src = "/cheping/static/js/stat.js?v=20240301";
    var s = document.getElementsByTagName("script")[0];
    s.parentNode.insertBefore(hm, s);
  })();
  window.__PAGE__ = { id: "${hash32(e.slug).toString(16)}", channel: "hangye", type: "article" };
</script>
</head>
<body class="page-article">
<div class="topbar">
  <div class="wrap">
    <span class="today">星期${weekdayZh(e.publishedAt, e.timeZone)}</span>
    <a href="/cheping/app/">下载车评日报App</a>
    <a href="/cheping/user/login" rel="nofollow">登录</a>
    <a href="/cheping/user/register" rel="nofollow">注册</a>
  </div>
</div>
<header class="site-header">
  <div class="wrap">
    <a class="logo" href="/cheping/"><img src="/cheping/static/img/logo.png" alt="车评日报" width="160" height="40"></a>
    <nav class="main-nav">
      <ul>
        <li><a href="/cheping/">首页</a></li>
        <li><a href="/cheping/xinche/">新车</a></li>
        <li class="on"><a href="/cheping/hangye/">行业</a></li>
        <li><a href="/cheping/pingce/">评测</a></li>
        <li><a href="/cheping/daogou/">导购</a></li>
        <li><a href="/cheping/yongche/">用车</a></li>
        <li><a href="/cheping/video/">视频</a></li>
        <li><a href="/cheping/weiquan/">维权</a></li>
      </ul>
    </nav>
    <form class="search-form" action="/cheping/search" method="get"><input type="text" name="q" placeholder="搜车型、搜资讯"><button type="submit">搜索</button></form>
  </div>
</header>
<div class="wrap main clearfix">
  <div class="breadcrumbs"><a href="/cheping/">车评日报</a> &gt; <a href="/cheping/hangye/">行业</a> &gt; <span>正文</span></div>
  <div class="col-main">
    <article class="article">
      <h1 class="article-title">${h(e.title)}</h1>
      <div class="article-meta">
        <time class="pubtime" datetime="${isoLocal(e.publishedAt, e.timeZone)}">${ymdhm(e.publishedAt, e.timeZone)}</time>
        <span class="source">来源：${h(sourceName(e))}</span>
        ${e.author ? `<span class="author">${h(e.author)}</span>` : ''}
        <span class="views">阅读 ${(hits(e) / 10000).toFixed(1)}万</span>
        ${e.updatedAt ? `<span class="updated">更新于 ${ymdhm(e.updatedAt, e.timeZone)}</span>` : ''}
      </div>
      <div class="article-content">
${paras.join('\n')}
        <p class="editor">责任编辑：${editorOf(e)}</p>
      </div>
      <div class="share-bar">
        <span>分享到：</span>
        <a class="share-weixin" href="javascript:;" title="微信">微信</a>
        <a class="share-weibo" href="javascript:;" title="微博">微博</a>
        <a class="share-qzone" href="javascript:;" title="QQ空间">QQ空间</a>
        <a class="share-copy" href="javascript:;" title="复制链接">复制链接</a>
      </div>
    </article>
    <section class="related-news">
      <h3>相关阅读</h3>
      <ul>
${related(e, ctx).map((r) => `        <li><a href="${r.path}">${h(r.title)}</a><span class="date">${ymdhm(r.publishedAt, r.timeZone).slice(0, 10)}</span></li>`).join('\n')}
      </ul>
    </section>
    <section class="guess-like">
      <h3>猜你感兴趣</h3>
      <ul>
${teasersFor(e).map((t, i) => `        <li><a href="/cheping/tuijian/${(hash32(t) % 900000) + 100000}.html"><img src="/cheping/static/img/thumb-${i % 4}.jpg" alt="" width="120" height="80"><span class="t">${h(t)}</span></a></li>`).join('\n')}
      </ul>
    </section>
    <section id="comments" class="comment-area">
      <h3>网友评论（${comments.length}）</h3>
      <div class="comment-form"><textarea placeholder="文明上网，理性发言"></textarea><button type="button">发表评论</button></div>
      <ul class="comment-list">
${comments.map((c) => `        <li class="comment-item">
          <div class="c-user"><img class="avatar" src="/cheping/static/img/avatar.png" alt=""><span class="nick">${h(c.user)}</span><span class="c-loc">${h(c.place)}</span></div>
          <p class="c-text">${h(c.text)}</p>
          <div class="c-foot"><span class="c-time">${ymdhm(c.time, e.timeZone)}</span><a class="c-like" href="javascript:;">赞(${c.likes})</a><a class="c-reply" href="javascript:;">回复</a></div>
        </li>`).join('\n')}
      </ul>
    </section>
  </div>
  <aside class="col-side">
    <div class="side-box hot-rank">
      <h3>24小时热榜</h3>
      <ol>
${outletEntries(ctx, 'cheping').slice(0, 8).map((r) => `        <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
      </ol>
    </div>
    <div class="side-box side-ad"><a href="/cheping/ad/click?slot=side" rel="nofollow sponsored"><img src="/cheping/static/ad/300x250.jpg" alt="广告" width="300" height="250"></a></div>
  </aside>
</div>
<footer class="site-footer">
  <div class="wrap">
    <p class="links"><a href="/cheping/about/">关于我们</a> | <a href="/cheping/contact/">联系我们</a> | <a href="/cheping/ads/">广告服务</a> | <a href="/cheping/jobs/">加入我们</a> | <a href="/cheping/disclaimer/">免责声明</a></p>
    <p>Copyright © 2016-2025 车评日报 chepingribao.example.cn 版权所有 未经授权禁止转载</p>
    <p><a href="https://beian.miit.gov.cn/" target="_blank" rel="nofollow">京ICP备16032871号-2</a> 京公网安备11010502038815号 违法和不良信息举报电话：010-5328XXXX</p>
  </div>
</footer>
<script src="/cheping/static/js/vendor.8c1d2e.min.js"></script>
<script src="/cheping/static/js/article.5b7f90.min.js"></script>
<script>window.CP && CP.initArticle({ comments: true, share: ["weixin", "weibo", "qzone"] });</script>
</body>
</html>
`;
  },
  renderIndex(ctx) {
    const items = outletEntries(ctx, 'cheping');
    const built = items.reduce((m, e) => Math.max(m, lastModifiedOf(e).getTime()), 0);
    const body = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>车评日报 - 最新资讯</title>
    <link>${ctx.origin}/cheping/</link>
    <description>车评日报：新车、行业、评测与用车资讯</description>
    <language>zh-cn</language>
    <copyright>Copyright 2016-2025 车评日报</copyright>
    <lastBuildDate>${rfc822Local(new Date(built), ctx.timeZone)}</lastBuildDate>
    <ttl>30</ttl>
    <atom:link href="${ctx.origin}/cheping/rss.xml" rel="self" type="application/rss+xml"/>
${items
  .map(
    (e) => `    <item>
      <title>${x(e.title)}</title>
      <link>${ctx.origin}${e.path}</link>
      <guid isPermaLink="true">${ctx.origin}${e.path}</guid>
      <pubDate>${rfc822Local(e.publishedAt, e.timeZone)}</pubDate>
${e.author ? `      <dc:creator>${x(authorName(e)!)}</dc:creator>\n` : ''}      <category>${e.offTopic ? '综合' : '行业'}</category>
      <description><![CDATA[${summaryOf(e, 90)}]]></description>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`;
    return { body, contentType: 'application/rss+xml; charset=utf-8', encoding: 'utf-8' };
  },
};

// ---------------------------------------------------------------------------------------------
// kejiqianxian 科技前线: old XHTML CMS, div ids, date under the title in Chinese format, UTF-8

const kejiqianxian: OutletTemplate = {
  info: OUTLETS.kejiqianxian,
  pageContentType: 'text/html; charset=UTF-8',
  renderArticle(e, ctx) {
    const t = clockParts(e.publishedAt, e.timeZone);
    const paras = e.paragraphs.map((p) => `<p>${h(p)}</p>`);
    paras.splice(
      Math.min(3, paras.length),
      0,
      `<div class="ad-inline"><ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-0000000000000000" data-ad-slot="7712${hash32(e.slug) % 1000}"></ins><script>(adsbygoogle = window.adsbygoogle || []).push({});</script></div>`,
    );
    const all = outletEntries(ctx, 'kejiqianxian');
    const i = all.findIndex((o) => o.slug === e.slug);
    const newer = i > 0 ? all[i - 1] : undefined;
    const older = i >= 0 && i < all.length - 1 ? all[i + 1] : undefined;
    const comments = commentsFor(e);
    const copyright = e.reprintOfOutlet
      ? `本文转载自${h(sourceName(e))}，版权归原作者所有，如有侵权请联系删除。`
      : '版权声明：本文为科技前线原创稿件，未经授权不得转载，违者必究。';
    return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>${h(e.title)} - 科技前线</title>
<meta name="keywords" content="${h(keywordsOf(e))}" />
<meta name="description" content="${h(summaryOf(e))}" />
<meta name="publishdate" content="${ymdhms(e.publishedAt, e.timeZone)}" />
<meta name="mobile-agent" content="format=html5;url=${ctx.origin}/kejiqianxian/m${e.path.slice('/kejiqianxian'.length)}" />
<link href="/kejiqianxian/skin/css/common.css?v=2.3" rel="stylesheet" type="text/css" />
<link href="/kejiqianxian/skin/css/article.css?v=2.3" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/kejiqianxian/skin/js/jquery-1.8.3.min.js"></script>
<script type="text/javascript" src="/kejiqianxian/skin/js/common.js"></script>
</head>
<body>
<div id="top">
  <div class="w1200">
    <span class="fl">欢迎访问科技前线！今天是${t.yyyy}年${Number(t.mm)}月${Number(t.dd)}日 星期${weekdayZh(e.publishedAt, e.timeZone)}</span>
    <span class="fr"><a href="javascript:;" onclick="SetHome(this)">设为首页</a> | <a href="javascript:;" onclick="AddFavorite()">加入收藏</a> | <a href="/kejiqianxian/tougao/">投稿</a></span>
  </div>
</div>
<div id="header" class="w1200">
  <div class="logo"><a href="/kejiqianxian/"><img src="/kejiqianxian/skin/images/logo.png" alt="科技前线" /></a></div>
  <div class="hd-ad"><a href="/kejiqianxian/ad/?id=hd" target="_blank"><img src="/kejiqianxian/uploads/ad/728x90.gif" alt="" /></a></div>
</div>
<div id="nav">
  <ul class="w1200">
    <li><a href="/kejiqianxian/">首页</a></li>
    <li><a href="/kejiqianxian/yejie/">业界</a></li>
    <li class="cur"><a href="/kejiqianxian/qiche/">汽车</a></li>
    <li><a href="/kejiqianxian/shouji/">手机</a></li>
    <li><a href="/kejiqianxian/hulianwang/">互联网</a></li>
    <li><a href="/kejiqianxian/dianjing/">电竞</a></li>
    <li><a href="/kejiqianxian/zhuanti/">专题</a></li>
  </ul>
</div>
<div id="wrapper" class="w1200 clearfix">
  <div class="position">您的位置：<a href="/kejiqianxian/">首页</a> » <a href="/kejiqianxian/qiche/">汽车</a> » 正文</div>
  <div class="main-left fl">
    <div class="post">
      <h1 class="post-title">${h(e.title)}</h1>
      <div class="post-info">
        <span class="date">${t.yyyy}年${t.mm}月${t.dd}日 ${t.hh}:${t.mi}</span>
        ${e.author ? `<span class="writer">作者：${h(authorName(e)!)}</span>` : ''}
        <span class="from">来源：${h(sourceName(e))}</span>
        <span class="click">浏览：<em id="hits">${hits(e)}</em></span>
      </div>
      <div class="post-body" id="content">
${paras.join('\n')}
      </div>
      <div class="post-copyright">${copyright}</div>
      <div class="bdsharebuttonbox"><a href="#" class="bds_more" data-cmd="more">分享到：</a><a href="#" class="bds_weixin" data-cmd="weixin" title="分享到微信">微信</a><a href="#" class="bds_tsina" data-cmd="tsina" title="分享到新浪微博">微博</a><a href="#" class="bds_qzone" data-cmd="qzone" title="分享到QQ空间">QQ空间</a></div>
      <script>window._bd_share_config={"common":{"bdSnsKey":{},"bdText":"","bdMini":"2","bdPic":"","bdStyle":"0","bdSize":"16"},"share":{}};</script>
      <div class="prenext">
        <p>上一篇：${older ? `<a href="${older.path}">${h(older.title)}</a>` : '没有了'}</p>
        <p>下一篇：${newer ? `<a href="${newer.path}">${h(newer.title)}</a>` : '没有了'}</p>
      </div>
    </div>
    <div class="xgyd box">
      <div class="tit"><span>相关阅读</span></div>
      <ul>
${related(e, ctx).map((r) => `        <li><span class="time">${ymdhm(r.publishedAt, r.timeZone).slice(5, 10)}</span><a href="${r.path}" title="${h(r.title)}">${h(r.title)}</a></li>`).join('\n')}
      </ul>
    </div>
    <div class="cnxh box">
      <div class="tit"><span>猜你感兴趣</span></div>
      <ul>
${teasersFor(e).map((tt) => `        <li><a href="/kejiqianxian/tuijian/${hash32(tt) % 100000}.html" target="_blank">${h(tt)}</a></li>`).join('\n')}
      </ul>
    </div>
    <div class="pl-box" id="pl">
      <div class="tit"><span>网友评论</span><em>已有${comments.length}条评论</em></div>
${comments.map((c) => `      <dl class="pl-item">
        <dt><b>${h(c.user)}</b> <span>[${h(c.place)}网友]</span> <i>${ymdhm(c.time, e.timeZone)}</i></dt>
        <dd>${h(c.text)}</dd>
        <dd class="pl-act"><a href="javascript:;">支持(${c.likes})</a> <a href="javascript:;">反对(${c.likes % 7})</a> <a href="javascript:;">回复</a></dd>
      </dl>`).join('\n')}
      <form class="pl-form" action="/kejiqianxian/plus/feedback.php" method="post"><textarea name="msg"></textarea><input type="submit" value="发表评论" /></form>
    </div>
  </div>
  <div class="main-right fr">
    <div class="box hot">
      <div class="tit"><span>本周热点</span></div>
      <ol>
${outletEntries(ctx, 'kejiqianxian').slice(0, 10).map((r) => `        <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
      </ol>
    </div>
    <div class="box ad300"><a href="/kejiqianxian/ad/?id=side"><img src="/kejiqianxian/uploads/ad/300x300.jpg" alt="" /></a></div>
  </div>
</div>
<div id="footer">
  <p><a href="/kejiqianxian/about/">关于我们</a> | <a href="/kejiqianxian/contact/">联系方式</a> | <a href="/kejiqianxian/ad/">广告合作</a> | <a href="/kejiqianxian/sitemap.html">网站地图</a></p>
  <p>Copyright &copy; 2012-2025 科技前线 kjqx.example.com All Rights Reserved.</p>
  <p><a href="https://beian.miit.gov.cn/" rel="nofollow">粤ICP备12047735号</a></p>
  <script type="text/javascript">var cnzz_protocol = (("https:" == document.location.protocol) ? "https://" : "http://");</script>
</div>
</body>
</html>
`;
  },
  renderIndex(ctx) {
    const items = outletEntries(ctx, 'kejiqianxian');
    const updated = items.reduce((m, e) => Math.max(m, lastModifiedOf(e).getTime()), 0);
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <title>科技前线</title>
  <subtitle>业界、汽车、手机与互联网的前线报道</subtitle>
  <link href="${ctx.origin}/kejiqianxian/" rel="alternate" type="text/html"/>
  <link href="${ctx.origin}/kejiqianxian/atom.xml" rel="self" type="application/atom+xml"/>
  <id>tag:kjqx.example.com,2012:/feed</id>
  <updated>${isoLocal(new Date(updated), ctx.timeZone)}</updated>
  <generator>KJQX CMS</generator>
${items
  .map((e) => {
    const t = clockParts(e.publishedAt, e.timeZone);
    return `  <entry>
    <title type="text">${x(e.title)}</title>
    <link rel="alternate" type="text/html" href="${ctx.origin}${e.path}"/>
    <id>tag:kjqx.example.com,${t.yyyy}-${t.mm}-${t.dd}:/${e.slug}</id>
    <published>${isoLocal(e.publishedAt, e.timeZone)}</published>
    <updated>${isoLocal(lastModifiedOf(e), e.timeZone)}</updated>
${e.author ? `    <author><name>${x(authorName(e)!)}</name></author>\n` : ''}    <category term="${e.offTopic ? 'zonghe' : 'qiche'}"/>
    <summary type="html">${x(`<p>${h(summaryOf(e, 100))}</p>`)}</summary>
  </entry>`;
  })
  .join('\n')}
</feed>
`;
    return { body, contentType: 'application/atom+xml; charset=utf-8', encoding: 'utf-8' };
  },
};

// ---------------------------------------------------------------------------------------------
// nanfang 南方车闻: GBK, table layout, date in the info line without zone, indented paragraphs

const nanfang: OutletTemplate = {
  info: OUTLETS.nanfang,
  // No charset: the pipeline has to find it in <meta charset="gbk">.
  pageContentType: 'text/html',
  renderArticle(e, ctx) {
    const paras = e.paragraphs.map((p) => `<p>　　${h(p)}</p>`);
    paras.splice(Math.min(2, paras.length), 0, `<div class="gg"><script type="text/javascript">ggshow('art_mid_${hash32(e.slug) % 4}');</script></div>`);
    const comments = commentsFor(e);
    return `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">
<html>
<head>
<meta charset="gbk">
<title>${h(e.title)}--南方车闻网</title>
<meta name="keywords" content="${h(keywordsOf(e))}">
<meta name="description" content="${h(summaryOf(e))}">
<link href="/nanfang/css/global.css" rel="stylesheet" type="text/css">
<link href="/nanfang/css/article.css" rel="stylesheet" type="text/css">
<script language="javascript" type="text/javascript" src="/nanfang/js/ggshow.js"></script>
<script language="javascript" type="text/javascript" src="/nanfang/js/common.js"></script>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top">
  <tr>
    <td width="260" class="logo"><a href="/nanfang/"><img src="/nanfang/images/logo.gif" alt="南方车闻网" width="240" height="60" border="0"></a></td>
    <td class="topad"><script type="text/javascript">ggshow('top_banner');</script></td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="nav">
  <tr><td><a href="/nanfang/">首页</a> | <a href="/nanfang/news/">新闻</a> | <a href="/nanfang/cheshi/">车市</a> | <a href="/nanfang/daogou/">导购</a> | <a href="/nanfang/weiquan/">维权</a> | <a href="/nanfang/bbs/">论坛</a> | <a href="/nanfang/ershouche/">二手车</a> | <a href="/nanfang/baojia/">报价</a></td></tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="main">
  <tr>
    <td width="690" valign="top" class="left">
      <div class="position">当前位置：<a href="/nanfang/">首页</a> &gt; <a href="/nanfang/news/">汽车新闻</a> &gt; 正文</div>
      <div class="artTitle"><h1 id="artTitle">${h(e.title)}</h1></div>
      <div class="artInfo">${ymdhm(e.publishedAt, e.timeZone)}　来源：${h(sourceName(e))}　${e.author ? `作者：${h(authorName(e)!)}　` : ''}点击：<span id="hits"><script>document.write('${hits(e)}');</script></span>　<a href="javascript:window.print()">【打印】</a> <a href="javascript:window.close()">【关闭】</a></div>
      <div id="artContent" class="artContent">
${paras.join('\n')}
      </div>
      <div class="artEditor">（责任编辑：${editorOf(e)}）</div>
      <table width="100%" border="0" cellpadding="0" cellspacing="0" class="xgwz">
        <tr><td class="tit">相关阅读</td></tr>
        <tr><td><ul>
${related(e, ctx).map((r) => `          <li>·<a href="${r.path}" target="_blank">${h(r.title)}</a> <font color="#999999">${ymdhm(r.publishedAt, r.timeZone).slice(0, 10)}</font></li>`).join('\n')}
        </ul></td></tr>
      </table>
      <table width="100%" border="0" cellpadding="0" cellspacing="0" class="cnxh">
        <tr><td class="tit">猜你感兴趣</td></tr>
        <tr><td><ul>
${teasersFor(e).map((tt) => `          <li>·<a href="/nanfang/tj/${hash32(tt) % 100000}.html" target="_blank">${h(tt)}</a></li>`).join('\n')}
        </ul></td></tr>
      </table>
      <div id="pinglun">
        <div class="pltit">网友评论 <span>（共${comments.length}条）</span></div>
        <table width="100%" border="0" cellpadding="4" cellspacing="0" class="pllist">
${comments.map((c) => `          <tr><td class="plu">南方车闻网友 ${h(c.user)} [${h(c.place)}]　${ymdhm(c.time, e.timeZone)}</td></tr>
          <tr><td class="plc">${h(c.text)}</td></tr>`).join('\n')}
        </table>
        <form name="plform" method="post" action="/nanfang/pl/post.asp"><textarea name="content" cols="60" rows="4"></textarea><br><input type="submit" value="发表评论"> <input type="checkbox" name="niming" value="1">匿名发表</form>
      </div>
    </td>
    <td width="10"></td>
    <td width="300" valign="top" class="right">
      <div class="rbox"><div class="rtit">点击排行</div><ul>
${outletEntries(ctx, 'nanfang').slice(0, 10).map((r, i) => `        <li><em>${i + 1}</em><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
      </ul></div>
      <div class="rbox"><script type="text/javascript">ggshow('right_300x250');</script></div>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="foot">
  <tr><td align="center"><a href="/nanfang/about.html">关于本站</a> | <a href="/nanfang/contact.html">联系我们</a> | <a href="/nanfang/ad.html">广告服务</a> | <a href="/nanfang/link.html">友情链接</a><br>
  Copyright &copy; 2003-2025 nfcw.example.cn All Rights Reserved. 南方车闻网 版权所有<br>
  <a href="https://beian.miit.gov.cn/" target="_blank">粤ICP备05012345号-1</a></td></tr>
</table>
<script language="javascript" type="text/javascript" src="/nanfang/js/count.js"></script>
</body>
</html>
`;
  },
  renderIndex(ctx) {
    const items = outletEntries(ctx, 'nanfang');
    const body = `<?xml version="1.0" encoding="gbk"?>
<rss version="2.0">
<channel>
<title>南方车闻网-汽车新闻</title>
<link>${ctx.origin}/nanfang/</link>
<description>南方车闻网 汽车新闻频道</description>
<language>zh-cn</language>
<generator>NFCW CMS 5.7</generator>
${items
  .map(
    (e) => `<item>
<title>${x(e.title)}</title>
<link>${ctx.origin}${e.path}</link>
<description>${x(summaryOf(e, 80))}</description>
<pubDate>${ymdhms(e.publishedAt, e.timeZone)}</pubDate>
${e.author ? `<author>${x(authorName(e)!)}</author>\n` : ''}<category>${e.offTopic ? '综合' : '汽车新闻'}</category>
</item>`,
  )
  .join('\n')}
</channel>
</rss>
`;
    // The XML declaration names the encoding; the HTTP header does not.
    return { body, contentType: 'text/xml', encoding: 'gbk' };
  },
};

// ---------------------------------------------------------------------------------------------
// gangao 港澳車訊: Hong Kong site in Traditional Chinese, Big5 pages, date under the body

function hkDate(d: Date, timeZone: string): string {
  const t = clockParts(d, timeZone);
  return `${t.yyyy}年${Number(t.mm)}月${Number(t.dd)}日 星期${weekdayZh(d, timeZone)} ${t.hh}:${t.mi}`;
}

const gangao: OutletTemplate = {
  info: OUTLETS.gangao,
  pageContentType: 'text/html; charset=big5',
  renderArticle(e, ctx) {
    const url = ctx.origin + e.path;
    const paras = e.paragraphs.map((p) => `          <p>${h(p)}</p>`);
    paras.splice(
      Math.min(3, paras.length),
      0,
      `          <div class="ad-slot ad-inarticle"><div id="div-gpt-ad-inarticle-${hash32(e.slug) % 10}"><script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-inarticle-${hash32(e.slug) % 10}');});</script></div></div>`,
    );
    const comments = commentsFor(e);
    const source = e.reprintOfOutlet ? `轉載自：${h(sourceName(e))}` : '來源：本報訊';
    return `<!doctype html>
<html lang="zh-Hant-HK">
<head>
<meta charset="big5">
<meta http-equiv="Content-Type" content="text/html; charset=big5">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(e.title)} | 港澳車訊</title>
<meta name="description" content="${h(summaryOf(e))}">
<meta property="og:site_name" content="港澳車訊">
<meta property="og:type" content="article">
<meta property="og:locale" content="zh_HK">
<meta property="og:title" content="${h(e.title)}">
<meta property="og:url" content="${h(url)}">
<meta property="og:description" content="${h(summaryOf(e))}">
<meta property="article:published_time" content="${isoLocal(e.publishedAt, e.timeZone)}">
<meta property="article:section" content="車壇快訊">
<meta name="twitter:card" content="summary_large_image">
<link rel="canonical" href="${h(url)}">
<link rel="stylesheet" href="/gangao/assets/css/bootstrap.min.css">
<link rel="stylesheet" href="/gangao/assets/css/site.css?v=20240105">
<script async src="/gangao/assets/js/gpt.js"></script>
<script>window.googletag = window.googletag || {cmd: []};</script>
</head>
<body class="article-page">
<nav class="navbar navbar-expand-lg navbar-dark bg-dark">
  <div class="container">
    <a class="navbar-brand" href="/gangao/"><img src="/gangao/assets/img/logo.svg" alt="港澳車訊" height="32"></a>
    <ul class="navbar-nav">
      <li class="nav-item"><a class="nav-link" href="/gangao/">主頁</a></li>
      <li class="nav-item active"><a class="nav-link" href="/gangao/news/">車壇快訊</a></li>
      <li class="nav-item"><a class="nav-link" href="/gangao/test-drive/">新車試駕</a></li>
      <li class="nav-item"><a class="nav-link" href="/gangao/ev/">電動車</a></li>
      <li class="nav-item"><a class="nav-link" href="/gangao/used/">二手車</a></li>
      <li class="nav-item"><a class="nav-link" href="/gangao/column/">專欄</a></li>
    </ul>
  </div>
</nav>
<div class="container">
  <ol class="breadcrumb">
    <li class="breadcrumb-item"><a href="/gangao/">主頁</a></li>
    <li class="breadcrumb-item"><a href="/gangao/news/">車壇快訊</a></li>
    <li class="breadcrumb-item active" aria-current="page">內文</li>
  </ol>
  <div class="row">
    <main class="col-lg-8" role="main">
      <div class="story-header">
        <span class="category-label">車壇快訊</span>
        <h1 class="story-title">${h(e.title)}</h1>
        ${e.author ? `<div class="story-byline"><span class="byline">${h(e.author)}</span></div>` : ''}
      </div>
      <div class="story-body" itemprop="articleBody">
${paras.join('\n')}
      </div>
      <div class="story-footer">
        <div class="story-date"><time datetime="${isoLocal(e.publishedAt, e.timeZone)}">${hkDate(e.publishedAt, e.timeZone)}</time></div>
        <div class="story-source">${source}</div>
        <div class="social-share">
          <span>分享：</span>
          <a class="btn-fb" href="javascript:;">Facebook</a>
          <a class="btn-wa" href="javascript:;">WhatsApp</a>
          <a class="btn-tg" href="javascript:;">Telegram</a>
          <a class="btn-copy" href="javascript:;">複製連結</a>
        </div>
      </div>
    </main>
    <aside class="col-lg-4 sidebar">
      <div class="widget popular">
        <h4>即時熱門</h4>
        <ul>
${outletEntries(ctx, 'gangao').slice(0, 6).map((r) => `          <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
        </ul>
      </div>
      <div class="widget ad-300"><div id="div-gpt-ad-side"></div></div>
    </aside>
  </div>
  <section class="related-stories">
    <h2>相關閱讀</h2>
    <ul>
${related(e, ctx, 4).map((r) => `      <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
    </ul>
  </section>
  <section class="you-may-like">
    <h2>猜你感興趣</h2>
    <div class="cards">
${teasersFor(e).map((tt) => `      <a class="card" href="/gangao/recommend/${hash32(tt) % 100000}"><img src="/gangao/assets/img/ph.jpg" alt=""><span class="card-title">${h(tt)}</span></a>`).join('\n')}
    </div>
  </section>
  <section class="reader-comments" id="reader-comments">
    <h2>讀者留言</h2>
${comments.map((c) => `    <div class="cmt"><div class="cmt-head"><b>${h(c.user)}</b> <span class="cmt-time">${ymdhm(c.time, e.timeZone)}</span></div><div class="cmt-text">${h(c.text)}</div><div class="cmt-like">讚好 ${c.likes}</div></div>`).join('\n')}
  </section>
</div>
<footer class="site-footer">
  <div class="container">
    <p><a href="/gangao/about/">關於我們</a> · <a href="/gangao/privacy/">私隱政策</a> · <a href="/gangao/terms/">使用條款</a> · <a href="/gangao/advertise/">廣告查詢</a></p>
    <p>&copy; 2025 港澳車訊 gangaocar.example.hk 版權所有，不得轉載。</p>
  </div>
</footer>
<script src="/gangao/assets/js/jquery.min.js"></script>
<script src="/gangao/assets/js/bootstrap.bundle.min.js"></script>
</body>
</html>
`;
  },
  renderIndex(ctx) {
    const items = outletEntries(ctx, 'gangao');
    const built = items.reduce((m, e) => Math.max(m, lastModifiedOf(e).getTime()), 0);
    const body = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>港澳車訊 - 車壇快訊</title>
    <link>${ctx.origin}/gangao/</link>
    <description>港澳車訊：香港及澳門汽車新聞、內地車壇動態</description>
    <language>zh-hk</language>
    <lastBuildDate>${new Date(built).toUTCString()}</lastBuildDate>
${items
  .map(
    (e) => `    <item>
      <title>${x(e.title)}</title>
      <link>${ctx.origin}${e.path}</link>
      <guid isPermaLink="false">gangao-${e.slug}</guid>
      <pubDate>${e.publishedAt.toUTCString()}</pubDate>
      <description>${x(summaryOf(e, 80))}</description>
    </item>`,
  )
  .join('\n')}
  </channel>
</rss>
`;
    return { body, contentType: 'application/xml; charset=utf-8', encoding: 'utf-8' };
  },
};

// ---------------------------------------------------------------------------------------------
// chengshi 城市财经: no feed; a list page /chengshi/news/ with relative links in ul.news-list

const chengshi: OutletTemplate = {
  info: OUTLETS.chengshi,
  pageContentType: 'text/html; charset=utf-8',
  renderArticle(e, ctx) {
    const paras = e.paragraphs.map((p) => `<p>${h(p)}</p>`);
    paras.splice(
      Math.min(2, paras.length),
      0,
      `<div class="gg200x300"><a href="/chengshi/ad/go?id=${hash32(e.slug) % 5000}" target="_blank" rel="nofollow">${h(adFor(e))}</a></div>`,
    );
    if (e.reprintOfOutlet) paras.push(`<p class="ep-source">本文来源：${h(sourceName(e))}</p>`);
    const comments = commentsFor(e);
    return `<!DOCTYPE HTML>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${h(e.title)}|城市财经</title>
<meta name="keywords" content="${h(keywordsOf(e))}">
<meta name="description" content="${h(summaryOf(e))}">
<meta name="author" content="${h(authorName(e) ?? '城市财经')}">
<meta name="ptime" content="${ymdhms(e.publishedAt, e.timeZone)}">
<meta property="og:title" content="${h(e.title)}">
<meta property="og:type" content="news">
<link href="/chengshi/static/css/post_2019.css" rel="stylesheet">
<script>
  window.pageConfig = { docid: "${hash32(e.slug).toString(36).toUpperCase()}", ptime: "${ymdhms(e.publishedAt, e.timeZone)}", channel: "money", source: "${h(sourceName(e))}" };
</script>
<script src="/chengshi/static/js/ntes_jslib.js"></script>
</head>
<body>
<div class="N-nav-top">
  <div class="N-nav-top-wrap">
    <a href="/chengshi/">城市财经首页</a>
    <a href="/chengshi/news/">要闻</a>
    <a href="/chengshi/stock/">股票</a>
    <a href="/chengshi/fund/">基金</a>
    <a href="/chengshi/house/">地产</a>
    <a href="/chengshi/auto/">汽车</a>
    <a href="/chengshi/tech/">科技</a>
    <span class="N-nav-login"><a href="/chengshi/login">登录</a></span>
  </div>
</div>
<div class="g-doc">
  <div class="m-crumb"><a href="/chengshi/">城市财经</a> &gt; <a href="/chengshi/auto/">汽车</a> &gt; 正文</div>
  <div class="g-main">
    <div class="post_main">
      <h1 class="post_title">${h(e.title)}</h1>
      <div class="post_info">${ymdhms(e.publishedAt, e.timeZone)}　来源: <a href="/chengshi/">${h(sourceName(e))}</a>${e.author ? `　<span class="post_author">作者：${h(authorName(e)!)}</span>` : ''}　<a class="post_top_tie" href="#tie">参与跟帖 ${comments.length}</a></div>
      <div class="post_body" id="endText">
${paras.join('\n')}
      </div>
      <div class="post_statement">特别声明：本文仅代表作者观点，不构成投资建议。</div>
      <div class="post_share"><span>分享到</span><a class="share_weixin" href="javascript:;">微信</a><a class="share_weibo" href="javascript:;">微博</a><a class="share_yixin" href="javascript:;">易信</a></div>
    </div>
    <div class="post_recommends">
      <h3>相关阅读</h3>
      <ul>
${related(e, ctx).map((r) => `        <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
      </ul>
    </div>
    <div class="post_guess">
      <h3>猜你感兴趣</h3>
      <ul>
${teasersFor(e).map((tt) => `        <li><a href="/chengshi/guess/${hash32(tt) % 100000}.html">${h(tt)}</a></li>`).join('\n')}
      </ul>
    </div>
    <div class="tie-area" id="tie">
      <div class="tie-titlebar"><span>热门跟帖</span><em>${comments.length}人参与</em></div>
      <div class="tie-list">
${comments.map((c) => `        <div class="reply-item">
          <div class="reply-user">城市财经网友 ${h(c.user)} [${h(c.place)}]</div>
          <div class="reply-text">${h(c.text)}</div>
          <div class="reply-meta"><span>${ymdhm(c.time, e.timeZone)}</span> <a href="javascript:;">顶[${c.likes}]</a> <a href="javascript:;">踩</a> <a href="javascript:;">回复</a></div>
        </div>`).join('\n')}
      </div>
    </div>
  </div>
  <div class="g-sd">
    <div class="sd-box"><h3>24小时排行</h3><ul class="rank-list">
${outletEntries(ctx, 'chengshi').slice(0, 8).map((r) => `      <li><a href="${r.path}">${h(r.title)}</a></li>`).join('\n')}
    </ul></div>
  </div>
</div>
<div class="N-footer">
  <p><a href="/chengshi/about/">关于城市财经</a> - <a href="/chengshi/contact/">联系我们</a> - <a href="/chengshi/ad/">广告服务</a> - <a href="/chengshi/report/">侵权投诉</a></p>
  <p>城市财经版权所有 ©2009-2025 csfinance.example.cn <a href="https://beian.miit.gov.cn/" rel="nofollow">沪ICP备09035612号-3</a> 增值电信业务经营许可证 沪B2-2009XXXX</p>
</div>
<script src="/chengshi/static/js/post_tie.js"></script>
</body>
</html>
`;
  },
  renderIndex(ctx) {
    const items = outletEntries(ctx, 'chengshi').slice(0, 30);
    const hot = pick(outletEntries(ctx, 'chengshi'), 6, 'chengshi:hot');
    const body = `<!DOCTYPE HTML>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>要闻_城市财经</title>
<meta name="keywords" content="财经,要闻,汽车,楼市,科技">
<link href="/chengshi/static/css/list.css" rel="stylesheet">
</head>
<body>
<div class="N-nav-top">
  <div class="N-nav-top-wrap">
    <a href="/chengshi/">城市财经首页</a>
    <a href="/chengshi/news/">要闻</a>
    <a href="/chengshi/stock/">股票</a>
    <a href="/chengshi/fund/">基金</a>
    <a href="/chengshi/house/">地产</a>
    <a href="/chengshi/auto/">汽车</a>
    <a href="/chengshi/tech/">科技</a>
  </div>
</div>
<div class="g-doc">
  <div class="m-crumb"><a href="/chengshi/">城市财经</a> &gt; 要闻</div>
  <div class="col-main">
    <div class="titlebar"><h2>最新要闻</h2></div>
    <ul class="news-list">
${items.map((e) => `      <li><a href="..${e.path.slice('/chengshi'.length)}">${h(e.title)}</a><span class="time">${ymdhm(e.publishedAt, e.timeZone)}</span></li>`).join('\n')}
    </ul>
  </div>
  <div class="col-side">
    <div class="sd-box"><h3>热点推荐</h3>
      <ul class="hot-list">
${hot.map((e) => `        <li><a href="${e.path}">${h(e.title)}</a></li>`).join('\n')}
      </ul>
    </div>
    <div class="sd-box"><h3>猜你感兴趣</h3>
      <ul class="guess-list">
${pick(TEASER_HEADLINES, 5, 'chengshi:list').map((tt) => `        <li><a href="/chengshi/guess/${hash32(tt) % 100000}.html">${h(tt)}</a></li>`).join('\n')}
      </ul>
    </div>
  </div>
</div>
<div class="N-footer"><p>城市财经版权所有 ©2009-2025 <a href="https://beian.miit.gov.cn/" rel="nofollow">沪ICP备09035612号-3</a></p></div>
</body>
</html>
`;
    return { body, contentType: 'text/html; charset=utf-8', encoding: 'utf-8' };
  },
};

export const OUTLET_TEMPLATES: Record<OutletId, OutletTemplate> = {
  cheping,
  kejiqianxian,
  nanfang,
  gangao,
  chengshi,
};
