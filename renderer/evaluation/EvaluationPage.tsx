import { lazy, Suspense, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LockOutlined from '@mui/icons-material/LockOutlined';
import LockOpenOutlined from '@mui/icons-material/LockOpenOutlined';
import type { Grade } from '../../shared/domain/evaluation';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { useConfirm } from '../common/Confirm';
import { EmptyState } from '../common/EmptyState';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { ReasonDialog } from '../lists/ReasonDialog';
import { useFileAction } from '../common/useFileAction';
import { currentYear, yearOptions } from '../members/yearOptions';
import { useEvaluation, useLock, useUnlock } from './queries';

const ScoreSheetDialog = lazy(() => import('./ScoreSheetDialog'));
const SettingsDialog = lazy(() => import('./SettingsDialog'));
const ScoresDialog = lazy(() => import('./ScoresDialog'));
const SheetImportDialog = lazy(() => import('../members/SheetImportDialog'));

const GRADE_COLOR: Record<Grade, 'success' | 'info' | 'warning' | 'error'> = {
  优秀: 'success',
  良好: 'info',
  一般: 'warning',
  较差: 'error',
};

/** 考核评价: the year's ranking, each unit's score sheet, entry of scores, locking and the files. */
export default function EvaluationPage() {
  const qc = useQueryClient();
  const [year, setYear] = useState(currentYear() - (new Date().getMonth() < 6 ? 1 : 0));
  const [sheet, setSheet] = useState<number | null>(null);
  const [dialog, setDialog] = useState<'settings' | 'scores' | 'import' | null>(null);
  const y = useEvaluation(year);
  const lock = useLock();
  const unlock = useUnlock();
  const confirm = useConfirm();
  const notify = useNotify();
  const ranking = useFileAction('evaluation.exportRanking', () => ({ year }));
  const notice = useFileAction('evaluation.exportNotice', () => ({ year }));
  const locked = y.data?.locked ?? false;
  const doLock = async () => {
    const ok = await confirm({
      title: `锁定${year}年考核结果？`,
      message: '锁定后，排名和计分表按现在的结果保存，以后修改旧记录不会再改变它们；评分和设置也不能再改。',
      confirmText: '锁定',
    });
    if (ok)
      lock.mutate(
        { year },
        { onSuccess: () => notify.success(`${year}年考核结果已锁定`), onError: (e) => notify.error(e) },
      );
  };
  // Unlocking asks why: the reason goes into 操作日志 beside who did it.
  const [unlocking, setUnlocking] = useState(false);

  return (
    <Box>
      <PageHeader
        title="考核评价"
        subtitle={
          y.data
            ? `${year}年度，${y.data.units.length}个共建单位${locked ? `，已于${y.data.lockedAt?.slice(0, 10)}锁定` : ''}`
            : undefined
        }
      >
        <TextField
          select
          size="small"
          label="年度"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          sx={{ width: 110 }}
        >
          {yearOptions().map((v) => (
            <MenuItem key={v} value={v}>
              {v}年
            </MenuItem>
          ))}
        </TextField>
        <Button onClick={() => setDialog('settings')} disabled={locked || !y.data}>
          权重与等次
        </Button>
        <Button onClick={() => setDialog('scores')} disabled={locked || !y.data?.units.length}>
          录入评分
        </Button>
        <Button onClick={() => setDialog('import')} disabled={locked}>
          导入群众评议
        </Button>
        <Button onClick={ranking.run} disabled={ranking.busy}>
          导出排名表
        </Button>
        <Button onClick={notice.run} disabled={notice.busy}>
          导出通报
        </Button>
        {locked ? (
          <Button startIcon={<LockOpenOutlined />} color="warning" onClick={() => setUnlocking(true)}>
            解除锁定
          </Button>
        ) : (
          <Button
            variant="contained"
            startIcon={<LockOutlined />}
            onClick={() => void doLock()}
            disabled={!y.data?.units.length}
          >
            锁定结果
          </Button>
        )}
      </PageHeader>
      {y.isPending ? (
        <Loading label="正在按记录计算考核结果…" />
      ) : y.isError ? (
        <LoadError error={y.error} onRetry={() => void y.refetch()} />
      ) : y.data.units.length === 0 ? (
        <EmptyState message="共建单位名录中还没有在册单位，无法考核。" />
      ) : (
        <>
          <Alert severity={locked ? 'success' : 'info'} sx={{ mb: 1.5 }}>
            {locked
              ? '本年度结果已锁定：下表是锁定时的结果，之后修改的记录不影响它。'
              : `总分 = 日常考核×${y.data.settings.weights.daily}% + 年度考评×${y.data.settings.weights.annual}% + 群众评议×${y.data.settings.weights.public}%。点击单位查看每个分数的来源记录。`}
          </Alert>
          <TableContainer component={Paper} variant="outlined">
            <Table size="small" aria-label="考核排名" sx={{ '& tbody td': { whiteSpace: 'nowrap' } }}>
              <TableHead>
                <TableRow>
                  <TableCell>排名</TableCell>
                  <TableCell>共建单位</TableCell>
                  {y.data.units[0]!.indicators.map((i) => (
                    <TableCell key={i.key} align="right">
                      {i.name}
                    </TableCell>
                  ))}
                  <TableCell align="right">日常考核</TableCell>
                  <TableCell align="right">年度考评</TableCell>
                  <TableCell align="right">群众评议</TableCell>
                  <TableCell align="right">总分</TableCell>
                  <TableCell>等次</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {y.data.units.map((u) => (
                  <TableRow
                    key={u.unitId}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => setSheet(u.unitId)}
                    aria-label={`${u.unitName}计分表`}
                  >
                    <TableCell>{u.rank}</TableCell>
                    <TableCell>{u.unitName}</TableCell>
                    {u.indicators.map((i) => (
                      <TableCell
                        key={i.key}
                        align="right"
                        sx={{ color: i.score === null ? 'text.disabled' : undefined }}
                      >
                        {i.score ?? '不计'}
                      </TableCell>
                    ))}
                    <TableCell align="right">{u.daily ?? '—'}</TableCell>
                    <TableCell align="right">
                      {u.annual ?? (
                        <Typography component="span" color="warning.main">
                          未录入
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      {u.public ?? (
                        <Typography component="span" color="warning.main">
                          未录入
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell align="right">
                      <b>{u.total}</b>
                    </TableCell>
                    <TableCell>
                      <Chip size="small" label={u.grade} color={GRADE_COLOR[u.grade]} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        </>
      )}
      <Suspense>
        {unlocking && (
          <ReasonDialog
            title={`解除${year}年考核结果的锁定`}
            label="解除原因（记入操作日志；解除后按当前记录重新计算）"
            confirmText="解除锁定"
            onConfirm={(reason) =>
              unlock.mutate({ year, reason }, { onSuccess: () => setUnlocking(false), onError: (e) => notify.error(e) })
            }
            onClose={() => setUnlocking(false)}
          />
        )}
        {sheet !== null && <ScoreSheetDialog year={year} unitId={sheet} onClose={() => setSheet(null)} />}
        {dialog === 'settings' && y.data && (
          <SettingsDialog year={year} initial={y.data.settings} onClose={() => setDialog(null)} />
        )}
        {dialog === 'scores' && y.data && (
          <ScoresDialog year={year} units={y.data.units} onClose={() => setDialog(null)} />
        )}
        {dialog === 'import' && (
          <SheetImportDialog
            title={`导入${year}年群众评议`}
            hint="常见的列：单位名称，以及“群众评议得分”（0–100），或“满意”“基本满意”“不满意”票数（满意计100分、基本满意计60分、不满意计0分，取平均）。"
            preview={(f) => call('evaluation.importPublicPreview', { ...f, year })}
            commit={(previewId) => call('evaluation.importPublicCommit', { previewId })}
            onDone={() => void qc.invalidateQueries({ queryKey: keys.evaluation })}
            onClose={() => setDialog(null)}
          />
        )}
      </Suspense>
    </Box>
  );
}
