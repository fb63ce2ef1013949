import Alert from '@mui/material/Alert';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import type { ImportResult } from '../../shared/contract/units';

/** Step three: what was written. */
export function ImportResultView({ result }: { result: ImportResult }) {
  const lines: [string, number, string][] = [
    ['新增共建单位', result.unitsAdded, '个'],
    ['更新共建单位', result.unitsUpdated, '个'],
    ['新建社区', result.communitiesAdded, '个'],
    ['新增结对', result.pairingsAdded, '条'],
    ['更新结对', result.pairingsUpdated, '条'],
  ];
  return (
    <>
      <Alert severity="success" sx={{ mb: 1 }}>
        导入完成
      </Alert>
      <List dense aria-label="导入结果">
        {lines.map(([label, n, unit]) => (
          <ListItem key={label} disableGutters>
            <ListItemText primary={`${label}：${n} ${unit}`} />
          </ListItem>
        ))}
      </List>
    </>
  );
}
