import { lazy, Suspense, useState, type FormEvent, type ReactNode } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import EditNoteOutlined from '@mui/icons-material/EditNoteOutlined';
import FlagOutlined from '@mui/icons-material/Flag';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { SettingsInput, type Settings } from '../../shared/contract/settings';
import { PARTY_RED } from '../app/theme';
import { apiFieldErrors, checkDraft, type FieldErrors } from '../common/errors';
import { useSaveSettings } from '../settings/queries';
import { STREET_FIELDS, StreetFields, type StreetValues } from '../settings/StreetFields';

const ImportDialog = lazy(() => import('../units/ImportDialog'));

const committeeFor = (street: string) => (street.trim() ? `${street.trim()}大工委` : '');

/**
 * First run: name the street and the committee, then fill the directory — import the existing
 * 分配表 or add units by hand. The app never opens on empty tables without saying what to do.
 */
export function SetupWizard({
  settings,
  onStart,
  onFinish,
}: {
  settings: Settings;
  /** Called as the names are being saved: the setup stays on screen for its second step. */
  onStart: () => void;
  onFinish: (how: 'import' | 'manual') => void;
}) {
  const save = useSaveSettings();
  const [step, setStep] = useState(0);
  const [values, setValues] = useState<StreetValues>({
    streetName: settings.streetName,
    committeeName: settings.committeeName,
  });
  // The committee name follows the street name ("城东街道" → "城东街道大工委") until the clerk edits it.
  const [committeeTouched, setCommitteeTouched] = useState(settings.committeeName !== '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [importing, setImporting] = useState(false);
  const [imported, setImported] = useState(false);

  const change = (v: StreetValues) => {
    if (v.committeeName !== values.committeeName) {
      setCommitteeTouched(true);
      setValues(v);
    } else if (!committeeTouched) setValues({ ...v, committeeName: committeeFor(v.streetName) });
    else setValues(v);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = checkDraft(SettingsInput, values, STREET_FIELDS);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    onStart();
    try {
      await save.mutateAsync(parsed.data);
      setStep(1);
    } catch (err) {
      setErrors(apiFieldErrors(err, STREET_FIELDS));
    }
  };

  return (
    <Box
      sx={{
        minHeight: '100vh',
        bgcolor: 'background.default',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        p: 3,
      }}
    >
      <Paper variant="outlined" sx={{ width: 600, maxWidth: '100%', p: 4, borderTop: `4px solid ${PARTY_RED}` }}>
        <Stack direction="row" spacing={1.5} alignItems="center" sx={{ mb: 1 }}>
          <FlagOutlined sx={{ color: 'primary.main', fontSize: 30 }} />
          <Typography variant="h5" component="h1">
            欢迎使用大工委工作台
          </Typography>
        </Stack>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          先用一分钟完成两步设置。以后可以在“设置”中修改。
        </Typography>
        <Stepper activeStep={step} sx={{ mb: 4 }}>
          <Step>
            <StepLabel>街道与大工委</StepLabel>
          </Step>
          <Step>
            <StepLabel>添加共建单位</StepLabel>
          </Step>
        </Stepper>

        {step === 0 ? (
          <Box component="form" noValidate onSubmit={(e: FormEvent) => void submit(e)} aria-label="街道与大工委">
            {errors._form && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {errors._form}
              </Alert>
            )}
            <StreetFields values={values} onChange={change} errors={errors} disabled={save.isPending} autoFocus />
            <Stack direction="row" justifyContent="flex-end" sx={{ mt: 4 }}>
              <Button type="submit" variant="contained" size="large" disabled={save.isPending}>
                下一步
              </Button>
            </Stack>
          </Box>
        ) : (
          <Box>
            <Typography sx={{ mb: 2.5 }}>
              如果已经有《区域化党建融合共建部门单位分配表》等 Excel 表格，直接导入即可；也可以逐个手动添加。
            </Typography>
            <Stack direction="row" spacing={2}>
              <ChoiceCard
                icon={<UploadFileOutlined fontSize="inherit" />}
                title="导入分配表"
                text="从现有的 .xlsx 表格导入共建单位、社区和结对关系，导入前会先预览。"
                action={
                  <Button variant="contained" onClick={() => setImporting(true)}>
                    导入分配表
                  </Button>
                }
              />
              <ChoiceCard
                icon={<EditNoteOutlined fontSize="inherit" />}
                title="手动添加"
                text="逐个填写共建单位的名称、类别、书记、联络员和结对社区。"
                action={
                  <Button variant="outlined" onClick={() => onFinish('manual')}>
                    手动添加
                  </Button>
                }
              />
            </Stack>
            <Stack direction="row" sx={{ mt: 3 }}>
              <Button color="inherit" onClick={() => setStep(0)}>
                上一步
              </Button>
            </Stack>
          </Box>
        )}
      </Paper>
      <Suspense fallback={null}>
        {importing && (
          <ImportDialog
            onImported={() => setImported(true)}
            onClose={() => {
              setImporting(false);
              if (imported) onFinish('import');
            }}
          />
        )}
      </Suspense>
    </Box>
  );
}

function ChoiceCard({
  icon,
  title,
  text,
  action,
}: {
  icon: ReactNode;
  title: string;
  text: string;
  action: ReactNode;
}) {
  return (
    <Paper variant="outlined" sx={{ flex: 1, p: 2.5, display: 'flex', flexDirection: 'column', gap: 1.25 }}>
      <Box sx={{ fontSize: 34, color: 'primary.main', display: 'flex' }}>{icon}</Box>
      <Typography variant="h6" component="h2">
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
        {text}
      </Typography>
      <Box>{action}</Box>
    </Paper>
  );
}
