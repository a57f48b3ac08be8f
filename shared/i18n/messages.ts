import type { Language } from '../locale';

/** The same nested shape in every language; a missing key is a type error, not a blank on screen. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };

export type Catalog<T> = Record<Language, Messages<T>>;

/** Fills {{name}} placeholders, the syntax i18next uses too, for code outside React (CLI, host). */
export const fill = (template: string, values: Record<string, string | number> = {}): string =>
  template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
