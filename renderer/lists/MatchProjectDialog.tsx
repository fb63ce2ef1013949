import { useState } from 'react';
import { useNavigate } from 'react-router';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { Need, Resource } from '../../shared/contract/lists';
import { todayIso } from '../../shared/domain/dates';
import { paths } from '../app/paths';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useNotify } from '../common/Notifier';
import { useListWrite } from './queries';
import { UnitPicker, type UnitRef } from './UnitPicker';

/** 对接成项目: the chosen needs and resources become one project, linked both ways. */
export function MatchProjectDialog({
  needs,
  resources,
  onClose,
}: {
  needs: Need[];
  resources: Resource[];
  onClose: () => void;
}) {
  const first = needs[0];
  const [name, setName] = useState(first ? `${first.communityName}${first.title}` : '');
  const [year, setYear] = useState(todayIso().slice(0, 4));
  const [goal, setGoal] = useState(needs.map((n) => `解决${n.communityName}“${n.title}”需求`).join('；'));
  const [content, setContent] = useState(resources.map((r) => `${r.unitName}：${r.title}`).join('；'));
  const [deadline, setDeadline] = useState('');
  const [lead, setLead] = useState<UnitRef[]>(() =>
    resources[0] ? [{ id: resources[0].unitId, name: resources[0].unitName }] : [],
  );
  const [error, setError] = useState<string | null>(null);
  const create = useListWrite('matching.createProject');
  const notify = useNotify();
  const navigate = useNavigate();

  const submit = () => {
    if (!name.trim() || lead.length === 0) {
      setError(!name.trim() ? '请填写项目名称' : '请选择责任单位');
      return;
    }
    create.mutate(
      {
        year: Number(year),
        name,
        goal,
        content,
        leadUnitIds: lead.map((u) => u.id),
        deadlineOn: deadline || null,
        needIds: needs.map((n) => n.id),
        resourceIds: resources.map((r) => r.id),
      },
      {
        onSuccess: (p) => {
          notify.success(`已形成项目“${p.name}”`);
          onClose();
          navigate(paths.project(p.id));
        },
        onError: (e) => setError(errorMessage(e)),
      },
    );
  };

  return (
    <FormDialog
      open
      title="对接成项目"
      dirty={false}
      busy={create.isPending}
      formError={error}
      onSubmit={submit}
      onClose={onClose}
      submitText="形成项目"
      maxWidth="md"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Typography variant="body2" color="text.secondary">
          需求 {needs.length} 条将改为“已对接”，资源 {resources.length} 项将改为“已对接”，项目与需求、资源相互关联。
        </Typography>
        <Stack direction="row" spacing={2}>
          <TextField
            label="项目名称"
            required
            value={name}
            onChange={(e) => setName(e.target.value)}
            sx={{ flex: 1 }}
          />
          <TextField
            label="年度"
            required
            value={year}
            onChange={(e) => setYear(e.target.value.replace(/\D/g, '').slice(0, 4))}
            sx={{ width: 100 }}
          />
        </Stack>
        <UnitPicker label="责任单位" required value={lead} onChange={setLead} />
        <TextField label="项目目标" multiline value={goal} onChange={(e) => setGoal(e.target.value)} />
        <TextField label="主要内容" multiline value={content} onChange={(e) => setContent(e.target.value)} />
        <TextField
          label="完成时限"
          type="date"
          value={deadline}
          onChange={(e) => setDeadline(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
        />
      </Stack>
    </FormDialog>
  );
}
