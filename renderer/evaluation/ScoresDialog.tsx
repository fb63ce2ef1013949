import { useState } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import type { UnitEvaluation } from '../../shared/contract/evaluation';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useSaveScores } from './queries';

const toText = (n: number | null) => (n === null ? '' : String(n));
const toScore = (s: string) => (s.trim() === '' ? null : Number(s));

/** 录入年度考评和群众评议: one table for all units, empty means not entered yet. */
export default function ScoresDialog({
  year,
  units,
  onClose,
}: {
  year: number;
  units: UnitEvaluation[];
  onClose: () => void;
}) {
  const [rows, setRows] = useState(() =>
    units.map((u) => ({ unitId: u.unitId, unitName: u.unitName, annual: toText(u.annual), public: toText(u.public) })),
  );
  const [dirty, setDirty] = useState(false);
  const save = useSaveScores();
  const edit = (i: number, field: 'annual' | 'public', v: string) => {
    setRows((r) => r.map((x, j) => (j === i ? { ...x, [field]: v } : x)));
    setDirty(true);
  };
  return (
    <FormDialog
      open
      title={`录入${year}年度考评与群众评议得分`}
      dirty={dirty}
      busy={save.isPending}
      formError={save.isError ? errorMessage(save.error) : null}
      maxWidth="md"
      onSubmit={() =>
        save.mutate(
          {
            year,
            scores: rows.map((r) => ({ unitId: r.unitId, annual: toScore(r.annual), public: toScore(r.public) })),
          },
          { onSuccess: onClose },
        )
      }
      onClose={onClose}
    >
      <Table size="small" aria-label="评分录入">
        <TableHead>
          <TableRow>
            <TableCell>共建单位</TableCell>
            <TableCell width={160}>年度考评（0–100）</TableCell>
            <TableCell width={160}>群众评议（0–100）</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r, i) => (
            <TableRow key={r.unitId}>
              <TableCell>{r.unitName}</TableCell>
              <TableCell>
                <TextField
                  size="small"
                  type="number"
                  value={r.annual}
                  onChange={(e) => edit(i, 'annual', e.target.value)}
                  slotProps={{ htmlInput: { 'aria-label': `${r.unitName}年度考评`, min: 0, max: 100, step: 0.1 } }}
                />
              </TableCell>
              <TableCell>
                <TextField
                  size="small"
                  type="number"
                  value={r.public}
                  onChange={(e) => edit(i, 'public', e.target.value)}
                  slotProps={{ htmlInput: { 'aria-label': `${r.unitName}群众评议`, min: 0, max: 100, step: 0.1 } }}
                />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </FormDialog>
  );
}
