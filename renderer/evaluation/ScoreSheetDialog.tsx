import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { LoadError, Loading } from '../common/LoadState';
import { cnDate } from '../lists/gridStyle';
import { useUnitEvaluation } from './queries';

const KIND_LABEL = {
  meeting: '会议',
  decision: '督办事项',
  project: '项目',
  need: '需求',
  service: '服务活动',
} as const;

/** 单位考核计分表: every number with its rule and the records it was counted from. */
export default function ScoreSheetDialog({
  year,
  unitId,
  onClose,
}: {
  year: number;
  unitId: number;
  onClose: () => void;
}) {
  const u = useUnitEvaluation(year, unitId);
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="score-sheet-title">
      <DialogTitle id="score-sheet-title">
        {u.data ? `${u.data.unitName} ${year}年度考核计分表` : '考核计分表'}
      </DialogTitle>
      <DialogContent dividers>
        {u.isPending ? (
          <Loading />
        ) : u.isError ? (
          <LoadError error={u.error} />
        ) : (
          <Stack spacing={2.5}>
            <Stack direction="row" spacing={3} aria-label="得分汇总">
              <Typography>日常考核：{u.data.daily ?? '不计'}</Typography>
              <Typography>年度考评：{u.data.annual ?? '未录入'}</Typography>
              <Typography>群众评议：{u.data.public ?? '未录入'}</Typography>
              <Typography fontWeight="bold">
                总分：{u.data.total}（{u.data.grade}，第{u.data.rank}名）
              </Typography>
            </Stack>
            {u.data.missing.length > 0 && (
              <Alert severity="warning">{u.data.missing.join('、')}尚未录入或无记录，按0分计入总分。</Alert>
            )}
            {u.data.indicators.map((i) => (
              <Box key={i.key} component="section" aria-label={i.name}>
                <Stack direction="row" spacing={2} alignItems="baseline">
                  <Typography variant="subtitle1" fontWeight="bold">
                    {i.name}
                  </Typography>
                  <Typography>{i.value}</Typography>
                  <Typography color={i.score === null ? 'text.secondary' : 'primary'} fontWeight="bold">
                    {i.score === null ? '不计' : `${i.score} 分`}
                  </Typography>
                </Stack>
                <Typography variant="body2" color="text.secondary" sx={{ mb: 0.5 }}>
                  {i.formula}
                </Typography>
                {i.records.length === 0 ? (
                  <Typography variant="body2" color="text.secondary">
                    没有相关记录
                  </Typography>
                ) : (
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {i.records.map((r) => (
                      <Typography
                        component="li"
                        variant="body2"
                        key={`${r.kind}${r.id}`}
                        color={r.counts ? 'text.primary' : 'text.secondary'}
                      >
                        <Chip size="small" label={KIND_LABEL[r.kind]} sx={{ mr: 1 }} variant="outlined" />
                        {r.date ? `${cnDate(r.date)} ` : ''}
                        {r.title} — {r.outcome}
                      </Typography>
                    ))}
                  </Box>
                )}
              </Box>
            ))}
          </Stack>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>关闭</Button>
      </DialogActions>
    </Dialog>
  );
}
