import { useEffect, type ReactNode } from 'react';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** A screen's title line: the heading on the left, its actions on the right. */
export function PageHeader({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
}) {
  // The window title names the screen too (the taskbar, and tests, read it).
  useEffect(() => {
    document.title = `${title} - 大工委工作台`;
  }, [title]);
  return (
    <Stack direction="row" alignItems="center" spacing={2} sx={{ mb: 2, minHeight: 40 }}>
      <Stack sx={{ flex: 1, minWidth: 0 }}>
        <Typography variant="h5" component="h1">
          {title}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
      </Stack>
      {children && (
        <Stack direction="row" spacing={1.5} alignItems="center" sx={{ flexShrink: 0 }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}
