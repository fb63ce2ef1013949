import { useRef, type ReactNode } from 'react';
import { useMutation } from '@tanstack/react-query';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import ImageOutlined from '@mui/icons-material/ImageOutlined';
import { call } from '../api/client';
import { useNotify } from '../common/Notifier';
import { chartPng } from './chartPng';

/** One chart with its title, a hint of what a click opens, and 保存图片. */
export function ChartCard({
  title,
  hint,
  register,
  children,
}: {
  title: string;
  hint?: string;
  register: (title: string, el: HTMLDivElement | null) => void;
  children: ReactNode;
}) {
  const notify = useNotify();
  const box = useRef<HTMLDivElement | null>(null);
  const save = useMutation({
    mutationFn: async () => call('dashboard.savePng', { title, pngBase64: await chartPng(box.current!, title) }),
    onSuccess: (r) => r.saved && notify.success(`已保存：${r.path}`),
    onError: (e) => notify.error(e),
  });
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent sx={{ pb: '12px !important' }}>
        <Stack direction="row" alignItems="center">
          <Typography variant="subtitle1" fontWeight="bold" sx={{ flex: 1 }}>
            {title}
          </Typography>
          <Tooltip title="保存为PNG图片">
            <IconButton
              size="small"
              aria-label={`保存“${title}”图片`}
              onClick={() => save.mutate()}
              disabled={save.isPending}
            >
              <ImageOutlined fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
        {hint && (
          <Typography variant="caption" color="text.secondary">
            {hint}
          </Typography>
        )}
        <div
          ref={(el) => {
            box.current = el;
            register(title, el);
          }}
        >
          {children}
        </div>
      </CardContent>
    </Card>
  );
}
