import { lazy, Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import { useShortcut } from '../common/useShortcut';

// The dialog's code loads on first use, keeping the first screen's JS small.
const SearchDialog = lazy(() => import('./SearchDialog'));

/** The title bar's search button, and Ctrl+K from anywhere (Ctrl+F stays each page's own search box). */
export function GlobalSearch() {
  const [open, setOpen] = useState(false);
  useShortcut('k', () => setOpen(true), !open);
  return (
    <>
      <Button
        color="inherit"
        startIcon={<SearchOutlined />}
        onClick={() => setOpen(true)}
        aria-label="全局搜索（Ctrl+K）"
        sx={{
          color: 'text.secondary',
          border: 1,
          borderColor: 'divider',
          px: 1.5,
          minWidth: 200,
          justifyContent: 'flex-start',
        }}
      >
        搜索… Ctrl+K
      </Button>
      {open && (
        <Suspense fallback={null}>
          <SearchDialog onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}
