// Events over made-up articles with made-up names (none is in dictionaries/officials.csv): one rule per
// case — continuation, 他, 会议, several meetings, a repeated lede, an invoked leader, roles, spans.
import { describe, expect, it } from 'vitest';
import type { Doc } from '../../src/doc.ts';
import { analyze, rowsOf } from '../helpers.ts';

const PUB = '2023-03-20T18:00:00+08:00';
const run = (text: string, published_at = PUB) => rowsOf(analyze(text, { published_at }));
const list = (v: string | number) => (v === '' ? [] : String(v).split('; '));
const people = (doc: Doc) => doc.people.map((p) => p.name);

describe('directives', () => {
  it('"X要求,A。B。C。" gives three rows by X with 要求', () => {
    const t = run('3月18日,省委书记柯向山主持召开全省安全生产工作会议。柯向山要求,要压紧压实安全生产责任。要深入排查各类风险隐患。要加强应急值守和信息报送。');
    const byKe = t.events.filter((e) => e.speaker === '柯向山');
    expect(byKe.map((e) => e.verb)).toEqual(['要求', '要求', '要求']);
    expect(byKe.map((e) => String(e.directive).slice(0, 4))).toEqual(['要压紧压', '要深入排', '要加强应']);
  });

  it('a paragraph without a new attribution continues the current speaker', () => {
    const t = run('3月18日,市长鲍启文主持召开全市防汛工作会议。\n\n鲍启文强调,要把防汛救灾作为当前头等大事来抓。\n\n各级各部门要强化监测预警,提前转移危险区域群众。');
    expect(t.events.map((e) => e.speaker)).toEqual(['鲍启文', '鲍启文']);
    expect(t.events[1].rule).toMatch(/continu/);
  });

  it('他强调 resolves to the person last named as subject', () => {
    const t = run('3月18日,副省长庞立川到某地调研春耕生产。他强调,要稳定粮食播种面积,确保春耕生产顺利进行。');
    expect(t.events).toHaveLength(1);
    expect(t.events[0].speaker).toBe('庞立川');
    expect(t.events[0].verb).toBe('强调');
  });

  it('会议认为 / 会议强调 rows have speaker 会议', () => {
    const t = run('3月18日,市委常委会召开会议,市委书记甘崇礼主持。会议认为,今年以来全市经济运行总体平稳。会议强调,要扎实做好稳增长各项工作。');
    const byMeeting = t.events.filter((e) => e.speaker === '会议');
    expect(byMeeting.map((e) => e.verb)).toEqual(['认为', '强调']);
  });

  it('a quoted invoked leader is that leader, and not a participant', () => {
    const doc = analyze('3月18日,省委书记柯向山主持召开省委常委会会议。会议传达学习了习近平总书记重要讲话精神。习近平总书记强调,要坚持稳中求进工作总基调。柯向山指出,要认真贯彻落实。', { published_at: PUB });
    const t = rowsOf(doc);
    expect(t.events.find((e) => String(e.directive).startsWith('要坚持稳中求进'))?.speaker).toBe('习近平');
    expect(people(doc)).toContain('习近平');
    expect(t.participants.map((p) => p.name)).not.toContain('习近平');
  });

  it('a quotation before its attribution belongs to the speaker named after it', () => {
    const t = run('3月18日,县长滕宏远主持召开县政府常务会议。“要把群众的事当作自己的事来办。”滕宏远说。');
    expect(t.events).toHaveLength(1);
    expect(t.events[0].speaker).toBe('滕宏远');
  });

  it('reported speech of a person is linked to the meeting it was said at', () => {
    const t = run('3月18日,市长鲍启文主持召开全市防汛工作会议。鲍启文强调,要把防汛救灾作为当前头等大事来抓。');
    expect(t.meetings).toHaveLength(1);
    expect(t.events[0].meeting_id).toBe(t.meetings[0].meeting_id);
    expect(t.events[0].meeting).toBe(t.meetings[0].name);
    expect(t.events[0].date).toBe('2023-03-18');
  });
});

describe('documents and organisations', () => {
  it('a document that "makes arrangements" speaks the paragraphs after it', () => {
    const t = run('3月18日，省防汛抗旱指挥部印发《关于做好汛期安全工作的通知》，对全省防汛工作作出部署安排。\n\n各市县要加强值班值守，及时转移受威胁群众。要强化水库安全管理。\n\n沿江地区要做好堤防巡查。');
    expect(t.events.map((e) => [e.speaker, e.verb])).toEqual([
      ['省防汛抗旱指挥部', '部署'],
      ['省防汛抗旱指挥部', '部署'],
      ['省防汛抗旱指挥部', '部署'],
    ]);
  });

  it('a clause with a modal before 要求 is no organisation speaking', () => {
    const t = run('学校要严格落实常态化疫情防控要求，做好师生健康监测。');
    expect(t.events).toHaveLength(0);
  });

  it('an organisation that stresses is the speaker, as written', () => {
    const t = run('市疫情防控指挥部强调，要严格落实各项防控措施。');
    expect(t.events.map((e) => [e.speaker, e.verb])).toEqual([['市疫情防控指挥部', '强调']]);
  });
});

describe('where speech ends', () => {
  it('a new paragraph opened by someone else who 表示 is theirs, not a continuation', () => {
    const t = run('省委书记柯向山会见了来访的代表团。柯向山表示，要深化双方合作。\n\n代表团团长阿里夫表示，愿同中方加强合作。');
    expect(t.events.map((e) => e.speaker)).toEqual(['柯向山', '代表团团长阿里夫']);
  });

  it('a paragraph that goes on to give the word to someone else does not open with the last speaker', () => {
    const t = run('省委书记柯向山强调，要抓好项目建设。\n\n制造业是本市的最大优势。在全市产业发展大会上，市委书记甘崇礼指出，要做强制造业。');
    expect(t.events.map((e) => [e.speaker, String(e.directive).slice(0, 5)])).toEqual([
      ['柯向山', '要抓好项目'],
      ['甘崇礼', '要做强制造'],
    ]);
  });

  it('an aside cut off at the end of a line is no one’s words', () => {
    const t = run('通知要求，各地要抓好落实。（详情请点击链接：\n）');
    expect(t.events.map((e) => e.directive)).toEqual(['各地要抓好落实。']);
  });

  it('a bracketed credit line is no one’s words', () => {
    const t = run('通知要求，各地要抓好落实。(视频编辑：温玲)');
    expect(t.events.map((e) => e.directive)).toEqual(['各地要抓好落实。']);
  });

  it('"与会人员普遍认为" is the participants speaking, without the adverb', () => {
    const t = run('与会人员普遍认为，改革取得明显成效。');
    expect(t.events.map((e) => [e.speaker, e.verb])).toEqual([['与会人员', '认为']]);
  });
});

describe('meetings and roles', () => {
  it('chair, speakers and attendees, one person in two roles', () => {
    const t = run('3月18日,省委书记柯向山主持召开全省安全生产工作会议并讲话。省长鲍启文出席会议。副省长庞立川参加会议。柯向山强调,要压紧压实安全生产责任。');
    expect(t.meetings).toHaveLength(1);
    const m = t.meetings[0];
    expect(m.kind).toBe('meeting');
    expect(m.name).toBe('全省安全生产工作会议');
    expect(list(m.chair)).toEqual(['柯向山']);
    expect(list(m.speakers)).toEqual(['柯向山']);
    expect(list(m.attendees).sort()).toEqual(['庞立川', '鲍启文'].sort());
    expect(t.participants.filter((p) => p.name === '柯向山').map((p) => p.role).sort()).toEqual(['chair', 'speaker']);
  });

  it('an inspection then a symposium are two events', () => {
    const t = run('3月17日至18日,省委书记柯向山在宝鸡市调研。\n\n18日下午,柯向山主持召开座谈会,听取意见建议。柯向山强调,要抓好项目建设。');
    expect(t.meetings.map((m) => m.kind)).toEqual(['inspection', 'meeting']);
    expect(t.meetings[0].date).toBe('2023-03-17');
    expect(t.meetings[0].end_date).toBe('2023-03-18');
    expect(t.meetings[1].date).toBe('2023-03-18');
    expect(t.meetings[1].time_of_day).toBe('下午');
  });

  it('a lede repeated in the body is one meeting, not two', () => {
    const lede = '3月18日晚,省委书记柯向山主持召开全省疫情防控调度会。';
    const t = run(`${lede}\n\n${lede}柯向山强调,要坚决守住不发生规模性疫情的底线。`);
    expect(t.meetings).toHaveLength(1);
    expect(t.meetings[0].time_of_day).toBe('晚');
    expect(t.events).toHaveLength(1);
  });

  it.each([
    ['a room is no meeting', '3月18日上午，市政府会议室内气氛热烈。'],
    ['a meeting referred back to is not a new one', '3月18日，市长鲍启文主持召开全市防汛工作会议。这次会议要求各地抓好落实。'],
  ])('%s', (_, text) => {
    const t = run(text);
    expect(t.meetings.map((m) => m.name)).toEqual(text.includes('防汛') ? ['全市防汛工作会议'] : []);
  });

  it('the venue is kept as written', () => {
    const t = run('3月18日,省委书记柯向山在省应急管理厅主持召开全省安全生产工作会议。');
    expect(t.meetings[0].venue).toBe('省应急管理厅');
  });

  it('a relative date resolves against the publication date, preferring the past', () => {
    const t = run('昨日,市长鲍启文主持召开全市防汛工作会议。');
    expect(t.meetings[0].date).toBe('2023-03-19');
  });

  it('no meeting word, no meeting: speech alone still gives directives', () => {
    const t = run('市长鲍启文在接受采访时表示,要持续优化营商环境。');
    expect(t.meetings).toHaveLength(0);
    expect(t.events.map((e) => e.speaker)).toEqual(['鲍启文']);
  });
});
