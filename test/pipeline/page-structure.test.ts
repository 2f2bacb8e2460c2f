// The page reading that pruning relies on: comment lists by structure, the anchor, captions.
import { describe, it, expect } from 'vitest';
import { JSDOM } from 'jsdom';
import { findCommentLists, scanPage, removeCaptions, anchorCoverage } from '../../pipeline/page-structure.ts';

const body = (html: string) => new JSDOM(`<!DOCTYPE html><html><body>${html}</body></html>`).window.document;
const item = (user: string, time: string, text: string, cls = 'it') =>
  `<div class="${cls}"><a class="u">${user}</a><span>${time}</span><p>${text}</p><span><a>回复</a><a>赞(3)</a></span></div>`;
const paragraphs = (n: number, text = '这是一段用来占位的正文，句子里有逗号，也有句号。') => Array.from({ length: n }, () => `<p>${text}</p>`).join('');

describe('findCommentLists', () => {
  it('finds repeated items that each carry a time and a reply/like control, whatever the class names', () => {
    const doc = body(`<div id="a">${paragraphs(3)}</div><div id="c">${item('甲', '今天 09:12', '说得对。')}${item('乙', '3分钟前', '不同意。')}${item('丙', '2024-03-29 21:05', '再看看。')}</div>`);
    expect(findCommentLists(doc.body).map((e) => e.id)).toEqual(['c']);
  });

  it('takes a thread list whose items alternate with reply boxes', () => {
    const replies = `<div class="replies">${item('丁', '今天 10:00', '回复楼上。', 'r')}</div>`;
    const doc = body(`<div id="c">${item('甲', '今天 09:12', '一。')}${replies}${item('乙', '今天 09:02', '二。')}${replies}</div>`);
    expect(findCommentLists(doc.body).map((e) => e.id)).toEqual(['c']);
  });

  it('leaves an article alone that has a dateline and a "举报" link, and one lone comment', () => {
    const doc = body(`<div id="a"><span>2024-03-29 21:05</span><a>举报</a>${paragraphs(5)}</div><div id="b">${item('甲', '今天 09:12', '沙发。')}</div>`);
    expect(findCommentLists(doc.body)).toEqual([]);
  });

  it('does not take an item longer than a comment for one', () => {
    const long = '很长的一段文字，'.repeat(150);
    const doc = body(`<div id="c">${item('甲', '今天 09:12', long)}${item('乙', '今天 09:10', long)}</div>`);
    expect(findCommentLists(doc.body)).toEqual([]);
  });
});

describe('scanPage', () => {
  it('anchors on the container of the paragraphs, not on a link list or the page furniture', () => {
    const links = Array.from({ length: 20 }, (_, i) => `<li><a href="/${i}">一条很长很长很长的相关新闻标题第${i}条</a></li>`).join('');
    const doc = body(`<footer id="f">${paragraphs(8, '版权所有，未经许可不得转载，违者必究，特此声明。')}</footer><ul id="l">${links}</ul><div id="a">${paragraphs(4)}</div>`);
    const scan = scanPage(doc, new Set([doc.getElementById('f')!]));
    expect(scan.anchor?.id).toBe('a');
    expect(anchorCoverage(scan, ['这是一段用来占位的正文，句子里有逗号，也有句号。'])).toBe(1);
    expect(anchorCoverage(scan, ['别的文字'])).toBe(0);
  });

  it('reports teaser and comment headings by their outermost wrapper', () => {
    const doc = body(`<div id="a">${paragraphs(3)}<p id="h"><strong>相关新闻：</strong></p><p><a>一条</a></p></div><h3 id="c">网友评论</h3>`);
    expect(scanPage(doc, new Set()).markers.map((m) => m.id)).toEqual(['h', 'c']);
  });
});

describe('removeCaptions', () => {
  it('removes a short label under an image and a photo credit, keeps a bold subheading and a sentence', () => {
    const doc = body(`<div>
      <p><img src="a.jpg"></p><p id="cap">活动现场</p>${paragraphs(1)}
      <p><img src="b.jpg"></p><p id="credit">市民在公园里晨练 记者 李某 摄</p>${paragraphs(1)}
      <p><img src="c.jpg"></p><p id="sub"><strong>第二阶段施工安排</strong></p>${paragraphs(1)}
      <p><img src="d.jpg"></p><p id="sent">施工期间，请市民提前规划出行路线。</p>${paragraphs(1)}
    </div>`);
    removeCaptions(doc);
    expect(['cap', 'credit', 'sub', 'sent'].filter((id) => doc.getElementById(id))).toEqual(['sub', 'sent']);
  });

  it('keeps short lines of a post written one phrase per paragraph', () => {
    const doc = body(`<div><p><img src="a.jpg"></p><p id="one">为什么说此次施工</p><p>影响最大?</p><p>因为</p></div>`);
    removeCaptions(doc);
    expect(doc.getElementById('one')).not.toBeNull();
  });
});
