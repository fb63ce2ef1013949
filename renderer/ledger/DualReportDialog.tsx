import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { todayIso } from '../../shared/domain/dates';
import { useFileAction } from '../common/useFileAction';

/** 双报告 of one unit: choose the period, then save the official .docx. */
export function DualReportDialog({
  unit,
  year,
  onClose,
}: {
  unit: { id: number; name: string };
  year?: number;
  onClose: () => void;
}) {
  const y = year ?? Number(todayIso().slice(0, 4));
  const [from, setFrom] = useState(`${y}-01-01`);
  const [to, setTo] = useState(`${y}-12-31`);
  const save = useFileAction('projects.exportDualReport', () => ({ unitId: unit.id, from, to }));
  const bad = !from || !to || from > to;
  return (
    <Dialog open onClose={onClose} aria-labelledby="dual-title">
      <DialogTitle id="dual-title">导出双报告</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {unit.name}在所选期间承担的共建项目、推进情况、已销号和逾期停滞项目，按公文格式生成 Word 文档。
        </Typography>
        <Stack direction="row" spacing={2}>
          <TextField
            label="开始日期"
            type="date"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            label="结束日期"
            type="date"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            error={bad}
            helperText={bad ? '开始日期不能晚于结束日期' : ' '}
            slotProps={{ inputLabel: { shrink: true } }}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button color="inherit" onClick={onClose}>
          取消
        </Button>
        <Button
          variant="contained"
          disabled={bad || save.busy}
          onClick={() => {
            save.run();
            onClose();
          }}
        >
          导出
        </Button>
      </DialogActions>
    </Dialog>
  );
}
