/**
 * Rows in an office's table that are not data: 合计 lines, the 制表人/审核人 footer, 填表说明 notes.
 * Every importer skips them with the same reasons, shown in its preview.
 */

const SUMMARY = /^(合\s*计|总\s*计|小\s*计|共\s*计)/;
const COUNT = /^(共|合计|总计)?\s*\d+\s*(家|个|户|项|条)?(单位|项目|需求|资源)?$/;
const SIGNATURE =
  /^(制表人|制表|填表人|填报人|审核人|审核|审批人|负责人|单位负责人|经办人|报送人|制表日期|填报日期|填表日期|日期|制表单位|填报单位)\s*[:：]/;
const NOTE = /^(注|说明|填表说明|填报说明)\s*([:：]|\d+[.、．])/;

/**
 * Why a row is not data, or null when it is. `keyText` is the row's text in the table's key column (the name
 * column), `ownTexts` the texts of the cells the row itself fills (half-width).
 */
export function footerReason(keyText: string, ownTexts: string[]): string | null {
  const labelLike = (re: RegExp) => (keyText === '' || re.test(keyText)) && ownTexts.some((t) => re.test(t));
  // A 合计 row often counts the rows in the name column ("共6家单位").
  if (labelLike(SUMMARY) || (COUNT.test(keyText) && ownTexts.some((t) => SUMMARY.test(t)))) return '合计行，不导入';
  if (labelLike(SIGNATURE)) return '表尾的制表人、审核人等信息，不导入';
  if (labelLike(NOTE)) return '表格说明文字，不导入';
  return null;
}
