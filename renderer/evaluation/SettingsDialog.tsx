import { useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { EvaluationSettings } from '../../shared/domain/evaluation';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useSaveSettings } from './queries';

const num = (label: string, value: number, set: (n: number) => void, suffix = '') => (
  <TextField
    label={label}
    type="number"
    value={Number.isNaN(value) ? '' : value}
    onChange={(e) => set(Number(e.target.value))}
    slotProps={{ input: { endAdornment: suffix } }}
    sx={{ width: 150 }}
  />
);

/** 权重与等次: per year, so last year's published rule never changes with this year's. */
export default function SettingsDialog({
  year,
  initial,
  onClose,
}: {
  year: number;
  initial: EvaluationSettings;
  onClose: () => void;
}) {
  const [s, setS] = useState(initial);
  const save = useSaveSettings();
  const set = (patch: (x: EvaluationSettings) => EvaluationSettings) => setS(patch);
  const sum = s.weights.daily + s.weights.annual + s.weights.public;
  return (
    <FormDialog
      open
      title={`${year}年考核评价设置`}
      dirty={JSON.stringify(s) !== JSON.stringify(initial)}
      busy={save.isPending}
      formError={save.isError ? errorMessage(save.error) : null}
      onSubmit={() => save.mutate({ year, settings: s }, { onSuccess: onClose })}
      onClose={onClose}
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Typography variant="subtitle2">权重（合计 {sum}%，应为100%）</Typography>
        <Stack direction="row" spacing={1.5}>
          {num('日常考核', s.weights.daily, (n) => set((x) => ({ ...x, weights: { ...x.weights, daily: n } })), '%')}
          {num('年度考评', s.weights.annual, (n) => set((x) => ({ ...x, weights: { ...x.weights, annual: n } })), '%')}
          {num('群众评议', s.weights.public, (n) => set((x) => ({ ...x, weights: { ...x.weights, public: n } })), '%')}
        </Stack>
        <Typography variant="subtitle2">等次分数线（低于“一般”为较差）</Typography>
        <Stack direction="row" spacing={1.5}>
          {num(
            '优秀',
            s.thresholds.excellent,
            (n) => set((x) => ({ ...x, thresholds: { ...x.thresholds, excellent: n } })),
            '分',
          )}
          {num(
            '良好',
            s.thresholds.good,
            (n) => set((x) => ({ ...x, thresholds: { ...x.thresholds, good: n } })),
            '分',
          )}
          {num(
            '一般',
            s.thresholds.fair,
            (n) => set((x) => ({ ...x, thresholds: { ...x.thresholds, fair: n } })),
            '分',
          )}
        </Stack>
        <Typography variant="subtitle2">满分标准</Typography>
        <Stack direction="row" spacing={1.5}>
          {num('满分需求数', s.needsTarget, (n) => set((x) => ({ ...x, needsTarget: n })), '条')}
          {num('满分服务时长', s.hoursTarget, (n) => set((x) => ({ ...x, hoursTarget: n })), '小时')}
        </Stack>
      </Stack>
    </FormDialog>
  );
}
