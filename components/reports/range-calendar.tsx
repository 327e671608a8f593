"use client";
// The range picker's calendar, in a chunk of its own (components/reports/date-range-picker.tsx
// loads it when the picker opens): react-day-picker and its two locales are not needed while the
// report page hydrates, which had to evaluate them in one long task (bench item 11).
import { DayPicker, type DateRange as DayRange } from "react-day-picker";
import { enGB, tr as trLocale } from "react-day-picker/locale";
import "react-day-picker/style.css";

export function RangeCalendar({
  locale,
  months,
  selected,
  onSelect,
  defaultMonth,
  today,
}: {
  locale: "tr" | "en";
  months: 1 | 2;
  selected: DayRange | undefined;
  onSelect: (range: DayRange | undefined) => void;
  defaultMonth: Date;
  today: Date;
}) {
  return (
    <DayPicker
      mode="range"
      numberOfMonths={months}
      selected={selected}
      resetOnSelect
      onSelect={onSelect}
      defaultMonth={defaultMonth}
      endMonth={today}
      disabled={{ after: today }}
      today={today}
      locale={locale === "tr" ? trLocale : enGB}
      weekStartsOn={1}
      className="rdp-dashboard"
    />
  );
}
