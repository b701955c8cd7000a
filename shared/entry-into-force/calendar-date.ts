/**
 * Calendar dates as treaty depositaries write them (ISO `YYYY-MM-DD`, no time,
 * no time zone) and the day counting Article 20 needs ("the ninetieth day after").
 * Counting is on a proleptic Gregorian day number, so month ends, year ends and
 * leap years need no special cases — and no Date object's time zone can shift a day.
 */

/** A day number: days since 1970-01-01. */
export type DayNumber = number

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/

/** Whether `year` has a 29 February. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
}

/** Parses `YYYY-MM-DD` to a day number; throws naming the value and the expected form. */
export function dayNumber(date: string): DayNumber {
  const m = isoDate.exec(date)
  if (!m) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD (e.g. 2020-10-02)`)
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new Error(
      `"${date}" is not a calendar date (${year}-${m[2]} has ${month >= 1 && month <= 12 ? daysInMonth(year, month) : 'no'} days)`,
    )
  }
  // Days from civil (H. Hinnant): years start in March so the leap day falls last.
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const mp = (month + 9) % 12
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

/** The `YYYY-MM-DD` of a day number. */
export function calendarDate(n: DayNumber): string {
  const z = n + 719468
  const era = Math.floor(z / 146097)
  const doe = z - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The date `days` days after `date`: `daysAfter('2020-10-02', 90)` is the ninetieth day after, 2020-12-31. */
export function daysAfter(date: string, days: number): string {
  return calendarDate(dayNumber(date) + days)
}
