import { useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import Chip from '@mui/material/Chip';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { COMMON_POSTS } from '../../shared/domain/members';
import { call } from '../api/client';
import { keys } from '../app/queryClient';
import { errorMessage } from '../common/errors';
import { FormDialog } from '../common/FormDialog';
import { useCommunities } from '../communities/queries';
import { usePosts } from './queries';

/** 服务岗位: each community's list of posts members can claim (认领), offered first in the member form. */
export default function PostsDialog({ onClose }: { onClose: () => void }) {
  const qc = useQueryClient();
  const communities = useCommunities();
  const all = usePosts();
  const [communityId, setCommunityId] = useState<number | ''>('');
  const [posts, setPosts] = useState<string[]>([]);
  const [dirty, setDirty] = useState(false);
  const save = useMutation({
    mutationFn: () => call('members.savePosts', { communityId: communityId as number, posts }),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.members }),
  });
  const pick = (id: number) => {
    setCommunityId(id);
    setPosts(all.data?.find((p) => p.communityId === id)?.posts ?? []);
    setDirty(false);
    save.reset();
  };
  return (
    <FormDialog
      open
      title="社区服务岗位"
      dirty={dirty}
      busy={save.isPending}
      formError={save.isError ? errorMessage(save.error) : null}
      onSubmit={() => communityId !== '' && save.mutate(undefined, { onSuccess: () => setDirty(false) })}
      onClose={onClose}
      submitText="保存岗位"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <TextField select label="社区" value={communityId} onChange={(e) => pick(Number(e.target.value))}>
          {(communities.data ?? []).map((c) => (
            <MenuItem key={c.id} value={c.id}>
              {c.name}
            </MenuItem>
          ))}
        </TextField>
        <Autocomplete
          multiple
          freeSolo
          disabled={communityId === ''}
          options={[...COMMON_POSTS]}
          value={posts}
          onChange={(_e, v) => {
            setPosts([...new Set(v.map((x) => x.trim()).filter(Boolean))]);
            setDirty(true);
          }}
          renderValue={(value, getItemProps) =>
            value.map((v, i) => <Chip {...getItemProps({ index: i })} key={v} label={v} size="small" />)
          }
          renderInput={(p) => (
            <TextField
              {...p}
              label="服务岗位"
              helperText={save.isSuccess && !dirty ? '已保存' : '输入岗位名称后按回车添加'}
            />
          )}
        />
      </Stack>
    </FormDialog>
  );
}
