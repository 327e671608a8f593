import type { Locale } from "../config";
import { en, type Dictionary } from "./en";
import { tr } from "./tr";

export type { Dictionary };
export const dictionaries: Record<Locale, Dictionary> = { en, tr };
