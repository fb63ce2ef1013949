import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { IMPORT_ACTIONS, type ImportPreview, type ImportRow } from '../../shared/contract/units';
import { IMPORT_ACTION_COLORS, IMPORT_ACTION_LABELS, sortImportRows } from './importLabels';

type Action = ImportRow['action'];

/** Step two: what the import would do, row by row, before anything is written. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const [only, setOnly] = useState<Action | null>(null);
  const { counts } = preview;
  const rows = sortImportRows(only ? preview.rows.filter((r) => r.action === only) : preview.rows);

  return (
    <Stack spacing={2}>
      <Typography variant="body2" color="text.secondary">
        文件“{preview.fileName}”，工作表“{preview.sheetName}”，第 {preview.headerRow} 行为表头，共 {preview.rows.length}{' '}
        行数据。
      </Typography>

      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="导入统计">
        {IMPORT_ACTIONS.map((a) => (
          <Chip
            key={a}
            label={`${IMPORT_ACTION_LABELS[a]} ${counts[a]}`}
            color={IMPORT_ACTION_COLORS[a]}
            variant={only === a ? 'filled' : 'outlined'}
            onClick={counts[a] > 0 ? () => setOnly(only === a ? null : a) : undefined}
            disabled={counts[a] === 0}
            title={counts[a] > 0 ? (only === a ? '显示全部行' : `只看“${IMPORT_ACTION_LABELS[a]}”的行`) : undefined}
          />
        ))}
      </Stack>

      {counts.newCommunities.length > 0 && (
        <Alert severity="info">
          将新建社区 {counts.newCommunities.length} 个：{counts.newCommunities.join('、')}
        </Alert>
      )}

      <TableContainer sx={{ maxHeight: 320, border: 1, borderColor: 'divider', borderRadius: 1 }}>
        <Table size="small" stickyHeader aria-label="导入预览">
          <TableHead>
            <TableRow>
              <TableCell sx={{ width: 64 }}>行号</TableCell>
              <TableCell sx={{ width: 88 }}>处理</TableCell>
              <TableCell sx={{ width: 220 }}>单位名称</TableCell>
              <TableCell sx={{ width: 140 }}>结对社区</TableCell>
              <TableCell>说明</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={r.row} sx={r.action === 'error' ? { bgcolor: 'rgba(211,47,47,0.04)' } : undefined}>
                <TableCell>{r.row}</TableCell>
                <TableCell>
                  <Chip
                    size="small"
                    label={IMPORT_ACTION_LABELS[r.action]}
                    color={IMPORT_ACTION_COLORS[r.action]}
                    variant="outlined"
                  />
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-all' }}>{r.unitName || '—'}</TableCell>
                <TableCell>{r.communityName || '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                  {r.messages.map((m, i) => (
                    <Box key={i} component="div">
                      {m}
                    </Box>
                  ))}
                </TableCell>
              </TableRow>
            ))}
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={5} align="center" sx={{ color: 'text.secondary', py: 3 }}>
                  表格中没有数据行
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>

      <Box>
        <Typography variant="subtitle2" component="h3" sx={{ mb: 1 }}>
          表头识别
        </Typography>
        {preview.columns.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            没有识别出任何列
          </Typography>
        ) : (
          <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} aria-label="表头识别">
            {preview.columns.map((c) => (
              <Chip
                key={`${c.header}-${c.field}`}
                size="small"
                variant="outlined"
                label={`${c.header} → ${c.field || '不导入'}`}
                sx={c.field ? undefined : { color: 'text.disabled' }}
              />
            ))}
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
