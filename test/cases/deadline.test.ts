/**
 * Day counting (民法典 第二百零一条、第二百零三条) on the calendar of `chinese-days`: golden due
 * dates worked out by hand from the State Council's 2024 arrangement (春节 2-10…2-17 with 2-4
 * and 2-18 worked; 清明 4-4…4-6 with 4-7 worked; 劳动节 5-1…5-5 with 4-28 and 5-11 worked; 中秋
 * 9-15…9-17 with 9-14 worked; 国庆 10-1…10-7 with 9-29 and 10-12 worked), and properties.
 */
import fc from 'fast-check';
import { CHINA_CALENDAR as calendar } from '../../src/engine/cases/calendar';
import { addDays, daysBetween, weekday } from '../../src/engine/cases/days';
import { dueDate, extendedDue, extensionDays, ruleFor, DEFAULT_CASE_RULES, type DayCounting } from '../../src/engine/cases/deadline';

const isoDay = fc.integer({ min: 0, max: 365 * 3 - 120 }).map((n) => addDays('2023-01-01', n));

describe('the calendar', () => {
  it('knows the 2024 holidays and make-up working days', () => {
    expect(calendar.isWorkingDay('2024-02-12')).toBe(false); // 春节
    expect(calendar.isWorkingDay('2024-02-04')).toBe(true); // a Sunday worked for 春节
    expect(calendar.isWorkingDay('2024-10-12')).toBe(true); // a Saturday worked for 国庆
    expect(calendar.isWorkingDay('2024-10-05')).toBe(false);
    expect(calendar.isWorkingDay('2024-03-09')).toBe(false); // an ordinary Saturday
    expect(calendar.dayName('2024-02-18')).toBe('春节调休上班');
    expect(calendar.dayName('2024-10-01')).toBe('国庆节');
    expect(calendar.dayName('2024-03-11')).toBeNull();
  });

  it('says which years it covers instead of guessing (chinese-days 1.5.7 ships 2004–2026)', () => {
    expect(calendar.covers(2004)).toBe(true);
    expect(calendar.covers(2024)).toBe(true);
    expect(calendar.covers(2026)).toBe(true);
    expect(calendar.covers(2003)).toBe(false);
    expect(calendar.covers(2027)).toBe(false);
  });
});

describe('due dates, computed by hand', () => {
  it.each([
    // accepted, days, counting, due, why
    ['2024-01-12', 30, 'natural', '2024-02-18', '1-13 is day 1; day 30 is 2-11 (春节), the holiday runs to 2-17, 2-18 is a Sunday worked'],
    ['2024-01-26', 15, 'natural', '2024-02-18', 'day 15 is 2-10 (春节) → 2-18'],
    ['2024-01-16', 15, 'natural', '2024-01-31', 'day 15 is a Wednesday'],
    ['2024-02-05', 60, 'natural', '2024-04-07', 'day 60 is 4-5 (清明); 4-6 is a holiday too; 4-7 is a Sunday worked'],
    ['2024-02-08', 30, 'natural', '2024-03-11', 'day 30 is Saturday 3-9 → Monday 3-11'],
    ['2024-08-02', 60, 'natural', '2024-10-08', 'day 60 is 10-1 (国庆) → 10-8'],
    ['2024-08-16', 30, 'natural', '2024-09-18', 'day 30 is 9-15 (中秋, to 9-17) → 9-18'],
    ['2024-08-30', 15, 'natural', '2024-09-14', 'day 15 is Saturday 9-14, a day worked for 中秋: it stays'],
    ['2024-09-06', 30, 'natural', '2024-10-08', 'day 30 is 10-6 (国庆) → 10-8'],
    ['2024-12-02', 60, 'natural', '2025-02-05', 'day 60 is 2025-1-31 (春节 1-28…2-4) → 2-5'],
    ['2024-12-10', 60, 'natural', '2025-02-08', 'day 60 is Saturday 2025-2-8, worked for 春节'],
    ['2024-01-12', 20, 'working', '2024-02-08', 'Jan 15–19, 22–26, 29–31 (13), Feb 1–2 (15), Sunday Feb 4 (16), Feb 5–8 (20)'],
    ['2024-01-26', 20, 'working', '2024-02-28', 'Jan 29–Feb 2 (5), Feb 4 (6), Feb 5–9 (11), Feb 18 (12), Feb 19–23 (17), Feb 26–28 (20)'],
    ['2024-05-10', 20, 'working', '2024-06-06', 'Saturday 5-11 worked (1), May 13–17 (6), 20–24 (11), 27–31 (16), Jun 3–6 (20)'],
    ['2024-09-10', 20, 'working', '2024-10-14', 'Sep 11–13 (3), Sat 9-14 (4), 18–20 (7), 23–27 (12), Sun 9-29 (13), 9-30 (14), Oct 8–11 (18), Sat 10-12 (19), 10-14 (20)'],
    ['2024-11-28', 20, 'working', '2024-12-26', 'Nov 29 (1), Dec 2–6 (6), 9–13 (11), 16–20 (16), 23–26 (20)'],
  ] as const)('%s + %i %s → %s (%s)', (accepted, days, counting, due, _why) => {
    expect(dueDate(accepted, days, counting, calendar).due).toBe(due);
  });

  it('extends from the end of the period, then moves off a rest day', () => {
    const base = dueDate('2024-02-20', 60, 'natural', calendar); // day 60 is Saturday 4-20 → 4-22
    expect(base.due).toBe('2024-04-22');
    expect(extendedDue(base, 30, calendar).due).toBe('2024-05-20'); // 4-20 + 30 = 5-20, a Monday
    const may = dueDate('2024-03-01', 60, 'natural', calendar);
    expect(may.due).toBe('2024-04-30');
    expect(extendedDue(may, 30, calendar).due).toBe('2024-05-30');
  });

  it('picks the rule by 类别 first, then 来源, then the fallback', () => {
    const rules = DEFAULT_CASE_RULES.rules;
    expect(ruleFor(rules, '上级交办', '复查')?.days).toBe(15);
    expect(ruleFor(rules, '市信访局交办', '初次')?.days).toBe(60);
    expect(ruleFor(rules, '县领导阅批', '初次')?.days).toBe(30);
    expect(ruleFor(rules, '来访', '初次')?.name).toBe('其他');
  });
});

describe('counting as the settings say (受理当日计入, 期满遇节假日顺延)', () => {
  const counting = (countAcceptanceDay: boolean, moveOffRestDays: boolean): DayCounting => ({ countAcceptanceDay, moveOffRestDays });

  it.each([
    // accepted, days, counting, 受理当日计入, 期满遇节假日顺延, due, why
    ['2024-01-16', 15, 'natural', true, true, '2024-01-30', '1-16 is day 1; day 15 is Tuesday 1-30 (民法典: 1-31)'],
    ['2024-08-02', 60, 'natural', true, true, '2024-09-30', '8-2 is day 1; day 60 is Monday 9-30, a working day (民法典: 10-1 国庆 → 10-8)'],
    ['2024-02-08', 30, 'natural', false, false, '2024-03-09', 'day 30 is Saturday 3-9 and stays (民法典: 3-11)'],
    ['2024-01-12', 30, 'natural', false, false, '2024-02-11', 'day 30 is 2-11 in 春节 and stays (民法典: 2-18)'],
    ['2024-11-28', 20, 'working', true, true, '2024-12-25', 'Thursday 11-28 (1), 11-29 (2), Dec 2–6 (7), 9–13 (12), 16–20 (17), 23–25 (20) (民法典: 12-26)'],
    ['2024-03-09', 5, 'working', true, true, '2024-03-15', 'Saturday 3-9 is no working day, so counting it changes nothing: Mar 11–15'],
    ['2024-02-08', 30, 'working', false, false, '2024-03-27', 'Fri 2-9 (1), Sun 2-18 (2), Feb 19–23 (7), 26–29 (11), Mar 1 (12), 4–8 (17), 11–15 (22), 18–22 (27), 25–27 (30): nothing to move'],
  ] as const)('%s + %i %s, 受理当日计入 %s, 顺延 %s → %s (%s)', (accepted, days, mode, countDay, move, due, _why) => {
    expect(dueDate(accepted, days, mode, calendar, counting(countDay, move)).due).toBe(due);
  });

  it('an extension is not moved off a rest day either when the settings say 不顺延', () => {
    const base = dueDate('2024-02-20', 60, 'natural', calendar, counting(false, false)); // day 60 is Saturday 4-20
    expect(base.due).toBe('2024-04-20');
    expect(extendedDue(base, 28, calendar, counting(false, false)).due).toBe('2024-05-18'); // a Saturday
    expect(extendedDue(dueDate('2024-02-20', 60, 'natural', calendar), 28, calendar).due).toBe('2024-05-20');
  });

  it('without 顺延 a period in natural days ends exactly `days` after its first day', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 90 }), fc.boolean(), (accepted, days, countDay) => {
        const { due } = dueDate(accepted, days, 'natural', calendar, counting(countDay, false));
        return due === addDays(accepted, countDay ? days - 1 : days);
      }),
    );
  });

  it('counting the day of 受理 never gives a later due date, in either counting', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 60 }), fc.constantFrom('natural' as const, 'working' as const), fc.boolean(), (accepted, days, mode, move) => {
        return dueDate(accepted, days, mode, calendar, counting(true, move)).due <= dueDate(accepted, days, mode, calendar, counting(false, move)).due;
      }),
    );
  });
});

describe('an extension measured the same way, written as days or as a date', () => {
  // Day 60 from 2-20 is Saturday 4-20 (the end); the due date is Monday 4-22.
  const base = dueDate('2024-02-20', 60, 'natural', calendar);

  it('counts both from the end of the original period, before the move to a working day', () => {
    expect([base.end, base.due]).toEqual(['2024-04-20', '2024-04-22']);
    expect(extensionDays(base, { days: 30 })).toBe(30);
    expect(extensionDays(base, { until: '2024-05-20' })).toBe(30);
    expect(extensionDays(base, { days: 32 })).toBe(32);
    expect(extensionDays(base, { until: '2024-05-22' })).toBe(32); // 30 days after the due date, 32 after the end
    expect(extensionDays(base, { until: '2024-04-22' })).toBe(2);
  });

  it('a new date before the original due date is no extension', () => {
    expect(extensionDays(base, { until: '2024-04-21' })).toBe('early');
    expect(extensionDays(base, { until: '2024-03-01' })).toBe('early');
  });

  it('days and the date they lead to give the same due date', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 40 }), fc.constantFrom('natural' as const, 'working' as const), (accepted, days, ext, mode) => {
        const original = dueDate(accepted, days, mode, calendar);
        const until = addDays(original.end, ext);
        const measured = extensionDays(original, { until });
        if (until < original.due) return measured === 'early';
        return measured === ext && extendedDue(original, measured, calendar).due === extendedDue(original, ext, calendar).due;
      }),
    );
  });
});


describe('properties', () => {
  it('a due date in working days is a working day: never a holiday or a weekend unless a make-up working day', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 40 }), (accepted, days) => {
        const { due } = dueDate(accepted, days, 'working', calendar);
        const weekend = weekday(due) === 0 || weekday(due) === 6;
        return calendar.isWorkingDay(due) && (!weekend || calendar.dayName(due)?.endsWith('调休上班') === true);
      }),
    );
  });

  it('a due date in natural days is a working day, at least `days` after acceptance', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 90 }), (accepted, days) => {
        const { due } = dueDate(accepted, days, 'natural', calendar);
        return calendar.isWorkingDay(due) && daysBetween(accepted, due) >= days;
      }),
    );
  });

  it('is monotone: more days or a later acceptance never gives an earlier due date', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 10 }), fc.constantFrom('natural' as const, 'working' as const), (accepted, later, days, more, counting) => {
        const a = dueDate(accepted, days, counting, calendar).due;
        return a <= dueDate(accepted, days + more, counting, calendar).due && a <= dueDate(addDays(accepted, later), days, counting, calendar).due;
      }),
    );
  });

  it('an extension never shortens the period', () => {
    fc.assert(
      fc.property(isoDay, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 30 }), fc.constantFrom('natural' as const, 'working' as const), (accepted, days, ext, counting) => {
        const base = dueDate(accepted, days, counting, calendar);
        return extendedDue(base, ext, calendar).due >= base.due;
      }),
    );
  });
});
