import { dec } from '../../src/engine/decimal';
import { DEFAULT_REWARDS, depositOf, rewardFor, rewardNote } from '../../src/engine/rewards';

const unit = (band: string | null, total: number, rank: number, veto = false) => ({ band, total: dec(total), rank, veto });

describe('责任金与奖励 (seed 003 defaults)', () => {
  test('the deposit of a unit: 镇班子成员 2000 + 驻村点长、综治中心包村人员、村书记、治保主任 1000 each (seed 003 names all five)', () => {
    expect(depositOf(DEFAULT_REWARDS).toFixed()).toBe('6000');
  });

  test('85分以上 双倍返还, 80-85分 返还本金, 80分以下 扣除', () => {
    expect(rewardFor(DEFAULT_REWARDS, unit('85分以上', 90, 2))).toMatchObject({ returned: dec(12000), wording: '责任金双倍返还', award: null });
    expect(rewardFor(DEFAULT_REWARDS, unit('80-85分', 82, 5)).returned.toFixed()).toBe('6000');
    expect(rewardFor(DEFAULT_REWARDS, unit('80分以下', 70, 9)).returned.toFixed()).toBe('0');
  });

  test('一票否决: the deposit is forfeited and no award, whatever the total', () => {
    const r = rewardFor(DEFAULT_REWARDS, unit('一票否决', 99, 1, true));
    expect(r).toMatchObject({ returned: dec(0), award: null, wording: '一票否决，责任金全部扣除' });
  });

  test('98分以上 前三名 10000/8000/6000元; a unit below 98 gets none even when ranked first', () => {
    expect(rewardFor(DEFAULT_REWARDS, unit('85分以上', 99, 1)).award?.toFixed()).toBe('10000');
    expect(rewardFor(DEFAULT_REWARDS, unit('85分以上', 98, 3)).award?.toFixed()).toBe('6000');
    expect(rewardFor(DEFAULT_REWARDS, unit('85分以上', 97.5, 1)).award).toBeNull();
    expect(rewardFor(DEFAULT_REWARDS, unit('85分以上', 99, 4)).award).toBeNull();
  });

  test('the note the summary shows', () => {
    expect(rewardNote(rewardFor(DEFAULT_REWARDS, unit('85分以上', 99, 1)))).toBe('责任金双倍返还（12000元）；奖补资金10000元');
    expect(rewardNote(rewardFor(DEFAULT_REWARDS, unit('80分以下', 75, 9)))).toBe('扣除责任金（6000元）');
  });
});
