import { useRef, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useFileAction } from '../common/useFileAction';

/** Step one: choose (or drop) the .xlsx file; the template is one click away. */
export function ImportChooser({ onFile }: { onFile: (f: File) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const template = useFileAction('units.importTemplate');

  return (
    <Stack spacing={2}>
      <Box
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          const f = e.dataTransfer.files[0];
          if (f) onFile(f);
        }}
        sx={{
          border: '2px dashed',
          borderColor: over ? 'primary.main' : 'divider',
          bgcolor: over ? 'rgba(198,40,40,0.04)' : '#FAFAFB',
          borderRadius: 2,
          py: 5,
          px: 3,
          textAlign: 'center',
        }}
      >
        <UploadFileOutlined sx={{ fontSize: 44, color: 'action.active', mb: 1 }} />
        <Typography sx={{ mb: 2 }}>把分配表（.xlsx 或 .csv）拖到这里，或</Typography>
        <Button variant="contained" onClick={() => input.current?.click()} autoFocus>
          选择文件
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.csv"
          hidden
          aria-label="选择要导入的分配表文件"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) onFile(f);
          }}
        />
      </Box>
      <Typography variant="body2" color="text.secondary">
        每行一个共建单位，常见的列如：社区、共建单位（单位名称）、单位类别、党组织书记、联络员、联系电话、签约日期。表头名称不必完全一致，导入前会先显示预览，确认后才写入。WPS
        的 .et 或旧版 .xls 文件请先另存为 .xlsx。
      </Typography>
      <Box>
        <Button size="small" onClick={template.run} disabled={template.busy}>
          下载导入模板
        </Button>
      </Box>
    </Stack>
  );
}
