// Building blocks of the API's query strings: how a parameter is read (once, or as a repeatable
// comma list), validated with a message a user can act on, and reported when it is wrong.
import { z } from "zod";
import { isCalendarDate } from "@/lib/dates";

// zod probes `new Function("")` to decide on its JIT; under the pages' CSP (no 'unsafe-eval')
// that probe is a reported violation. The interpreter is fast enough for query strings.
z.config({ jitless: true });

export class InvalidQueryError extends Error {
  /** By name, not `instanceof`: Next bundles each route with its own copy of this class. */
  static is(error: unknown): error is InvalidQueryError {
    return error instanceof Error && error.name === "InvalidQueryError" && "param" in error;
  }

  /**
   * @param param the parameter at fault
   * @param resets the parameters to drop to recover (a wrong range as a whole drops both ends)
   */
  constructor(
    readonly param: string,
    message: string,
    readonly resets: readonly string[] = [param],
  ) {
    super(message);
    this.name = "InvalidQueryError";
  }
}

export const dateParam = (name: string) =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, `${name} must be a date in YYYY-MM-DD format, e.g. 2026-04-22.`)
    .refine(isCalendarDate, `${name} is not a real calendar date.`);

export const intParam = (name: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, `${name} must be a whole number between ${min} and ${max}.`)
    .transform(Number)
    .refine(
      (n) => n >= min && n <= max,
      `${name} must be a whole number between ${min} and ${max}.`,
    );

export const flagParam = (name: string) =>
  z
    .enum(["0", "1", "true", "false"], { error: `${name} must be 1 or 0.` })
    .optional()
    .transform((v) => v === "1" || v === "true");

const SEPARATORS = [";", ","] as const;
export type Separator = (typeof SEPARATORS)[number];
export const sepParam = () => z.enum(SEPARATORS, { error: 'sep must be ";" or ",".' }).default(";");

/** A repeatable, comma-separated list (`sender=A,B&sender=C`); values de-duplicated. */
export const listParam = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(","))
        .map((v) => v.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).max(50, "at most 50 values"))
    .transform((values) => [...new Set(values)]);

/** A list of numeric codes from `codes`, as numbers in ascending order. */
export const codeListParam = <C extends number>(
  name: string,
  codes: readonly C[],
  words = `${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}`,
) => {
  return listParam(
    z.enum(codes.map(String) as [`${C}`, ...`${C}`[]], {
      error: `${name} must be a list of ${words}`,
    }),
  ).transform((v) => v.map((s) => Number(s) as C).sort((a, b) => a - b));
};

/** Reads scalars (each at most once) and comma lists (repeatable) from a query string. */
function readParams(
  params: URLSearchParams,
  scalarKeys: readonly string[],
  listKeys: readonly string[],
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const key of scalarKeys) {
    const all = params.getAll(key);
    if (all.length > 1) throw new InvalidQueryError(key, `${key} is given more than once.`);
    out[key] = all[0] === "" ? undefined : all[0];
  }
  for (const key of listKeys) out[key] = params.getAll(key);
  return out;
}

/** The first issue of a failed parse, as the error the API answers 400 with. */
function firstIssue(error: z.ZodError): InvalidQueryError {
  const issue = error.issues[0];
  const param = String(issue?.path[0] ?? "query");
  const resets = (issue as { params?: { resets?: string[] } } | undefined)?.params?.resets;
  let message = issue?.message ?? "Invalid query.";
  if (!message.startsWith(param)) message = `${param}: ${message}`;
  return new InvalidQueryError(param, message.endsWith(".") ? message : `${message}.`, resets);
}

/** Parses `params` with a schema over the given keys; throws InvalidQueryError. */
export function parseParams<S extends z.ZodType>(
  schema: S,
  params: URLSearchParams,
  scalarKeys: readonly string[],
  listKeys: readonly string[],
): z.output<S> {
  const parsed = schema.safeParse(readParams(params, scalarKeys, listKeys));
  if (!parsed.success) throw firstIssue(parsed.error);
  return parsed.data;
}
