import { z } from "zod";
import { plainString } from "./common";
import type { Locale } from "@/db/schema/enums";

/**
 * Where a participant works or a partner is: the twelve Dutch provinces, abroad, or online only.
 * Stored as these slugs; pages show them through `regions.<slug>` in messages/pairing.
 */
export const REGIONS = [
  "drenthe",
  "flevoland",
  "friesland",
  "gelderland",
  "groningen",
  "limburg",
  "noord-brabant",
  "noord-holland",
  "overijssel",
  "utrecht",
  "zeeland",
  "zuid-holland",
  "abroad",
  "online",
] as const;
export type Region = (typeof REGIONS)[number];

/** Languages offered as checkboxes (ISO 639-1); the schemas accept any two-letter code. */
export const LANGUAGE_OPTIONS = ["nl", "en", "zh", "de", "fr", "es", "ar", "tr", "pl", "uk", "ru", "ky"] as const;

/** The language of an interface locale, as ISO 639-1: "zh-CN" → "zh". */
export const localeLanguage = (locale: Locale): string => locale.slice(0, 2);

/** A checkbox group sends nothing, one value or several: always a list. */
export const asList = (v: unknown): unknown[] => (v === undefined || v === null || v === false || v === "" ? [] : Array.isArray(v) ? (v as unknown[]) : [v]);

/** Optional region: "" from an empty select means none. */
export const optionalRegion = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  z.enum(REGIONS, { error: "choose" }).nullable(),
);

/** ISO 639-1 codes, lower-cased, without duplicates. */
export const languageList = z.preprocess(
  (v) => [...new Set(asList(v).map((s) => (typeof s === "string" ? s.trim().toLowerCase() : s)))],
  z.array(plainString().regex(/^[a-z]{2}$/, { error: "languageCode" })).max(20, { error: "tooMany" }),
);
