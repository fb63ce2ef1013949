import { toHalfWidth } from './text';

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code + number, optional extension: 0571-88886666, 010-12345678-123. */
const LANDLINE = /^0\d{2,3}-\d{7,8}(-\d{1,6})?$/;
/** A local number without area code, as many offices write their own: 8888 6666. */
const LOCAL = /^[2-9]\d{6,7}$/;
const SERVICE = /^(400|800)-?\d{3}-?\d{4}$/;

/**
 * Normalises a phone as typed or as stored in a spreadsheet (number cell, dashes, spaces, full-width digits,
 * brackets around the area code). Returns null when it is neither a mobile nor a landline number.
 */
export function normalizePhone(raw: string): string | null {
  let s = toHalfWidth(raw).trim();
  if (s === '') return null;
  s = s.replace(/^\+?86[-\s]?/, '');
  s = s
    .replace(/[()（）]/g, '-')
    .replace(/[\s.—–－]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  const digits = s.replace(/-/g, '');
  if (MOBILE.test(digits)) return digits;
  if (SERVICE.test(s)) return digits;
  if (LANDLINE.test(s)) return s;
  // "057188886666" typed without a dash: split off a 3- or 4-digit area code.
  if (/^0\d{9,11}$/.test(digits)) {
    const areaLen = /^0(10|2\d)/.test(digits) ? 3 : 4;
    const withDash = `${digits.slice(0, areaLen)}-${digits.slice(areaLen)}`;
    if (LANDLINE.test(withDash)) return withDash;
  }
  if (LOCAL.test(digits)) return digits;
  return null;
}

export const PHONE_HINT = '请填写11位手机号码或带区号的固定电话（如 0571-88886666）';
