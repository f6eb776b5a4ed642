/**
 * Reads a 扣分因素 text into rules (rule.ts). A text is cut into sentences (。 ; line
 * breaks) and each sentence into pieces (commas). A piece holding a phrase of
 * vocabulary.ts (扣4分, 一票否决 …) makes a rule; the plain pieces before it in the same
 * sentence are its condition — what is counted. Pieces with money, 按…规定 or no points at
 * all become notes; a piece that speaks of points in a way not known here is reported as
 * unparsed. Nothing is guessed.
 */
import type { Decimal } from '../decimal';
import { cleanText } from '../text';
import { ruleMessage } from './messages';
import type { NoteReason, ParsedRules, Rule, RuleKind, UnparsedReason } from './rule';
import {
  CONDITION_OPENER, COUNT_UNIT, ITEM_POINTS_PAREN, LEVEL_LIST, MONEY, MONEY_TERMS, NUMBERING, PER_EACH, PHRASES,
  POINTS_WORDS, REFERRAL, parseCount, parsePoints, plainCountedObject, type PhraseName,
} from './vocabulary';

export interface ParseContext {
  /** The item's 考核重点, where 分别加5分、3分、2分 finds its levels (在省、市、区检查中受到表彰). */
  label?: string;
}

/** A piece of a sentence with its place in it, so a rule can quote its clause exactly. */
interface Piece {
  text: string;
  start: number;
  end: number;
}

/** A rule while its sentence is read: modifiers (最多加10分, 扣完为止) may still change it. */
interface Draft extends Omit<Rule, 'id' | 'sourceText'> {
  sentence: Sentence;
  start: number;
  end: number;
}

interface Sentence {
  text: string;
  drafts: Draft[];
}

const DEDUCT_KINDS: RuleKind[] = ['rate', 'fixed'];
const BONUS_KINDS: RuleKind[] = ['bonusRate', 'bonusFixed', 'bonusLevel'];

/**
 * Reads one item's rule text — a string, or the item's lines — into rules, notes and
 * unparsed clauses.
 * parseRules('到省正常上访,每人次扣4分').rules[0] → { id: 'r1', kind: 'rate', event: '到省正常上访', unit: '人次', points: 4, … }
 */
export function parseRules(text: string | readonly string[], context: ParseContext = {}): ParsedRules {
  const reader = new RuleReader(context);
  const lines = (typeof text === 'string' ? [text] : text).flatMap((t) => t.split(/\r?\n/));
  for (const line of lines) {
    const cleaned = cleanText(line).replace(NUMBERING, '');
    for (const sentence of splitOutside(cleaned, '。;；!?！？')) reader.readSentence(sentence.text);
  }
  return reader.result();
}

class RuleReader {
  private readonly drafts: Draft[] = [];
  private readonly out: ParsedRules = { rules: [], notes: [], unparsed: [] };
  private readonly label: string;

  constructor(context: ParseContext) {
    this.label = context.label ? cleanText(context.label) : '';
  }

  result(): ParsedRules {
    this.out.rules = this.drafts.map((d, i) => ({
      id: `r${i + 1}`,
      kind: d.kind,
      event: d.event,
      unit: d.unit,
      points: d.points,
      level: d.level,
      cap: d.cap,
      untilExhausted: d.untilExhausted,
      sourceText: d.sentence.text.slice(d.start, d.end),
    }));
    return this.out;
  }

  readSentence(text: string): void {
    const sentence: Sentence = { text, drafts: [] };
    /** Plain pieces waiting for the rule they are the condition of. `shown`: a money note quoted them. */
    let pending: (Piece & { shown: boolean })[] = [];
    const zeros: { event: string; phrase: string; start: number; end: number }[] = [];
    const queue = piecesOf(text);

    while (queue.length > 0) {
      const piece = queue.shift() as Piece;
      const found = findPhrase(piece.text);
      if (!found) {
        const spanStart = pending[0]?.start ?? piece.start;
        const speaksOfPoints = POINTS_WORDS.test(piece.text.replace(MONEY_TERMS, ''));
        if (REFERRAL.test(piece.text) && !speaksOfPoints) {
          this.note('REFERRAL', text.slice(spanStart, piece.end));
          pending = [];
        } else if (MONEY.test(piece.text) && !speaksOfPoints) {
          // The condition stays pending: it may also be the condition of a rule after it (…单位,责任金全部扣除,并对该单位实行一票否决).
          const unshown = pending.find((p) => !p.shown);
          this.note('MONEY', text.slice(unshown?.start ?? piece.start, piece.end));
          pending.forEach((p) => (p.shown = true));
        } else if (POINTS_WORDS.test(piece.text)) {
          this.unparsed('UNKNOWN_WORDING', text.slice(spanStart, piece.end));
          pending = [];
        } else {
          pending.push({ ...piece, shown: false });
        }
        continue;
      }

      const { name, match } = found;
      const prefix = piece.text.slice(0, match.index);
      const phraseEnd = match.index + match[0].length;
      const before = [...pending.map((p) => p.text), ...(prefix ? [prefix] : [])];
      const span = { start: pending[0]?.start ?? piece.start, end: piece.start + phraseEnd };
      pending = [];
      const remainder = piece.text.slice(phraseEnd);
      if (remainder) queue.unshift({ text: remainder, start: span.end, end: piece.end });

      const spanText = text.slice(span.start, span.end);
      const draft = (kind: RuleKind, fields: Partial<Draft> = {}): void => {
        const d: Draft = {
          kind, event: eventOf(before), unit: null, points: null, level: null, cap: null,
          untilExhausted: false, sentence, ...span, ...fields,
        };
        this.drafts.push(d);
        sentence.drafts.push(d);
      };

      switch (name) {
        case 'points': {
          const points = parsePoints(match[2]);
          if (points === null) { this.unparsed('UNKNOWN_WORDING', spanText); break; }
          const total = match[3] ? points.plus('0.5') : points;
          const bonus = match[1] === '加';
          const perUnit = readPerUnit(before);
          if (perUnit === null) {
            draft(bonus ? 'bonusFixed' : 'fixed', { points: total });
          } else if ('error' in perUnit) {
            this.unparsed(perUnit.error, spanText, perUnit.params);
          } else {
            draft(bonus ? 'bonusRate' : 'rate', { event: perUnit.event, unit: perUnit.unit, points: total });
          }
          break;
        }
        case 'levels': {
          const values = match[2].split('、').map((v) => parsePoints(v.replace(/分$/, '')));
          if (match[1] !== '加') { this.unparsed('LEVELLED_DEDUCTION', spanText); break; }
          if (values.some((v) => v === null)) { this.unparsed('UNKNOWN_WORDING', spanText); break; }
          const condition = before.join(',');
          const levels = levelsIn(condition, values.length) ?? levelsIn(this.label, values.length);
          if (!levels) { this.unparsed('LEVELS_NOT_FOUND', spanText, { count: values.length }); break; }
          const event = condition === levels.text ? '' : eventOf(before);
          levels.names.forEach((level, i) => draft('bonusLevel', { event, level, points: values[i] as Decimal }));
          break;
        }
        case 'cap':
        case 'exhaust': {
          if (before.length > 0) { this.unparsed('CAP_WITH_CONDITION', spanText); break; }
          const cap = name === 'cap' ? parsePoints(match[2]) : null;
          if (name === 'cap' && cap === null) { this.unparsed('UNKNOWN_WORDING', spanText); break; }
          const bonus = name === 'cap' && match[1] === '加';
          const kinds = bonus ? BONUS_KINDS : DEDUCT_KINDS;
          const open = (ds: Draft[]) => ds.filter((d) => kinds.includes(d.kind) && (name === 'exhaust' || d.cap === null));
          const inSentence = open(sentence.drafts);
          const targets = inSentence.length > 0 ? inSentence : open(this.drafts);
          if (targets.length === 0) { this.unparsed('CAP_WITHOUT_RULE', spanText); break; }
          if (name === 'cap' && targets.length > 1) { this.unparsed('AMBIGUOUS_CAP', spanText); break; }
          for (const t of targets) {
            if (name === 'cap') t.cap = cap;
            else t.untilExhausted = true;
            // The clause of a rule runs on to its modifier when both stand in one sentence.
            if (t.sentence === sentence) t.end = Math.max(t.end, span.end);
          }
          break;
        }
        case 'zeroItem':
          draft('zeroItem');
          break;
        case 'zeroBare':
          zeros.push({ event: eventOf(before), phrase: match[0], ...span });
          break;
        case 'veto':
          draft('veto');
          break;
        case 'itemPoints':
          this.note('ITEM_POINTS', spanText);
          break;
      }
    }

    // 以0分计算 in a sentence with 一票否决 is the veto's own 0 (of the total); alone it is unclear.
    const veto = sentence.drafts.find((d) => d.kind === 'veto');
    for (const zero of zeros) {
      if (!veto) { this.unparsed('AMBIGUOUS_ZERO', text.slice(zero.start, zero.end), { phrase: zero.phrase }); continue; }
      veto.event = [zero.event, veto.event].filter(Boolean).join(',');
      veto.start = Math.min(veto.start, zero.start);
      veto.end = Math.max(veto.end, zero.end);
    }
    const unshown = pending.filter((p) => !p.shown);
    if (unshown.length > 0) this.note('DESCRIPTION', text.slice(unshown[0].start, unshown[unshown.length - 1].end));
  }

  private note(reason: NoteReason, text: string): void {
    this.out.notes.push({ reason, text, message: ruleMessage(reason) });
  }

  private unparsed(reason: UnparsedReason, text: string, params: Record<string, string | number> = {}): void {
    this.out.unparsed.push({ reason, text, message: ruleMessage(reason, params) });
  }
}

/** The earliest phrase in a text; at the same place, the one listed first in PHRASES. */
function findPhrase(text: string): { name: PhraseName; match: RegExpExecArray } | null {
  let best: { name: PhraseName; match: RegExpExecArray } | null = null;
  for (const name of Object.keys(PHRASES) as PhraseName[]) {
    const match = PHRASES[name].exec(text);
    if (match && (!best || match.index < best.match.index)) best = { name, match };
  }
  return best;
}

type PerUnit =
  | { event: string; unit: string }
  | { error: UnparsedReason; params?: Record<string, string | number> };

/**
 * Whether the condition before 扣N分 counts something: it ends in 每<unit> (每人次, 每缺一类特殊人员)
 * or in a count of one (缺一次, 1起, 一份). null: a condition that applies once.
 */
function readPerUnit(before: string[]): PerUnit | null {
  if (before.length === 0) return null;
  const head = before.slice(0, -1);
  const tail = before[before.length - 1];
  const each = tail.lastIndexOf('每');
  if (each >= 0) {
    const m = PER_EACH.exec(tail.slice(each));
    if (!m || !plainCountedObject(m[4], true)) return { error: 'PER_UNIT_NOT_FOUND' };
    const [, verb, count = '一', unit, obj] = m;
    if (parseCount(count) !== 1) return { error: 'PER_SEVERAL_UNITS', params: { count, unit } };
    return { event: eventOf([...head, tail.slice(0, each) + verb + obj]), unit };
  }
  const counts = [...tail.matchAll(COUNT_UNIT)];
  const last = counts[counts.length - 1];
  if (!last) return null;
  const obj = tail.slice((last.index as number) + last[0].length);
  if (!plainCountedObject(obj, false)) return null;
  const [, count, unit] = last;
  if (parseCount(count) !== 1) return { error: 'PER_SEVERAL_UNITS', params: { count, unit } };
  return { event: eventOf([...head, tail.slice(0, last.index) + obj]), unit };
}

/** The event a condition names: its pieces without 如/若 before and 的 after. eventOf(['如回答对政法机关不满意的']) → '回答对政法机关不满意' */
function eventOf(parts: string[]): string {
  return parts
    .map((p) => p.replace(CONDITION_OPENER, '').replace(/的$/, ''))
    .filter(Boolean)
    .join(',');
}

/** The one list of `count` levels in a text (省、市、区), or null when there is none or more than one. */
function levelsIn(text: string, count: number): { text: string; names: string[] } | null {
  const lists = [...text.matchAll(LEVEL_LIST)].map((m) => m[0]).filter((l) => l.split('、').length === count);
  return lists.length === 1 ? { text: lists[0], names: lists[0].split('、') } : null;
}

/** Cuts text at any of `marks` outside brackets and quotes; empty parts are dropped. */
function splitOutside(text: string, marks: string): Piece[] {
  const parts: Piece[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) parts.push({ text: body, start: start + lead, end: start + lead + body.length });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('(“《[【'.includes(ch)) depth++;
    else if (')”》]】'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && marks.includes(ch)) {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return parts;
}

/** A sentence's pieces: cut at commas, and around a stated item points (5分) so it stands alone. */
function piecesOf(sentence: string): Piece[] {
  return splitOutside(sentence, ',，').flatMap((piece) => {
    const out: Piece[] = [];
    let at = 0;
    const add = (from: number, to: number) => {
      const raw = piece.text.slice(from, to);
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (body) out.push({ text: body, start: piece.start + from + lead, end: piece.start + from + lead + body.length });
    };
    for (const m of piece.text.matchAll(ITEM_POINTS_PAREN)) {
      add(at, m.index as number);
      add(m.index as number, (m.index as number) + m[0].length);
      at = (m.index as number) + m[0].length;
    }
    add(at, piece.text.length);
    return out;
  });
}
