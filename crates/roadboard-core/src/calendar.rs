//! Civil dates and working days: the one calendar of the parser and the timeline.
//!
//! Dates are days of the proleptic Gregorian calendar counted from 1970-01-01 (Howard
//! Hinnant's algorithms, exact for every year); working days skip Saturdays and Sundays.
//! The parser places dated phases with it and the timeline draws its axis with it, so both
//! count the same days.

/// A day of the proleptic Gregorian calendar, as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(pub i64);

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

impl Date {
    /// The date of a year, month (1–12) and day (1–31); `None` if there is no such day.
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Date> {
        if !(1..=12).contains(&m) || d == 0 || d > month_len(y, m) {
            return None;
        }
        // Howard Hinnant's days_from_civil.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = i64::from((m + 9) % 12);
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Date(era * 146_097 + doe - 719_468))
    }

    /// Read `YYYY-MM-DD` (what `<input type=date>` and the model use); anything else is `None`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let mut parts = s.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some()
            || y.len() != 4
            || m.len() != 2
            || d.len() != 2
            || ![y, m, d]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        Date::from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Year, month (1–12), day.
    pub fn ymd(self) -> (i64, u32, u32) {
        // Howard Hinnant's civil_from_days.
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = yoe + era * 400 + i64::from(m <= 2);
        (y, m, d)
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        let (y, m, d) = self.ymd();
        format!("{y:04}-{m:02}-{d:02}")
    }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday.
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// Saturday or Sunday.
    pub fn is_weekend(self) -> bool {
        self.weekday() >= 5
    }

    /// This day, or the Monday after it if it falls on a weekend.
    pub fn next_workday(self) -> Date {
        match self.weekday() {
            5 => Date(self.0 + 2),
            6 => Date(self.0 + 1),
            _ => self,
        }
    }

    /// "Nov 24".
    pub fn short(self) -> String {
        let (_, m, d) = self.ymd();
        format!("{} {d}", month_name(m))
    }

    /// "Mon 24 Nov 2026": for tables and labels.
    pub fn long(self) -> String {
        let (y, m, d) = self.ymd();
        let wd = WEEKDAYS.get(self.weekday() as usize).copied().unwrap_or("");
        format!("{wd} {d} {} {y}", month_name(m))
    }
}

/// "Jan" … "Dec" for 1–12, empty otherwise.
pub fn month_name(m: u32) -> &'static str {
    MONTHS
        .get((m as usize).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// Days in month `m` (1–12) of year `y`; 31 for a month out of range.
pub fn month_len(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Working days counted from an anchor date: weekends are skipped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkCalendar {
    /// Working day 0 (always a weekday).
    pub start: Date,
}

impl WorkCalendar {
    /// A calendar whose day 0 is `start`, or the Monday after it if it is a weekend.
    pub fn new(start: Date) -> Self {
        WorkCalendar {
            start: start.next_workday(),
        }
    }

    /// The calendar date on which working day `d` falls (fractions fall on the same date).
    pub fn date_of(&self, d: f64) -> Date {
        let whole = d.max(0.0).floor().min(1.0e7) as i64;
        let (weeks, rem) = (whole / 5, whole % 5);
        let wd = i64::from(self.start.weekday());
        let extra = if wd + rem >= 5 { 2 } else { 0 };
        Date(self.start.0 + weeks * 7 + rem + extra)
    }

    /// The working day that starts on `date` (a weekend counts from the Monday after it).
    /// Dates before the start give negative days.
    pub fn day_of(&self, date: Date) -> f64 {
        let date = date.next_workday();
        let diff = date.0 - self.start.0;
        let (weeks, rem) = (diff.div_euclid(7), diff.rem_euclid(7));
        let wd = i64::from(self.start.weekday());
        // Weekdays among the `rem` days after start + 7·weeks.
        let extra = (0..rem).filter(|k| (wd + k) % 7 < 5).count() as i64;
        (weeks * 5 + extra) as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip_and_know_their_weekday() {
        let d = Date::parse_iso("2026-11-23").expect("date");
        assert_eq!(d.iso(), "2026-11-23");
        assert_eq!(d.weekday(), 0, "2026-11-23 is a Monday");
        assert_eq!(Date::parse_iso("1970-01-01"), Some(Date(0)));
        assert_eq!(
            Date::parse_iso("2024-02-29").map(Date::iso).as_deref(),
            Some("2024-02-29")
        );
        for bad in [
            "2023-02-29",
            "2026-13-01",
            "2026-1-01",
            "tomorrow",
            "",
            "2026-01-01x",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday 2026-11-27.
        let cal = WorkCalendar::new(Date::parse_iso("2026-11-27").expect("date"));
        assert_eq!(cal.date_of(0.0).iso(), "2026-11-27");
        assert_eq!(cal.date_of(1.0).iso(), "2026-11-30", "Monday after");
        assert_eq!(cal.date_of(5.0).iso(), "2026-12-04");
        for d in 0..40 {
            let date = cal.date_of(f64::from(d));
            assert!(!date.is_weekend());
            assert_eq!(cal.day_of(date), f64::from(d));
        }
        // A weekend start moves to Monday.
        let cal = WorkCalendar::new(Date::parse_iso("2026-11-22").expect("date"));
        assert_eq!(cal.start.iso(), "2026-11-23");
        assert_eq!(
            cal.day_of(Date::parse_iso("2026-11-29").expect("date")),
            5.0
        );
    }
}
