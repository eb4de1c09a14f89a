// Places in tables: made-up sentences run through the whole pipeline, and the places rows a careful reader
// expects (full official name, code, level, parent) — full names, short names, aliases and abbreviations,
// places inside organisation names, districts whose parent the article decides — and the regions, foreign
// places and ordinary words that are no administrative division.
import { describe, expect, it } from 'vitest';
import { analyze, rowsOf } from '../helpers.ts';

type Row = [place: string, code: string, level: string, parent: string];

function places(text: string): Row[] {
  return rowsOf(analyze(text, { published_at: '2022-01-19' })).places.map((r) => [r.place, r.code, r.level, r.parent] as Row);
}

const SHAANXI: Row = ['陕西省', '61', 'province', ''];
const XIAN: Row = ['西安市', '6101', 'prefecture', '陕西省'];

// [sentence, every places row of the article]
const MATCH: [string, Row[]][] = [
  // full names, each with its parent
  ['陕西省西安市雁塔区开展核酸检测。', [SHAANXI, XIAN, ['雁塔区', '610113', 'county', '西安市']]],
  ['浦东新区召开会议。', [['浦东新区', '310115', 'county', '上海市']]],
  ['宁夏回族自治区召开会议。', [['宁夏回族自治区', '64', 'province', '']]],
  ['来宾市召开会议。', [['来宾市', '4513', 'prefecture', '广西壮族自治区']]],
  // a city and its district written together; a bureau that is also a township name
  ['西安市长安区开展核酸检测。', [XIAN, ['长安区', '610116', 'county', '西安市']]],
  ['陕西省林业局召开会议。', [SHAANXI]],
  // the province decides which 鼓楼区 (福建 has one, under 福州市)
  ['福建省召开会议。鼓楼区开展检测。', [['福建省', '35', 'province', ''], ['鼓楼区', '350102', 'county', '福州市']]],
  // short names in context
  ['陕西加快发展。', [SHAANXI]],
  ['西安召开会议。', [XIAN]],
  ['海淀开展检测。', [['海淀区', '110108', 'county', '北京市']]],
  ['新疆召开会议。', [['新疆维吾尔自治区', '65', 'province', '']]],
  ['沈阳召开会议。', [['沈阳市', '2101', 'prefecture', '辽宁省']]],
  ['陕西广播电视台报道。', [SHAANXI]], // a province's short name may open a longer name
  // inside an organisation's name
  ['西安市疫情防控指挥部发布通告。', [XIAN]],
  ['开封市委召开会议。', [['开封市', '4102', 'prefecture', '河南省']]],
  // aliases and one-character abbreviations (place-aliases.csv)
  ['内蒙发展。', [['内蒙古自治区', '15', 'province', '']]],
  ['恩施州召开会议。', [['恩施土家族苗族自治州', '4228', 'prefecture', '湖北省']]],
  ['海南州召开会议。', [['海南藏族自治州', '6325', 'prefecture', '青海省']]], // not 海南省
  ['入陕人员要报备。', [SHAANXI]],
  ['来京人员要报备。', [['北京市', '11', 'province', '']]],
  ['来渝人员要报备。', [['重庆市', '50', 'province', '']]],
  // a district with one name in the country: its parent without help
  ['雁塔区开展核酸检测。', [['雁塔区', '610113', 'county', '西安市']]],
  ['宝塔区开展核酸检测。', [['宝塔区', '610602', 'county', '延安市']]],
  // a district name several cities have: decided by a city written before it or elsewhere in the article
  ['长安区开展核酸检测。', [['长安区', '', 'county', '']]],
  ['西安市召开会议。长安区开展核酸检测。', [XIAN, ['长安区', '610116', 'county', '西安市']]],
  ['西安市的长安区开展核酸检测。', [XIAN, ['长安区', '610116', 'county', '西安市']]],
  ['鼓楼区开展核酸检测。', [['鼓楼区', '', 'county', '']]],
  ['南京市鼓楼区开展核酸检测。', [['南京市', '3201', 'prefecture', '江苏省'], ['鼓楼区', '320106', 'county', '南京市']]],
  ['南京鼓楼区开展检测。', [['南京市', '3201', 'prefecture', '江苏省'], ['鼓楼区', '320106', 'county', '南京市']]],
  ['福州市鼓楼区开展核酸检测。', [['福州市', '3501', 'prefecture', '福建省'], ['鼓楼区', '350102', 'county', '福州市']]],
  ['福州市召开会议。鼓楼区开展检测。', [['福州市', '3501', 'prefecture', '福建省'], ['鼓楼区', '350102', 'county', '福州市']]],
  // 江苏省 has two 鼓楼区 (南京, 徐州): the province alone does not decide
  ['江苏省召开会议。鼓楼区开展检测。', [['江苏省', '32', 'province', ''], ['鼓楼区', '', 'county', '']]],
  ['朝阳区开展检测。', [['朝阳区', '', 'county', '']]],
  ['北京市朝阳区开展检测。', [['北京市', '11', 'province', ''], ['朝阳区', '110105', 'county', '北京市']]],
];

describe('places: match', () => {
  it.each(MATCH)('%s', (text, rows) => {
    expect(places(text)).toEqual(rows);
  });

  it('counts every mention of a place in one row, with the rule of the first', () => {
    const rows = rowsOf(analyze('西安召开会议。西安市疫情防控指挥部发布通告，西安各区县开展检测。', { published_at: '2022-01-19' })).places;
    expect(rows.map((r) => [r.place, r.mentions])).toEqual([['西安市', 3]]);
    expect(rows[0].rule).toMatch(/^dict:places\.csv:\d+:short$/);
  });

  it('says why a place has no code', () => {
    const [row] = rowsOf(analyze('鼓楼区开展核酸检测。', { published_at: '2022-01-19' })).places;
    expect(row.rule).toMatch(/:ambiguous$/);
  });
});

// Regions that are not divisions, foreign places, and ordinary words that contain a short name.
const MISS: string[] = [
  '沿着中山路前行。', // a street named after a place
  '各地出台66条政策措施。',
  '推动成渝地区双城经济圈建设。', // a region (双城 is also the short name of 双城区) // 出台 is "issue", not a movement into 台湾省
  '制定出台《实施意见》。',
  '北京路步行街。',
  '京津冀协同发展。',
  '长三角一体化。',
  '珠三角地区。',
  '长江大保护。',
  '推动长江经济带发展。',
  '黄河流域生态保护。',
  '粤港澳大湾区建设。',
  '关中平原城市群。',
  '陕北地区',
  '西北地区',
  '东北地区',
  '保护好秦岭生态。',
  '东京奥运会。',
  '美国纽约。',
  '韩国首尔',
  '俄罗斯',
  '东方红。', // 东方 (海南) inside a word
  '长安街。', // 长安 (区) inside a street name
  '新华社。',
  '祝全省人民新春安康。', // 安康 (市) as a wish
  '深入推进平安建设。',
  '各位来宾出席。', // 来宾 (市) as guests
  '江南水乡风景如画。',
  '开封菜',
  '和平发展',
  '开放合作',
  '青山绿水',
  '进京赶考', // an abbreviation needs a movement verb and a fitting word after it
  '全国各地',
];

describe('places: miss', () => {
  it.each(MISS)('%s', (text) => {
    expect(places(text)).toEqual([]);
  });
});
