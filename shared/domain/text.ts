/**
 * Text normalisation shared by the forms (renderer) and the importers (main):
 * clerks paste from Word/Excel, so full-width digits and letters, odd spaces and line breaks are common.
 */

/** Full-width ASCII (！ to ～) and the ideographic space to their half-width forms. */
const HAS_FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/;

export function toHalfWidth(s: string): string {
  // Most text has none (an import checks every cell): the test is far cheaper than the replacing.
  if (!HAS_FULL_WIDTH.test(s)) return s;
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trim, fold every run of white space (incl. NBSP and line breaks) to one space. */
export function cleanText(s: string): string {
  return s.replace(/[\s\u00A0\u3000]+/g, ' ').trim();
}

/**
 * The key two names are compared by: half-width, no white space at all, Latin letters lower-case.
 * "区 税务局（第二分局）" and "区税务局(第二分局)" are the same unit.
 */
export function nameKey(s: string): string {
  return toHalfWidth(s)
    .replace(/[\s\u00A0]+/g, '')
    .toLowerCase();
}
