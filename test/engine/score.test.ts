import { DEFAULT_BANDS, bandFor, parseBand } from '../../src/engine/bands';
import { dec, sum, round2, show } from '../../src/engine/decimal';
import type { Entry, Scheme, ScoreSettings, UnitEntries } from '../../src/engine/model';
import { rankCompetition, rankDense } from '../../src/engine/rank';
import { placeUnits, scoreUnit } from '../../src/engine/score';

const ds = (...xs: number[]) => xs.map((x) => dec(x));

const settings = (over: Partial<ScoreSettings> = {}): ScoreSettings => ({
  ranking: 'dense',
  veto: 'zero',
  bands: DEFAULT_BANDS,
  ...over,
});

const scheme: Scheme = {
  categories: [
    { title: '一、组织领导', statedPoints: dec(10), items: [
      { label: '会议记录', points: dec(5), rules: [] },
      { label: '包案制度', points: dec(5), rules: [] },
    ] },
    { title: '二、包保网络', statedPoints: dec(90), items: [{ label: '无越级上访', points: dec(90), rules: [] }] },
  ],
  adjustments: [{ label: '化解积案', rule: '加5分', kind: 'bonus', cap: null }, { label: '缺席会议', rule: '缺一次扣1分', kind: 'deduction', cap: null }],
  hasVeto: true,
};

const ok = (v: number | string, cell = 'E4'): Entry => ({ cell, status: 'ok', value: dec(v), raw: String(v) });
const blank: Entry = { cell: 'E9', status: 'blank', value: null, raw: '' };
const invalid: Entry = { cell: 'E5', status: 'invalid', value: null, raw: '6' };

function entries(items: Entry[][], adjustments: Entry[] = [blank, blank], veto: boolean | null = false): UnitEntries {
  return { items, adjustments, veto: { cell: 'E20', value: veto, raw: veto ? '是' : '否' } };
}

describe('exact decimals', () => {
  it('adds ten deductions of 0.1 to exactly 1', () => {
    expect(sum(Array.from({ length: 10 }, () => dec('0.1'))).eq(1)).toBe(true);
  });
  it('shows 0.1 + 0.2 as 0.3, never 0.30000000000000004', () => {
    expect(show(dec('0.1').plus(dec('0.2')))).toBe('0.3');
  });
  it('rounds totals half up to two decimals', () => {
    expect(show(round2(dec('94.125')))).toBe('94.13');
  });
});

describe('scoreUnit', () => {
  it('sums items into categories and categories into the base', () => {
    const s = scoreUnit(scheme, entries([[ok(4.5), ok(5)], [ok(88)]]), settings());
    expect(s.categories.map((c) => show(c.score))).toEqual(['9.5', '88']);
    expect(show(s.base)).toBe('97.5');
    expect(show(s.total)).toBe('97.5');
  });

  it('adds signed adjustments (加减分) and lets bonuses take the total above 100', () => {
    const s = scoreUnit(scheme, entries([[ok(5), ok(5)], [ok(90)]], [ok(5), ok(-1)]), settings());
    expect(show(s.adjustment)).toBe('4');
    expect(show(s.total)).toBe('104');
  });

  it('never lets the total fall below 0', () => {
    const s = scoreUnit(scheme, entries([[ok(0), ok(0)], [ok(0)]], [blank, ok(-3)]), settings());
    expect(show(s.total)).toBe('0');
  });

  it('counts a blank or invalid entry as not scored and says how many', () => {
    const s = scoreUnit(scheme, entries([[blank, invalid], [ok(80)]]), settings());
    expect(show(s.base)).toBe('80');
    expect(s.blank).toBe(1);
    expect(s.invalid).toBe(1);
  });

  it('sets a vetoed total to 0 with veto zero: 以0分计算', () => {
    const s = scoreUnit(scheme, entries([[ok(5), ok(5)], [ok(90)]], undefined, true), settings({ veto: 'zero' }));
    expect(s.veto).toBe(true);
    expect(show(s.total)).toBe('0');
  });

  it('keeps a vetoed score with veto last', () => {
    const s = scoreUnit(scheme, entries([[ok(5), ok(5)], [ok(90)]], undefined, true), settings({ veto: 'last' }));
    expect(show(s.total)).toBe('100');
  });
});

describe('ranking', () => {
  it('ranks ties together and does not skip the next rank: 并列不占名次', () => {
    expect(rankDense(ds(9, 8, 8, 7))).toEqual([1, 2, 2, 3]);
  });
  it('skips ranks after a tie in competition ranking', () => {
    expect(rankCompetition(ds(9, 8, 8, 7))).toEqual([1, 2, 2, 4]);
  });
  it('ranks in input order whatever the order of totals', () => {
    expect(rankDense(ds(70, 95.5, 80, 95.5))).toEqual([3, 1, 2, 1]);
    expect(rankCompetition(ds(70, 95.5, 80, 95.5))).toEqual([4, 1, 3, 1]);
  });

  const units = [
    { total: dec(90), veto: false },
    { total: dec(0), veto: true },
    { total: dec(85), veto: false },
    { total: dec(85), veto: false },
    { total: dec(60), veto: false },
  ];

  it('places vetoed units after every unit without a veto (dense)', () => {
    expect(placeUnits(units, settings()).map((p) => p.rank)).toEqual([1, 4, 2, 2, 3]);
  });

  it('places vetoed units after every unit without a veto (competition)', () => {
    expect(placeUnits(units, settings({ ranking: 'competition' })).map((p) => p.rank)).toEqual([1, 5, 2, 2, 4]);
  });

  it('ranks a vetoed unit last even when veto last keeps a high score', () => {
    const kept = [{ total: dec(99), veto: true }, { total: dec(70), veto: false }];
    expect(placeUnits(kept, settings({ veto: 'last' })).map((p) => p.rank)).toEqual([2, 1]);
  });

  it('gives a vetoed unit the band 一票否决', () => {
    expect(placeUnits(units, settings())[1].band?.label).toBe('一票否决');
  });
});

describe('bands', () => {
  const bands = DEFAULT_BANDS.map(parseBand);
  const label = (t: number | string) => bandFor(bands, dec(t)).band?.label;

  it('includes the number in 以上: 85分以上含85', () => {
    expect(label(85)).toBe('85分以上');
    expect(label('84.99')).toBe('80-85分');
  });

  it('includes the number in 以下 but the higher band wins on a shared boundary: 80 is 80-85分', () => {
    expect(label(80)).toBe('80-85分');
    expect(label('79.5')).toBe('80分以下');
  });

  it('reports the band that lost on a shared boundary', () => {
    const r = bandFor(bands, dec(85));
    expect(r.alsoClaimedBy.map((b) => b.label)).toEqual(['80-85分']);
    expect(bandFor(bands, dec(90)).alsoClaimedBy).toEqual([]);
  });

  it('reads band labels in their common forms', () => {
    expect(parseBand({ label: '90分及以上' })).toMatchObject({ min: dec(90), max: null });
    expect(parseBand({ label: '60～79分' })).toMatchObject({ min: dec(60), max: dec(79) });
    expect(parseBand({ label: '60分以下' })).toMatchObject({ min: null, max: dec(60) });
  });

  it('refuses a band label it cannot read, saying how to write it', () => {
    expect(() => parseBand({ label: '优秀' })).toThrow('无法识别的等次“优秀”');
  });
});
