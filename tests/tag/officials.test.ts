// Officials in tables: made-up sentences run through the whole pipeline, and the officials rows a careful
// reader expects (name, title as written without its place, jurisdiction, origin). The names are made up
// and not in dictionaries/officials.csv (checked below), so they can only be found by the title grammar
// (origin=text); the few real names are there to show origin=dictionary.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.ts';
import { ROOT, analyze, rowsOf } from '../helpers.ts';

const PUBLISHED = '2022-01-19';

/** Made-up names used below; none may be a dictionary official. */
const MADE_UP = ['钟书远', '魏启航', '郝清源', '蒋望舒', '柴立衡', '汤明哲', '邵景文', '苗德川', '雷鸣岳', '严守诚', '殷志鹏', '符晓岚', '谭振邦', '覃立言', '祁文博', '童恩泽', '阎振东'];

type Row = [name: string, title: string, jurisdiction: string, origin: 'text' | 'dictionary'];

function officials(doc: Doc): Row[] {
  return rowsOf(doc).officials.map((r) => [r.name, r.title, r.jurisdiction, r.origin] as Row);
}

const run = (text: string) => analyze(text, { published_at: PUBLISHED });

it('uses made-up names that the dictionary does not list', () => {
  const listed = new Set(
    readFileSync(join(ROOT, 'dictionaries', 'officials.csv'), 'utf8')
      .split('\n')
      .slice(1)
      .flatMap((line) => {
        const [name, , , , , aliases] = line.split(',');
        return [name, ...(aliases ?? '').split('|')];
      }),
  );
  for (const n of MADE_UP) expect(listed.has(n), n).toBe(false);
});

// [sentence, every officials row of the article]
const MATCH: [string, Row[]][] = [
  // stacked titles before a name; the province comes from the city of the other title
  ['省委常委、西安市委书记钟书远主持召开会议。', [
    ['钟书远', '省委常委', '陕西省', 'text'],
    ['钟书远', '市委书记', '西安市', 'text'],
  ]],
  ['陕西省委常委、常务副省长魏启航出席会议。', [
    ['魏启航', '省委常委', '陕西省', 'text'],
    ['魏启航', '常务副省长', '陕西省', 'text'],
  ]],
  // a stack with no place anywhere in the article: the jurisdiction stays empty, as the article leaves it
  ['省委副书记、省长郝清源主持召开省政府常务会议。', [
    ['郝清源', '省委副书记', '', 'text'],
    ['郝清源', '省长', '', 'text'],
  ]],
  // an organ before a generic office is the office's organ, not a name (卫健委 is no person)
  ['国家卫健委主任殷志鹏出席会议。', [['殷志鹏', '国家卫健委主任', '中国', 'text']]],
  ['陕西省林业局局长覃立言出席会议。', [['覃立言', '林业局局长', '陕西省', 'text']]],
  ['西安市疫情防控指挥部副总指挥谭振邦出席会议。', [['谭振邦', '疫情防控指挥部副总指挥', '西安市', 'text']]],
  // a two-character name before a verb with its particle (急得), a three-character one before the same
  ['镇长温玲急得直跺脚。', [['温玲', '镇长', '', 'text']]],
  ['镇长温晓玲急得直跺脚。', [['温晓玲', '镇长', '', 'text']]],
  // place fused with the title (河北省 + 省长 written 河北省长)
  ['河北省长蒋望舒到石家庄市调研。', [['蒋望舒', '省长', '河北省', 'text']]],
  ['四川省委书记柴立衡主持召开会议。', [['柴立衡', '省委书记', '四川省', 'text']]],
  // place, then title
  ['广东省副省长汤明哲出席。', [['汤明哲', '副省长', '广东省', 'text']]],
  ['西安市副市长邵景文出席。', [['邵景文', '副市长', '西安市', 'text']]],
  ['西安市雁塔区区长阎振东出席会议。', [['阎振东', '区长', '雁塔区', 'text']]],
  // jurisdiction from the organ's place
  ['西安市委书记苗德川出席会议。', [['苗德川', '市委书记', '西安市', 'text']]],
  ['雁塔区委书记童恩泽主持会议。', [['童恩泽', '区委书记', '雁塔区', 'text']]],
  ['西安市疫情防控指挥部副指挥长谭振邦介绍情况。', [['谭振邦', '疫情防控指挥部副指挥长', '西安市', 'text']]],
  // title after the name
  ['会议由雷鸣岳副总理主持。', [['雷鸣岳', '副总理', '中国', 'text']]],
  ['苗德川省长强调，要做好春运工作。', [['苗德川', '省长', '', 'text']]],
  // several names after one title; several titled names in a row
  ['副省长殷志鹏、符晓岚出席会议。', [
    ['殷志鹏', '副省长', '', 'text'],
    ['符晓岚', '副省长', '', 'text'],
  ]],
  ['省长钟书远、副省长魏启航出席会议。', [
    ['钟书远', '省长', '', 'text'],
    ['魏启航', '副省长', '', 'text'],
  ]],
  // a bare title inherits the one province the article is about
  ['陕西省召开会议。副省长覃立言出席。', [['覃立言', '副省长', '陕西省', 'text']]],
  ['陕西省召开会议。副省长殷志鹏、符晓岚出席。', [
    ['殷志鹏', '副省长', '陕西省', 'text'],
    ['符晓岚', '副省长', '陕西省', 'text'],
  ]],
  ['省委书记祁文博17日在延安市调研。', [['祁文博', '省委书记', '陕西省', 'text']]], // 延安市 is in 陕西省
  ['副省长魏启航出席会议。会后，魏启航来到西安市雁塔区。', [['魏启航', '副省长', '陕西省', 'text']]],
  // dictionary names: origin=dictionary
  ['省委书记刘国中出席会议并讲话。', [['刘国中', '省委书记', '陕西省', 'dictionary']]],
  ['刘国中在西安调研。', [['刘国中', '', '', 'dictionary']]], // a dictionary name needs no title
  ['省长赵一德主持会议。', [['赵一德', '省长', '陕西省', 'dictionary']]], // the dictionary role valid on 2022-01-19
  // an invoked leader is an official of the article (but no participant: see below)
  ['会议强调，要学习贯彻习近平总书记重要指示精神。', [['习近平', '总书记', '中国', 'dictionary']]],
];

describe('officials: match', () => {
  it.each(MATCH)('%s', (text, rows) => {
    expect(officials(run(text))).toEqual(rows);
  });
});

// Later mentions: the bare name, and 他/她 opening a sentence, are the same person.
const LATER: [string, string, [text: string, name: string][]][] = [
  ['省委书记蒋望舒17日在延安市调研。蒋望舒强调，要抓好安全生产。他指出，要压实责任。', '蒋望舒', [
    ['蒋望舒', '蒋望舒'],
    ['蒋望舒', '蒋望舒'],
    ['他', '蒋望舒'],
  ]],
  ['市委书记严守诚主持会议。她强调，要坚决打赢疫情防控攻坚战。', '严守诚', [
    ['严守诚', '严守诚'],
    ['她', '严守诚'],
  ]],
  // 他 skips a leader who is only invoked
  ['省委书记钟书远主持会议，传达学习习近平总书记重要讲话精神。他强调，要抓好落实。', '钟书远', [
    ['钟书远', '钟书远'],
    ['习近平', '习近平'],
    ['他', '钟书远'],
  ]],
];

describe('officials: later mentions', () => {
  it.each(LATER)('%s', (text, name, mentions) => {
    const doc = run(text);
    const people = doc.mentions.filter((m) => m.type === 'person').sort((a, b) => a.start - b.start);
    expect(people.map((m) => [doc.text.slice(m.start, m.end), m.normalized])).toEqual(mentions);
    const row = rowsOf(doc).officials.find((r) => r.name === name)!;
    expect(row.mentions).toBe(mentions.filter(([, n]) => n === name).length);
  });
});

// [sentence, names that must not come out as officials]: reporters, editors, ordinary people, words that
// start with a surname, and titles that name nobody.
const MISS: [string, string[]][] = [
  ['记者 邵景文 报道：省政府召开常务会议。', ['邵景文']],
  ['省政府召开常务会议。（记者邵景文）', ['邵景文']],
  ['本报讯（记者 邵景文 通讯员 覃立言）17日，省政府召开常务会议。', ['邵景文', '覃立言']],
  ['省政府召开常务会议。\n\n责任编辑：苗德川', ['苗德川']],
  ['编辑：苗德川', ['苗德川']],
  ['村民雷鸣岳说，今年收成不错。', ['雷鸣岳']],
  ['患者严守诚已出院。', ['严守诚']],
  ['一名患者童恩泽已治愈。', ['童恩泽']],
  ['市民祁文博表示，很满意。', ['祁文博']],
  ['群众阎振东说，服务很好。', ['阎振东']],
  ['企业负责人祁文博介绍了情况。', ['祁文博']],
  ['志愿者阎振东说，很高兴。', ['阎振东']],
  // surname + characters that are words
  ['高度重视安全生产。', []],
  ['王府井大街人流如织。', []],
  ['张贴通告。', []],
  ['周密部署各项工作。', []],
  ['万家灯火。', []],
  ['金融风险防控。', []],
  ['方案已经出台。', []],
  ['许多干部表示支持。', []],
  ['常务会议研究了有关事项。', []],
  ['全面加强监管。', []],
  ['钱款到位。', []],
  // a title without a name
  ['省委书记要求各地加强监管。', []],
  ['副省长出席会议并讲话。', []],
  // a verb where the name would be
  ['副省长强调，要抓好落实。', ['强调']],
  ['陕西省委书记强调，要抓好落实。', ['强调']],
  // words jieba knows that are no names, and a title inside the would-be name
  ['中国国民党荣誉主席出席开幕式。', ['荣誉']],
  ['国务院新闻办公室发表白皮书《交通发展》。', ['白皮书']],
  ['这是她就任总理后首次出访。', ['后首次']],
  ['各界高度评价习主席的讲话。', ['习主席']],
  // a city and its district, not 市长 + a name
  ['西安市长安区开展核酸检测。', ['安区']],
];

describe('officials: miss', () => {
  it.each(MISS)('%s', (text, names) => {
    const doc = run(text);
    // Nobody at all is an official here (the names listed are the ones a careless tagger would take).
    expect(officials(doc)).toEqual([]);
    expect(doc.people.map((p) => p.name).filter((n) => names.includes(n))).toEqual([]);
  });

  it('keeps reporters and editors as credits', () => {
    expect(rowsOf(run('记者 邵景文 报道：省政府召开常务会议，副省长魏启航出席。')).articles[0].reporters).toBe('邵景文');
    expect(rowsOf(run('省政府召开常务会议，副省长魏启航出席。（记者邵景文）')).articles[0].reporters).toBe('邵景文');
    expect(rowsOf(run('省政府召开常务会议，副省长魏启航出席。\n\n责任编辑：苗德川')).articles[0].editor).toBe('苗德川');
    // a second label ends the first list: 通讯员 is no name
    expect(rowsOf(run('本报讯（记者 邵景文 通讯员 覃立言）17日，省政府召开常务会议。')).articles[0].reporters).toBe('邵景文; 覃立言');
  });

  it('names no person for a title alone, but keeps the title', () => {
    const doc = run('省委书记要求各地加强监管。');
    expect(doc.people).toEqual([]);
    expect(doc.mentions.filter((m) => m.type === 'title').map((m) => [m.normalized, m.personId])).toEqual([['省委书记', undefined]]);
  });
});

describe('officials: invoked leaders', () => {
  const text = '省委书记刘国中17日主持召开省委常委会会议，传达学习习近平总书记重要讲话精神。刘国中强调，要抓好落实。';

  it('are officials of the article but not participants of its meeting', () => {
    const doc = run(text);
    const rows = rowsOf(doc);
    expect(rows.officials.map((r) => [r.name, r.title, r.jurisdiction, r.origin])).toEqual([
      ['刘国中', '省委书记', '陕西省', 'dictionary'],
      ['习近平', '总书记', '中国', 'dictionary'],
    ]);
    expect(doc.people.find((p) => p.name === '习近平')?.invokedOnly).toBe(true);
    expect(doc.people.find((p) => p.name === '刘国中')?.invokedOnly).toBeFalsy();
    expect(rows.participants.map((p) => p.name)).not.toContain('习近平');
    expect(rows.participants.filter((p) => p.role === 'chair').map((p) => p.name)).toEqual(['刘国中']);
  });

  it.each([
    '要学习贯彻习近平总书记重要指示精神。',
    '按照习近平总书记的要求，抓好落实。',
    '深入学习贯彻习近平新时代中国特色社会主义思想。',
  ])('%s: invoked only', (sentence) => {
    const doc = run(`省政府召开常务会议。会议强调，${sentence}`);
    const xi = doc.people.find((p) => p.name === '习近平');
    expect(xi?.origin).toBe('dictionary');
    expect(xi?.invokedOnly).toBe(true);
    expect(doc.meetings.flatMap((m) => m.roles.map((r) => doc.people[r.personId].name))).not.toContain('习近平');
  });
});
