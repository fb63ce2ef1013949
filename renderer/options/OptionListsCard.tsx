import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { OPTION_LIST_NAMES } from '../../shared/domain/options';
import { OptionListField } from './OptionListCard';

/** 设置 → 可选项: every editable option list in one card, each saved on its own. */
export function OptionListsCard() {
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 720 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        可选项
      </Typography>
      <Stack spacing={3}>
        {OPTION_LIST_NAMES.map((l) => (
          <OptionListField key={l} list={l} />
        ))}
      </Stack>
    </Paper>
  );
}
