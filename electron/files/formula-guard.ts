/**
 * Formula-injection guard for exported text ("=HYPERLINK(…)", "+1", "@SUM(…)"). The cell is already written as
 * a string, but a clerk who presses F2 + Enter on it in Excel/WPS turns it into a live formula, so text that
 * starts like a formula gets a leading apostrophe, the convention Excel itself shows for "literal text".
 *
 * The importer strips exactly what the exporter added, so export → import gives back the original text:
 * - export: text matching /^'*[=+\-@\t\r]/ gets one more leading "'" (so "'=x" is written "''=x");
 * - import: text matching /^'+[=+\-@\t\r]/ loses one leading "'".
 * Text like "'abc" (apostrophe then an ordinary character) is left alone both ways.
 */

const NEEDS_GUARD = /^'*[=+\-@\t\r]/;
const GUARDED = /^'+[=+\-@\t\r]/;

export function guardFormulaText(text: string): string {
  return NEEDS_GUARD.test(text) ? `'${text}` : text;
}

export function unguardFormulaText(text: string): string {
  return GUARDED.test(text) ? text.slice(1) : text;
}
