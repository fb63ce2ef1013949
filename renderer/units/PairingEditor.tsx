import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import type { Community } from '../../shared/contract/units';
import { useConfirm } from '../common/Confirm';
import type { FieldErrors } from '../common/errors';
import { CommunityPicker } from './CommunityPicker';
import { newDraftKey, type PairingDraft } from './pairingDrafts';

/**
 * The unit's 结对社区: one row per paired community with 签约日期 and 共建期限(年).
 * Changes here are kept with the form and saved with 保存, like every other field.
 */
export function PairingEditor({
  unitName,
  drafts,
  onChange,
  errors,
  communities,
  disabled,
}: {
  unitName: string;
  drafts: PairingDraft[];
  onChange: (d: PairingDraft[]) => void;
  errors: Record<string, FieldErrors>;
  communities: Community[];
  disabled?: boolean;
}) {
  const confirm = useConfirm();
  const update = (key: string, patch: Partial<PairingDraft>) =>
    onChange(drafts.map((d) => (d.key === key ? { ...d, ...patch } : d)));

  const remove = async (d: PairingDraft) => {
    if (d.id !== undefined) {
      const ok = await confirm({
        title: '解除结对',
        message: `解除“${unitName || '该单位'}”与“${d.communityName}”的结对共建关系？点击“保存”后生效。`,
        confirmText: '解除结对',
        danger: true,
      });
      if (!ok) return;
    }
    onChange(drafts.filter((x) => x.key !== d.key));
  };

  return (
    <Box component="section" aria-label="结对社区">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        结对社区
      </Typography>
      {drafts.length === 0 ? (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
          还没有结对社区。在下面选择社区即可添加。
        </Typography>
      ) : (
        <Table size="small" sx={{ mb: 1.5 }}>
          <TableHead>
            <TableRow>
              <TableCell>社区</TableCell>
              <TableCell sx={{ width: 230 }}>签约日期</TableCell>
              <TableCell sx={{ width: 130 }}>共建期限（年）</TableCell>
              <TableCell sx={{ width: 100 }} />
            </TableRow>
          </TableHead>
          <TableBody>
            {drafts.map((d) => {
              const err = errors[d.key] ?? {};
              return (
                <TableRow key={d.key}>
                  <TableCell sx={{ fontWeight: 500 }}>{d.communityName}</TableCell>
                  <TableCell>
                    <DatePicker
                      value={d.signedOn}
                      onChange={(v) => update(d.key, { signedOn: v })}
                      format="YYYY-MM-DD"
                      enableAccessibleFieldDOMStructure={false}
                      disabled={disabled}
                      slotProps={{
                        textField: {
                          size: 'small',
                          error: !!err.signedOn,
                          helperText: err.signedOn,
                          inputProps: { 'aria-label': `${d.communityName}签约日期` },
                        },
                        field: { clearable: true },
                      }}
                    />
                  </TableCell>
                  <TableCell>
                    <TextField
                      size="small"
                      value={d.termYears}
                      onChange={(e) => update(d.key, { termYears: e.target.value })}
                      error={!!err.termYears}
                      helperText={err.termYears}
                      disabled={disabled}
                      slotProps={{
                        htmlInput: {
                          inputMode: 'numeric',
                          'aria-label': `${d.communityName}共建期限（年）`,
                          maxLength: 2,
                        },
                      }}
                    />
                  </TableCell>
                  <TableCell align="right">
                    <Button size="small" color="error" onClick={() => void remove(d)} disabled={disabled}>
                      解除结对
                    </Button>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      <Stack direction="row">
        <CommunityPicker
          communities={communities}
          exclude={new Set(drafts.map((d) => d.communityId))}
          disabled={disabled}
          onPick={(c) =>
            onChange([
              ...drafts,
              {
                key: newDraftKey(),
                communityId: c.id,
                communityName: c.name,
                signedOn: null,
                termYears: '',
                notes: '',
              },
            ])
          }
        />
      </Stack>
    </Box>
  );
}
