// Reader-facing names for article fields an editor may correct (corrections[].field).

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  outlet: '媒体',
  url: '原文链接',
  canonicalUrl: '原文链接',
  published: '发布时间',
  byline: '作者',
  topics: '话题',
  evidence: '话题依据',
  summary: '摘要',
  keywords: '关键词',
  figures: '数字',
  disputes: '争议归类',
  reprintOf: '转载关系',
  nearDuplicates: '相似报道',
  body: '正文',
  text: '正文',
};

export function fieldLabel(field: string): string {
  const root = field.split(/[.[]/)[0] ?? field;
  return FIELD_LABELS[field] ?? FIELD_LABELS[root] ?? field;
}
