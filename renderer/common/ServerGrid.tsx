import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { SxProps, Theme } from '@mui/material/styles';
import {
  DataGrid,
  type GridColDef,
  type GridPaginationModel,
  type GridRowClassNameParams,
  type GridSortDirection,
  type GridSortModel,
  type GridValidRowModel,
} from '@mui/x-data-grid';
import { isComposing } from './keyboard';

/** The look every list grid shares: no outer border, a light header row, pointer rows when they open. */
const BASE_SX = {
  border: 0,
  flex: 1,
  '& .MuiDataGrid-columnHeaders': { bgcolor: '#F7F8FA' },
  '& .MuiDataGrid-columnHeaderTitle': { fontWeight: 600 },
} as const;

/**
 * A list grid whose paging and sorting happen in SQLite (the free grid shows at most 100 rows a page):
 * the page and sort are the caller's state and go into its query. A changed sort goes back to page 1, and an
 * emptied sort falls back to the list's default. Double-click or Enter opens a row (never mid-IME-composition).
 */
export function ServerGrid<R extends GridValidRowModel>(props: {
  label: string;
  rows: readonly R[];
  columns: GridColDef<R>[];
  total: number;
  loading: boolean;
  paging: GridPaginationModel;
  onPagingChange: (m: GridPaginationModel) => void;
  /** Omit to make the columns unsortable. */
  sort?: {
    model: GridSortModel;
    onChange: (m: GridSortModel) => void;
    fallback: GridSortModel;
    order?: GridSortDirection[];
  };
  onOpen?: (id: number) => void;
  /** Open on a single click (lists whose rows are only ever opened) instead of double-click. */
  openOnClick?: boolean;
  emptyText: string;
  getRowClassName?: (p: GridRowClassNameParams<R>) => string;
  autoRowHeight?: boolean;
  sx?: SxProps<Theme>;
}) {
  const { sort, onOpen } = props;
  return (
    <DataGrid<R>
      aria-label={props.label}
      rows={props.rows}
      columns={props.columns}
      rowCount={props.total}
      loading={props.loading}
      paginationMode="server"
      sortingMode="server"
      filterMode="server"
      paginationModel={props.paging}
      onPaginationModelChange={props.onPagingChange}
      pageSizeOptions={[25, 50, 100]}
      disableColumnSorting={!sort}
      sortModel={sort?.model}
      sortingOrder={sort?.order ?? ['asc', 'desc']}
      onSortModelChange={(m) => {
        if (!sort) return;
        sort.onChange(m.length ? m : sort.fallback);
        props.onPagingChange({ ...props.paging, page: 0 });
      }}
      disableColumnFilter
      disableColumnMenu
      disableColumnSelector
      disableRowSelectionOnClick
      getRowHeight={props.autoRowHeight ? () => 'auto' : undefined}
      getRowClassName={props.getRowClassName}
      onRowDoubleClick={onOpen && !props.openOnClick ? (p) => onOpen(Number(p.id)) : undefined}
      onRowClick={onOpen && props.openOnClick ? (p) => onOpen(Number(p.id)) : undefined}
      onCellKeyDown={(p, e) => {
        if (onOpen && e.key === 'Enter' && !isComposing(e)) {
          e.defaultMuiPrevented = true;
          onOpen(Number(p.id));
        }
      }}
      slots={{
        noRowsOverlay: () => (
          <Box sx={{ height: '100%', display: 'grid', placeItems: 'center' }}>
            <Typography color="text.secondary">{props.emptyText}</Typography>
          </Box>
        ),
      }}
      sx={[
        BASE_SX,
        onOpen ? { '& .MuiDataGrid-row': { cursor: 'pointer' } } : {},
        ...(Array.isArray(props.sx) ? props.sx : [props.sx]),
      ]}
    />
  );
}
