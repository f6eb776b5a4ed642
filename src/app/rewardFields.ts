/**
 * The settings rows of 责任金 and 奖补资金 (seed 003 考核奖惩, engine/rewards.ts): each role's
 * deposit, what comes back by band, the units' awards, each person's award and 零上访's. Read and
 * written by the settings sheet (settings.ts), where a person edits them.
 */
import { returnWording } from '../engine/rewards';
import type { Field } from './settings';

export const DEPOSIT_FIELDS: Field[] = [
  {
    label: '责任金',
    note: '每个单位各岗位缴纳的责任金：岗位 金额×人数，用“、”分隔',
    read: (t, s) => {
      const deposits = t.split('、').map((part) => /^(.+?)\s*(\d+(?:\.\d+)?)\s*[×xX*]\s*(\d+)$/.exec(part.trim()));
      if (t === '' || deposits.some((m) => !m)) return null;
      return { ...s, rewards: { ...s.rewards, deposits: deposits.map((m) => ({ role: m![1], amount: Number(m![2]), people: Number(m![3]) })) } };
    },
    write: (s) => s.rewards.deposits.map((d) => `${d.role}${d.amount}×${d.people}`).join('、'),
  },
  {
    label: '责任金返还',
    note: '按等次返还责任金的倍数：等次:倍数（2 双倍返还，1 返还本金，0 扣除），用“、”分隔',
    read: (t, s) => {
      const parts = t.split('、').map((part) => /^(.+?)\s*[:：]\s*(\d+(?:\.\d+)?)$/.exec(part.trim()));
      if (t === '' || parts.some((m) => !m)) return null;
      return { ...s, rewards: { ...s.rewards, returns: parts.map((m) => ({ band: m![1], times: Number(m![2]), wording: returnWording(Number(m![2])) })) } };
    },
    write: (s) => s.rewards.returns.map((r) => `${r.band}:${r.times}`).join('、'),
  },
  {
    label: '奖补资金',
    note: '总分达到多少分的前几名各奖多少元：最低分:第一名金额、第二名金额…',
    read: (t, s) => {
      const m = /^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\s*、\s*\d+)*)$/.exec(t);
      if (!m) return t === '' ? { ...s, rewards: { ...s.rewards, awards: { minTotal: 0, amounts: [] } } } : null;
      return { ...s, rewards: { ...s.rewards, awards: { minTotal: Number(m[1]), amounts: m[2].split('、').map((x) => Number(x.trim())) } } };
    },
    write: (s) => (s.rewards.awards.amounts.length ? `${s.rewards.awards.minTotal}:${s.rewards.awards.amounts.join('、')}` : ''),
  },
];

export const AWARD_FIELDS: Field[] = [
  {
    label: '个人奖励',
    note: '获奖补资金的单位中每人按名次奖励：岗位用“、”分隔:第一名金额、第二名金额…',
    read: (t, s) => {
      const m = /^(.+?)\s*[:：]\s*(\d+(?:\s*、\s*\d+)*)$/.exec(t);
      if (!m) return t === '' ? { ...s, rewards: { ...s.rewards, personal: { roles: [], amounts: [] } } } : null;
      return { ...s, rewards: { ...s.rewards, personal: { roles: m[1].split('、').map((x) => x.trim()).filter(Boolean), amounts: m[2].split('、').map((x) => Number(x.trim())) } } };
    },
    write: (s) => (s.rewards.personal.roles.length ? `${s.rewards.personal.roles.join('、')}:${s.rewards.personal.amounts.join('、')}` : ''),
  },
  {
    label: '零上访奖励',
    note: '全年“零上访”单位的奖励；单位金额;岗位用“、”分隔:每人金额',
    read: (t, s) => {
      const m = /^(\d+(?:\.\d+)?)\s*(?:[;；]\s*(.+?)\s*[:：]\s*(\d+(?:\.\d+)?))?$/.exec(t);
      if (!m) return t === '' ? { ...s, rewards: { ...s.rewards, zeroPetition: { unit: 0, roles: [], person: 0 } } } : null;
      return { ...s, rewards: { ...s.rewards, zeroPetition: { unit: Number(m[1]), roles: m[2] ? m[2].split('、').map((x) => x.trim()).filter(Boolean) : [], person: m[3] ? Number(m[3]) : 0 } } };
    },
    write: (s) => {
      const z = s.rewards.zeroPetition;
      return z.unit || z.roles.length ? `${z.unit}${z.roles.length ? `;${z.roles.join('、')}:${z.person}` : ''}` : '';
    },
  },
];
