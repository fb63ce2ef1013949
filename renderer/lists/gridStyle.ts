/** The list screens' data grid look, the same as the directory's. */
export const gridSx = {
  border: 0,
  flex: 1,
  '& .MuiDataGrid-row': { cursor: 'pointer' },
  '& .MuiDataGrid-columnHeaders': { bgcolor: '#F7F8FA' },
  '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
} as const;

/** "2025-07-28" → "2025年7月28日" for screens. */
export const cnDate = (iso: string | null | undefined) =>
  iso ? `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日` : '';
