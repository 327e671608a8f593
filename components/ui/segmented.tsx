"use client";
// A row of buttons of which one is on (aria-pressed): days / weeks / months, messages / rate.
export function Segmented<T extends string>({
  label,
  options,
  value,
  onChange,
  testId,
}: {
  /** The group's accessible name. */
  label: string;
  options: readonly { value: T; text: string }[];
  value: T;
  onChange: (value: T) => void;
  testId?: string;
}) {
  return (
    <div
      role="group"
      aria-label={label}
      className="inline-flex overflow-hidden rounded-md border border-slate-300 text-xs dark:border-slate-700"
      data-testid={testId}
    >
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          onClick={() => option.value !== value && onChange(option.value)}
          className={`px-2.5 py-1 font-medium ${
            option.value === value
              ? "bg-indigo-600 text-white dark:bg-indigo-500"
              : "hover:bg-slate-100 dark:hover:bg-slate-800"
          }`}
        >
          {option.text}
        </button>
      ))}
    </div>
  );
}
