// English reported speech: one directive per sentence, with its speaker (the person, 会议 for the meeting
// itself), the reporting verb as written, and the content after the attribution.
import { describe, expect, it } from 'vitest';
import { directives, en, meetings } from './en.ts';

const PUBLISHED = { published_at: '2022-01-19' };
const CONTEXT = 'Vice Premier Zhao Mingyuan chaired a meeting on grain security in Zhengzhou on Monday.';

/** The directives of the second sentence, after a first one that introduces Zhao and the meeting. */
const said = (sentence: string) => directives(en(`${CONTEXT} ${sentence}`, PUBLISHED));

describe('a reporting verb', () => {
  it.each([
    ['Zhao stressed that grain output must stay above 650 million tonnes.', 'stressed', 'grain output must stay above'],
    ['Zhao urged local governments to protect farmland.', 'urged', 'local governments to protect farmland'],
    ['Zhao called for stronger support to grain farmers.', 'called for', 'stronger support to grain farmers'],
    ['Zhao called on farmers to plant early this year.', 'called on', 'farmers to plant early this year'],
    ['Zhao said the country has enough grain in store.', 'said', 'the country has enough grain in store'],
    ['Zhao noted that prices had stabilized since December.', 'noted', 'prices had stabilized since December'],
    ['Zhao demanded strict checks on all grain depots.', 'demanded', 'strict checks on all grain depots'],
    ['Zhao ordered officials to report any losses at once.', 'ordered', 'officials to report any losses at once'],
    ['Zhao pointed out that seed quality decides the harvest.', 'pointed out', 'seed quality decides the harvest'],
    ['Zhao has also emphasized the role of irrigation.', 'emphasized', 'the role of irrigation'],
    ['Zhao on Monday stressed the need to stabilize grain prices.', 'stressed', 'the need to stabilize grain prices'],
    ['Zhao said on Monday that no farmland may be left idle.', 'said', 'no farmland may be left idle'],
    [
      'Zhao, who is also a member of the Political Bureau of the CPC Central Committee, stressed that food security comes first.',
      'stressed',
      'food security comes first',
    ],
  ])('subject first: %s', (sentence, verb, opening) => {
    const [d, ...more] = said(sentence);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ speaker: 'Zhao Mingyuan', verb });
    expect(d.text.startsWith(opening)).toBe(true);
  });

  it.each([
    ['Grain reserves must be kept safe at all times, Zhao said.', 'said', 'Grain reserves must be kept safe at all times'],
    ['"Grain reserves must be kept safe at all times," Zhao said.', 'said', 'Grain reserves must be kept safe at all times'],
    ['"Grain reserves must be kept safe at all times," said Zhao.', 'said', 'Grain reserves must be kept safe at all times'],
    ['Grain reserves must be kept safe at all times, he said.', 'said', 'Grain reserves must be kept safe at all times'],
    ['Local officials must take responsibility, Zhao said, calling for regular checks.', 'said', 'Local officials must take responsibility'],
  ])('content first: %s', (sentence, verb, text) => {
    expect(said(sentence)).toEqual([{ speaker: 'Zhao Mingyuan', verb, text }]);
  });

  it.each([
    ['Zhao visited a grain depot in Zhengzhou, calling for better storage facilities.', 'calling for', 'better storage facilities'],
    ['Zhao inspected farmland in Henan Province, urging officials to repair irrigation canals.', 'urging', 'officials to repair irrigation canals'],
  ])('a participle after the main clause: %s', (sentence, verb, opening) => {
    const [d, ...more] = said(sentence);
    expect(more).toEqual([]);
    expect(d).toMatchObject({ speaker: 'Zhao Mingyuan', verb });
    expect(d.text.startsWith(opening)).toBe(true);
  });

  it('keeps one directive for a sentence with a verb and a participle', () => {
    const ds = said('Zhao urged maximum efforts to repair the dams, noting that those responsible must be held accountable.');
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ speaker: 'Zhao Mingyuan', verb: 'urged' });
    expect(ds[0].text.startsWith('maximum efforts to repair the dams')).toBe(true);
  });
});

describe('who speaks', () => {
  it.each([
    ['He said the harvest would be better than last year.', 'said'],
    ['She stressed that farmers must be paid on time.', 'stressed'],
  ])('"%s" → the current speaker', (sentence, verb) => {
    expect(said(sentence)).toEqual([expect.objectContaining({ speaker: 'Zhao Mingyuan', verb })]);
  });

  it.each([
    ['Grain reserves must be checked every month, it said.', 'said'],
    ['Farmland must not be left idle, the meeting noted.', 'noted'],
  ])('"%s" → the meeting', (sentence, verb) => {
    expect(said(sentence)).toEqual([expect.objectContaining({ speaker: '会议', verb })]);
  });

  it('"He" after a sentence naming two people is its subject, not the last name', () => {
    const doc = en('Vice Premier Zhao Mingyuan, accompanied by Governor Xu Wenbo, visited farms in Henan on Monday. He said spring sowing must not be delayed.', PUBLISHED);
    expect(directives(doc)).toEqual([{ speaker: 'Zhao Mingyuan', verb: 'said', text: 'spring sowing must not be delayed.' }]);
  });

  it('"He" after a sentence by another person is that person', () => {
    const doc = en(`${CONTEXT} Governor Xu Wenbo also spoke at the meeting. He noted that the province had finished sowing.`, PUBLISHED);
    expect(directives(doc)).toEqual([{ speaker: 'Xu Wenbo', verb: 'noted', text: 'the province had finished sowing.' }]);
  });

  it.each([
    ['The meeting urged all regions to secure the spring sowing.', 'urged', 'all regions to secure the spring sowing.'],
    ['The meeting called for more support to grain farmers.', 'called for', 'more support to grain farmers.'],
    ['The meeting decided to raise the minimum purchase price of wheat.', 'decided', 'to raise the minimum purchase price of wheat.'],
    ['The meeting stressed that grain security is the top priority.', 'stressed', 'grain security is the top priority.'],
  ])('"%s" → 会议', (sentence, verb, text) => {
    expect(said(sentence)).toEqual([{ speaker: '会议', verb, text }]);
  });

  it('takes the meeting as speaker after ", chaired by …,"', () => {
    const doc = en('The State Council executive meeting, chaired by Premier Feng Zhiyuan on Wednesday, decided to cut fees for small firms.', PUBLISHED);
    expect(directives(doc)).toEqual([{ speaker: '会议', verb: 'decided', text: 'to cut fees for small firms.' }]);
  });

  it('makes the person who speaks a speaker of the meeting', () => {
    const doc = en(`${CONTEXT} Governor Xu Wenbo said Henan would plant more wheat.`, PUBLISHED);
    expect(meetings(doc)[0].speakers).toEqual(['Xu Wenbo']);
  });
});

describe('no directive', () => {
  it.each([
    ['The meeting was held in Zhengzhou.', '"held" without "that" is not speech'],
    ['Zhao held talks with farmers in the afternoon.', '"held" talks'],
    ['Zhao visited a farm in Henan Province.', 'no reporting verb'],
    ['Zhao and Xu Wenbo inspected a grain depot.', 'no reporting verb, two people'],
    ['Wheat prices rose slightly in December.', 'no speaker'],
  ])('%s (%s)', (sentence) => {
    expect(said(sentence)).toEqual([]);
  });
});
