import { useState, type FormEvent } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SettingsInput, type Settings } from '../../shared/contract/settings';
import { apiFieldErrors, checkDraft, type FieldErrors } from '../common/errors';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { OptionListsCard } from '../options/OptionListsCard';
import { ThresholdsCard } from '../options/ThresholdsCard';
import { useAppInfo, useSaveSettings, useSettings } from './queries';
import { SecurityCard } from './SecurityCard';
import { STREET_FIELDS, StreetFields, type StreetValues } from './StreetFields';

function StreetForm({ settings }: { settings: Settings }) {
  const save = useSaveSettings();
  const notify = useNotify();
  const [values, setValues] = useState<StreetValues>({
    streetName: settings.streetName,
    committeeName: settings.committeeName,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const dirty = values.streetName !== settings.streetName || values.committeeName !== settings.committeeName;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = checkDraft(SettingsInput, values, STREET_FIELDS);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    try {
      const s = await save.mutateAsync(parsed.data);
      setValues({ streetName: s.streetName, committeeName: s.committeeName });
      notify.success('设置已保存');
    } catch (err) {
      setErrors(apiFieldErrors(err, STREET_FIELDS));
    }
  };

  return (
    <Paper
      variant="outlined"
      component="form"
      noValidate
      onSubmit={(e: FormEvent) => void submit(e)}
      sx={{ p: 3, maxWidth: 560 }}
    >
      <Typography variant="h6" component="h2" sx={{ mb: 2.5 }}>
        街道与大工委
      </Typography>
      {errors._form && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {errors._form}
        </Alert>
      )}
      <StreetFields values={values} onChange={setValues} errors={errors} disabled={save.isPending} />
      <Stack direction="row" spacing={1.5} sx={{ mt: 3 }}>
        <Button type="submit" variant="contained" disabled={save.isPending || !dirty}>
          保存
        </Button>
        {dirty && (
          <Button
            color="inherit"
            onClick={() => {
              setValues({ streetName: settings.streetName, committeeName: settings.committeeName });
              setErrors({});
            }}
          >
            撤销修改
          </Button>
        )}
      </Stack>
    </Paper>
  );
}

function AboutPanel() {
  const info = useAppInfo();
  return (
    <Paper variant="outlined" sx={{ p: 3, maxWidth: 560 }}>
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        关于
      </Typography>
      {info.isPending && <Loading />}
      {info.isError && <LoadError error={info.error} onRetry={() => void info.refetch()} />}
      {info.data && (
        <Box
          component="dl"
          sx={{
            display: 'grid',
            gridTemplateColumns: '120px 1fr',
            rowGap: 1.5,
            m: 0,
            '& dt': { color: 'text.secondary' },
            '& dd': { m: 0 },
          }}
        >
          <dt>版本</dt>
          <dd>{info.data.version}</dd>
          <dt>数据库结构版本</dt>
          <dd>{info.data.schemaVersion}</dd>
          <dt>数据文件位置</dt>
          <Box
            component="dd"
            sx={{ wordBreak: 'break-all', fontFamily: 'Consolas, "Noto Sans Mono", monospace', fontSize: 13 }}
          >
            {info.data.dbPath}
          </Box>
          <dt>运行方式</dt>
          <dd>{info.data.shell === 'electron' ? '桌面程序' : '浏览器（本机服务）'}</dd>
        </Box>
      )}
    </Paper>
  );
}

/** 设置: the street and committee names, and where the data lives. */
export default function SettingsPage() {
  const settings = useSettings();
  return (
    <Box>
      <PageHeader title="设置" />
      <Stack spacing={3}>
        {settings.data ? (
          <StreetForm settings={settings.data} />
        ) : settings.isError ? (
          <LoadError error={settings.error} />
        ) : (
          <Loading />
        )}
        <SecurityCard />
        <OptionListsCard />
        <ThresholdsCard />
        <AboutPanel />
      </Stack>
    </Box>
  );
}
