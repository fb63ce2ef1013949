import { MAX_UPLOAD_BYTES } from '../common/fileToBase64';

/** Why a chosen file cannot be imported, before it is read (null when it may be). */
export function importFileProblem(file: File): string | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.xls') || name.endsWith('.et')) {
    return `“${file.name}”是旧版表格格式，请先在 WPS 或 Excel 中“另存为” .xlsx 格式，再导入`;
  }
  if (!name.endsWith('.xlsx')) return `“${file.name}”不是 .xlsx 格式的 Excel 文件，请选择 .xlsx 文件`;
  if (file.size === 0) return `“${file.name}”是空文件`;
  if (file.size > MAX_UPLOAD_BYTES) return '文件过大（超过20MB），请拆分后再导入';
  return null;
}
