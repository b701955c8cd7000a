import { describe, expect, it } from 'vitest'
import { calendarDate, dayNumber, daysAfter, isLeapYear } from '../../shared/entry-into-force/calendar-date.ts'

describe('calendar dates', () => {
  it('counts from the Unix epoch like the calendar does', () => {
    expect(dayNumber('1970-01-01')).toBe(0)
    expect(dayNumber('2000-03-01')).toBe(11017) // 30 years of 365 days + 7 leap days + Jan–Feb 2000 (60 days)
    expect(calendarDate(-1)).toBe('1969-12-31')
  })

  it('finds the ninetieth day after, across month and year ends (Doha: 2 October 2020 → 31 December 2020)', () => {
    expect(daysAfter('2020-10-02', 90)).toBe('2020-12-31')
    expect(daysAfter('2020-10-03', 90)).toBe('2021-01-01')
    expect(daysAfter('2012-12-31', 1)).toBe('2013-01-01')
  })

  it('counts 29 February in leap years only, including the century rules', () => {
    // 1 December + 90 days: 30 (Dec) + 31 (Jan) + 28 or 29 (Feb) …
    expect(daysAfter('2019-12-01', 90)).toBe('2020-02-29')
    expect(daysAfter('2018-12-01', 90)).toBe('2019-03-01')
    expect(daysAfter('2099-12-01', 90)).toBe('2100-03-01') // 2100 is not a leap year
    expect(daysAfter('1999-12-01', 90)).toBe('2000-02-29') // 2000 is
    expect([1900, 2000, 2020, 2021, 2100].map(isLeapYear)).toEqual([false, true, true, false, false])
  })

  it('round-trips every day of four centuries', () => {
    const start = dayNumber('1900-01-01')
    const end = dayNumber('2300-01-01')
    expect(end - start).toBe(146097) // one Gregorian cycle: 400 × 365 + 97 leap days
    for (let n = start; n < end; n++) expect(dayNumber(calendarDate(n))).toBe(n)
  })

  it('rejects dates that are not in the calendar, saying what was expected', () => {
    expect(() => dayNumber('2021-02-29')).toThrow('"2021-02-29" is not a calendar date (2021-02 has 28 days)')
    expect(() => dayNumber('2020-13-01')).toThrow(/not a calendar date/)
    expect(() => dayNumber('2 October 2020')).toThrow(
      '"2 October 2020" is not a date in the form YYYY-MM-DD (e.g. 2020-10-02)',
    )
  })
})
