/**
 * 考核组: who scored a unit, as written on its sheet's signature rows below the table —
 * `考核组长(签字): 王明  考核组成员(签字): 李强、赵敏`, the name in the label's cell after the
 * colon or in the cells that follow it. Pure: a grid in, names out.
 */
import { fold } from '../engine/text';
import { display } from './entry';
import type { Grid } from './grid';

/** 考核组: its leader (考核组长) and members (考核组成员), names as written. */
export interface Signers {
  leader: string;
  members: string[];
}

const LEADER = /^考核组长/;
const MEMBERS = /^(考核组成员|考核组员|考核人员?|组员|成员)/;
const OTHER_LABEL = /^(被考核单位|单位负责人|负责人|日期|注)/;
/** How far below a table its signature rows may stand. */
const SEARCH_ROWS = 8;

/** Splits a list of names: 李强、赵敏 / 李强,赵敏 / 李强 赵敏. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;\s/]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** The text after a label's colon: '考核组长(签字):王明' → '王明'. */
function afterLabel(text: string): string {
  const m = /[:：](.*)$/s.exec(text);
  return m ? m[1].trim() : '';
}

/**
 * The 考核组 written on a sheet's signature rows, searched from `fromRow` (0-based, the row after
 * the table) for a few rows. Empty names when none are written (the usual blank signature line).
 * readSigners(grid(..., ['考核组长(签字):', '王明', '考核组成员(签字):', '李强、赵敏']), 0) → { leader: '王明', members: ['李强', '赵敏'] }
 */
export function readSigners(grid: Grid, fromRow: number): Signers {
  const leader: string[] = [];
  const members: string[] = [];
  const to = Math.min(grid.rows.length, fromRow + SEARCH_ROWS);
  for (let r = Math.max(0, fromRow); r < to; r++) {
    let into: string[] | null = null;
    for (const v of grid.rows[r] ?? []) {
      const text = display(v).trim();
      if (text === '') continue;
      const key = fold(text).replace(/\s+/g, '');
      if (LEADER.test(key)) {
        into = leader;
        into.push(...splitNames(afterLabel(text)));
      } else if (MEMBERS.test(key)) {
        into = members;
        into.push(...splitNames(afterLabel(text)));
      } else if (OTHER_LABEL.test(key) || /[:：]/.test(text) || /年.*月.*日/.test(key)) {
        into = null;
      } else if (into) {
        into.push(...splitNames(text));
      }
    }
  }
  return { leader: leader.join('、'), members };
}

/** True when no name is written. */
export function noSigners(s: Signers): boolean {
  return s.leader === '' && s.members.length === 0;
}

/** 考核组 as one line: '组长 王明；成员 李强、赵敏'. */
export function signersText(s: Signers): string {
  return [s.leader ? `组长 ${s.leader}` : '', s.members.length ? `成员 ${s.members.join('、')}` : ''].filter(Boolean).join('；');
}

/**
 * The 考核组 of each unit from 评分来源 (unit, leader, members per supplying file), for the signed
 * score sheets: a unit scored by two groups gets both groups' names.
 */
export function signersByUnit(sources: readonly { unit: string; leader: string; members: readonly string[] }[]): Map<string, Signers> {
  const out = new Map<string, Signers>();
  for (const s of sources) {
    const had = out.get(s.unit) ?? { leader: '', members: [] };
    const leaders = [...new Set([...splitNames(had.leader), ...splitNames(s.leader)])];
    out.set(s.unit, { leader: leaders.join('、'), members: [...new Set([...had.members, ...s.members])] });
  }
  return out;
}
