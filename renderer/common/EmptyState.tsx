import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

/** What a list shows when there is nothing in it yet: one sentence that says what to do, and the buttons to do it. */
export function EmptyState({ icon, message, children }: { icon?: ReactNode; message: string; children?: ReactNode }) {
  return (
    <Box
      role="status"
      sx={{
        flex: 1,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 2.5,
        py: 8,
        px: 3,
        textAlign: 'center',
        color: 'text.secondary',
      }}
    >
      {icon && <Box sx={{ fontSize: 56, color: 'action.disabled', display: 'flex' }}>{icon}</Box>}
      <Typography sx={{ fontSize: 16, color: 'text.primary' }}>{message}</Typography>
      {children && (
        <Stack direction="row" spacing={2}>
          {children}
        </Stack>
      )}
    </Box>
  );
}
