/**
 * Residents' contact details leave the app masked unless the clerk asks for them in full (DOMAIN.md:
 * "mask on export when asked"). Masking keeps enough to recognise the person without identifying them.
 */

/** 13812345678 → 138****5678; a landline keeps its area code and last 2 digits. */
export function maskPhone(phone: string): string {
  const s = phone.trim();
  if (s === '') return '';
  if (/^1\d{10}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`;
  const dash = s.indexOf('-');
  const head = dash > 0 ? s.slice(0, dash + 1) : '';
  const rest = dash > 0 ? s.slice(dash + 1) : s;
  if (rest.length <= 2) return `${head}**`;
  return `${head}${'*'.repeat(rest.length - 2)}${rest.slice(-2)}`;
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family name stays. */
export function maskName(name: string): string {
  const chars = [...name.trim()];
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}
