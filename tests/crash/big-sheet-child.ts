import fs from 'node:fs';
import path from 'node:path';
import { loadSpreadsheet } from '../../electron/files/spreadsheet-read';

/**
 * Reads one spreadsheet the way the importers do and reports the outcome with this process's peak memory,
 * which only a separate process can measure cleanly. Usage: node big-sheet-child.mjs <file> <maxRows>
 */

const [file, maxRows] = process.argv.slice(2);
const started = Date.now();
let outcome: { ok: true; sheets: number } | { ok: false; code: string; message: string };
try {
  const wb = await loadSpreadsheet(path.basename(file!), fs.readFileSync(file!), { maxRows: Number(maxRows) });
  outcome = { ok: true, sheets: wb.worksheets.length };
} catch (e) {
  const err = e as { code?: string; message: string };
  outcome = { ok: false, code: err.code ?? 'THROWN', message: err.message };
}
// resourceUsage().maxRSS is in kilobytes.
console.log(
  JSON.stringify({ ...outcome, ms: Date.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }),
);
