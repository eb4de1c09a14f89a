// One article reaches us in several shapes: an HTML page with navigation and related news around it, the
// text dump of such a page, a table cell with <p> markup, or clean text with the headline in a column.
// Whatever the shape, the same article must give the same headline, body sentences, officials, places,
// meetings and directives. Real pages of each shape are checked against their gold files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createDoc, mentionsOf, type Doc, type InputFormat } from '../../src/doc.ts';
import { renderHtml } from '../../src/clean/html.ts';
import { runPipeline } from '../../src/pipeline.ts';
import { DATA, GOLD, analyze, context, readJson } from '../helpers.ts';

const TITLE = '陕西省召开全省疫情防控工作视频会议';
const DATE = '2022-01-06';
const SOURCE = '陕西日报';
const PARAS = [
  '1月6日，省委书记刘国中主持召开全省疫情防控工作视频会议。省长赵一德出席会议并讲话。',
  '刘国中强调，要坚决打赢疫情防控攻坚战，确保人民群众生命安全和身体健康。各级各部门要压实属地责任，加强核酸检测。',
  '赵一德要求，要抓好“菜篮子”物资保障和生活服务，做好困难群众帮扶工作。',
];
// Around the article: officials and places that belong to other articles, which must not come out.
const RELATED = ['延安市召开春节期间疫情防控工作部署会 2022-01-05', '榆林市市长李春临调研重点项目 2022-01-04'];

const htmlPage = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>${TITLE}_陕西网</title><meta name="publishdate" content="${DATE}">
<style>.nav { color: red }</style><script>var title = "铜川市委书记";</script></head>
<body><nav><a href="/">首页</a> | <a href="/sx">陕西</a> | <a href="/gn">国内</a></nav>
<div class="crumb"><a href="/">首页</a> &gt; <a href="/sx">陕西新闻</a></div>
<div class="article"><h1>${TITLE}</h1>
<div class="info">${DATE} 10:30 来源：${SOURCE}</div>
${PARAS.map((p) => `<p>&nbsp;&nbsp;${p.replace('刘国中', '<strong>刘国中</strong>')}</p>`).join('\n')}
<div class="editor">责任编辑：王小明</div></div>
<div class="share">分享到：微信 微博</div>
<div class="related"><h3>相关新闻</h3><ul>${RELATED.map((r, i) => `<li><a href="/${i}">${r.slice(0, -11)}</a> ${r.slice(-10)}</li>`).join('')}</ul></div>
<div class="footer">版权所有 陕西网 陕ICP备12345678号</div></body></html>`;

// What a crawler's "page text" of that page looks like (cf. data/d10.txt): one line per block.
const textDump = [TITLE, `${DATE} 10:30 来源：${SOURCE}`, ...PARAS, '责任编辑：王小明', '分享到：微信 微博', '相关新闻', ...RELATED, '版权所有 陕西网 陕ICP备12345678号'].join('\n');

// A table cell as scrapers store it (cf. data/xwlb.csv): <p> per paragraph, entities, inline tags, a comment.
const cellHtml = PARAS.map((p) => `<p>　　${p.replace('省长', '<span class="t">省长</span>').replace(/“|”/g, (q) => (q === '“' ? '&ldquo;' : '&rdquo;'))}</p>`).join('\n<!-- 分页 -->\n');

function fromFile(format: InputFormat, text: string): Doc {
  const doc = createDoc({ id: `shape-${format}`, input: `shape.${format}`, format, bytes: new TextEncoder().encode(text) });
  return runPipeline(doc, context());
}

const columns = { title: TITLE, published_at: DATE, source: SOURCE };
const shapes: [string, () => Doc][] = [
  ['HTML page', () => fromFile('html', htmlPage)],
  ['page text dump', () => fromFile('txt', textDump)],
  ['CSV cell with <p> tags', () => analyze(cellHtml, columns)],
];

/** What a reader of the tables sees, independent of where in the text it sits. */
function facts(doc: Doc) {
  const s = (x: { start: number; end: number }) => doc.text.slice(x.start, x.end);
  return {
    title: doc.meta.title?.value,
    day: doc.meta.publishedAt?.value.slice(0, 10),
    source: doc.meta.source?.value,
    sentences: doc.sentences.filter((x) => doc.paragraphs[x.paragraph].kind === 'body').map(s),
    officials: doc.people.map((p) => ({ name: p.name, offices: p.offices.map((o) => `${o.title}@${o.jurisdiction}`) })),
    places: [...new Set(mentionsOf(doc, 'place').map((m) => m.normalized))].sort(),
    meetings: doc.meetings.map((m) => ({ name: m.name, date: m.date, roles: m.roles.map((r) => `${doc.people[r.personId].name}:${r.role}`).sort() })),
    directives: doc.directives.map((d) => ({ speaker: d.speaker, verb: d.verb, text: s(d) })),
  };
}

describe('the same made-up article in each shape', () => {
  const clean = facts(analyze(PARAS.join('\n'), columns));

  it('clean text with the headline in a column gives the article as written', () => {
    expect(clean.title).toBe(TITLE);
    expect(clean.day).toBe(DATE);
    expect(clean.source).toBe(SOURCE);
    expect(clean.sentences.join('')).toBe(PARAS.join(''));
    expect(clean.officials).toEqual([
      { name: '刘国中', offices: ['省委书记@陕西省'] },
      { name: '赵一德', offices: ['省长@陕西省'] },
    ]);
    expect(clean.meetings.map((m) => [m.name, m.date])).toEqual([['全省疫情防控工作视频会议', DATE]]);
    expect(clean.directives.map((d) => d.speaker)).toEqual(['刘国中', '刘国中', '赵一德']);
  });

  it.each(shapes)('%s gives the same headline, sentences, officials, places, meetings and directives', (_name, make) => {
    const doc = make();
    expect(facts(doc)).toEqual(clean);
    // The markup is gone: no tag or entity reached the text the tables point into.
    expect(doc.text).not.toMatch(/<\/?[a-z][^>]*>|&[a-z]+;/i);
  });

  it('the page around the article (navigation, script, related news, footer) gives no rows', () => {
    for (const [, make] of shapes.slice(0, 2)) {
      const doc = make();
      const names = doc.people.map((p) => p.name);
      expect(names).not.toContain('李春临');
      expect(doc.text).not.toContain('铜川市委书记'); // script text is not page text
      // Related-news and footer lines are kept as boilerplate mentions, so a user can see why.
      const boiler = mentionsOf(doc, 'boilerplate').map((m) => doc.text.slice(m.start, m.end)).join('\n');
      for (const r of RELATED) expect(boiler).toContain(r.slice(0, 8));
      expect(doc.meta.editor?.value).toBe('王小明');
    }
  });
});

describe('renderHtml', () => {
  it('a line per block, inline tags inside their line, entities decoded, scripts and navigation dropped', () => {
    const r = renderHtml(`<title>标题 &amp; 副题</title><nav><a href="/">首页</a></nav><p>第一段<b>加粗</b>&ldquo;引文&rdquo;</p><script>x()</script><p>第二段<br>换行</p><footer>版权</footer><article><p>正文</p><footer>记者 张三</footer></article>`);
    expect(r.text.split('\n')).toEqual(['第一段加粗“引文”', '第二段', '换行', '正文', '记者 张三']);
    expect(r.html.title).toBe('标题 & 副题');
  });

  it('measures how much of each line sits inside links', () => {
    const r = renderHtml('<div><a href="/a">首页</a> <a href="/b">要闻</a></div><p>会议强调，<a href="/c">刘国中</a>要求加强核酸检测。</p>');
    expect(r.text.split('\n')).toEqual(['首页 要闻', '会议强调，刘国中要求加强核酸检测。']);
    expect(r.html.linkDensity[0]).toBeGreaterThan(0.7);
    expect(r.html.linkDensity[1]).toBeLessThan(0.3);
  });

  it('a page cut off inside a tag still renders what came before', () => {
    const r = renderHtml(`<html><body><p>${PARAS[0]}</p><p>${PARAS[1]}</p><div class="x`);
    expect(r.text.split('\n')).toEqual(PARAS.slice(0, 2));
  });
});

describe('real pages of each shape', () => {
  interface Gold {
    title: string | null;
    published_at: string | null;
    source: string | null;
    editor: string | null;
    reporters: string[];
    officials: { name: string }[];
  }
  const gold = (id: string) => readJson<Gold>(join(GOLD, `${id}.json`));

  it('HTML page: the GB2312 page d06.html gives its headline, time, source, editor and byline', () => {
    const doc = runPipeline(createDoc({ id: 'd06', input: 'd06.html', format: 'html', bytes: readFileSync(join(DATA, 'd06.html')) }), context());
    const g = gold('d06');
    expect(doc.encoding).toBe('gb18030');
    expect(doc.text).toContain(g.title);
    expect(doc.meta.title?.value).toBe(g.title);
    expect(doc.meta.publishedAt?.value).toBe(g.published_at);
    expect(doc.meta.source?.value).toBe(g.source);
    expect(doc.meta.editor?.value).toBe(g.editor);
    expect(doc.meta.reporters.map((r) => r.value)).toEqual(g.reporters);
  });

  it('page text dumps: the headline (one line or a block of lines) and the time line', () => {
    for (const id of ['d08', 'd10']) {
      const doc = runPipeline(createDoc({ id, input: `${id}.txt`, format: 'txt', bytes: readFileSync(join(DATA, `${id}.txt`)) }), context());
      const g = gold(id);
      expect(doc.meta.title?.value).toBe(g.title);
      expect(doc.meta.publishedAt?.value ?? null).toBe(g.published_at);
    }
  });

  it('CSV cells with <p> tags (xwlb.csv): one paragraph per <p>, no markup, the gold headline and officials', () => {
    const rows = parse(readFileSync(join(DATA, 'xwlb.csv'), 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const doc = analyze(row.text, { id: row.id, title: row.title, published_at: row.published_at, source: row.source });
      const g = gold(row.id);
      expect(doc.text).not.toMatch(/<\/?p>|&[a-z]+;/);
      expect(doc.paragraphs.filter((p) => p.kind === 'body').length).toBe(row.text.match(/<p>/g)!.length);
      expect(doc.meta.title?.value).toBe(g.title);
      expect(doc.people.map((p) => p.name).sort()).toEqual(g.officials.map((o) => o.name).sort());
    }
  });
});
