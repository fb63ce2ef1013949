import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Dialog from '@mui/material/Dialog';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import type { SearchGroup, SearchHit } from '../../shared/contract/search';
import { isComposing } from '../common/keyboard';
import { LoadError } from '../common/LoadState';
import { useDebounced } from '../common/useDebounced';
import { Highlighted } from './Highlighted';
import { useGlobalSearch } from './queries';

const markSx = { '& mark': { bgcolor: '#FFE08A', color: 'inherit', borderRadius: '2px', px: '1px' } };

/**
 * 全局搜索 (Ctrl+K): one box across units, members, meetings and minutes, decisions, needs, resources and
 * projects. Results are grouped by kind with the match marked; ↑/↓ choose, Enter opens the record, Esc closes.
 */
export default function SearchDialog({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const q = useDebounced(text.trim(), 150);
  const result = useGlobalSearch(q);
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const data = result.data;
  const groups: SearchGroup[] = useMemo(() => (q === '' ? [] : (data?.groups ?? [])), [q, data]);
  const hits = useMemo(() => groups.flatMap((g) => g.hits), [groups]);
  const current = Math.min(active, Math.max(hits.length - 1, 0));

  const open = (hit: SearchHit) => {
    onClose();
    navigate(hit.route);
  };
  const move = (by: number) => {
    if (hits.length === 0) return;
    const next = (current + by + hits.length) % hits.length;
    setActive(next);
    listRef.current?.querySelector(`[data-index="${next}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (isComposing(e)) return;
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'Enter' && hits[current]) open(hits[current]);
    else return;
    e.preventDefault();
  };

  let index = -1;
  return (
    <Dialog
      open
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="global-search-title"
      sx={{ '& .MuiDialog-container': { alignItems: 'flex-start' } }}
    >
      <DialogTitle id="global-search-title" sx={{ pb: 1 }}>
        全局搜索
      </DialogTitle>
      <DialogContent sx={{ pb: 2, '&&': { pt: 1 } }}>
        <TextField
          autoFocus
          fullWidth
          label="搜索内容"
          placeholder="单位、党员、会议、纪要、议定事项、需求、资源、项目"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchOutlined />
                </InputAdornment>
              ),
            },
            htmlInput: {
              'aria-controls': 'global-search-results',
              'aria-activedescendant': hits[current] ? `search-hit-${current}` : undefined,
            },
          }}
        />
        <Box
          ref={listRef}
          id="global-search-results"
          role="listbox"
          aria-label="搜索结果"
          sx={{ mt: 1.5, maxHeight: '60vh', overflowY: 'auto', ...markSx }}
        >
          {q === '' ? (
            <Typography color="text.secondary" sx={{ py: 2 }}>
              输入名称、人名或内容中的任意字词（一个字也可以），多个词用空格隔开。↑↓ 选择，Enter 打开。
            </Typography>
          ) : result.isError ? (
            <LoadError error={result.error} onRetry={() => void result.refetch()} />
          ) : result.data && groups.length === 0 ? (
            <Typography color="text.secondary" sx={{ py: 2 }}>
              没有找到包含“{q}”的记录。
            </Typography>
          ) : (
            groups.map((g) => (
              <Box key={g.kind} role="group" aria-label={g.label} sx={{ mb: 1.5 }}>
                <Typography variant="subtitle2" color="text.secondary" sx={{ px: 1, py: 0.5 }}>
                  {g.label}（共 {g.total} 条{g.total > g.hits.length ? `，显示最近 ${g.hits.length} 条` : ''}）
                </Typography>
                {g.hits.map((h) => {
                  index += 1;
                  const i = index;
                  const selected = i === current;
                  return (
                    <Box
                      key={`${g.kind}-${h.id}`}
                      id={`search-hit-${i}`}
                      data-index={i}
                      role="option"
                      aria-selected={selected}
                      onMouseEnter={() => setActive(i)}
                      onClick={() => open(h)}
                      sx={{
                        px: 1.5,
                        py: 0.75,
                        borderRadius: 1,
                        cursor: 'pointer',
                        bgcolor: selected ? 'action.selected' : undefined,
                      }}
                    >
                      <Box sx={{ display: 'flex', gap: 1, alignItems: 'baseline', minWidth: 0 }}>
                        <Typography
                          component="span"
                          sx={{ fontWeight: 600, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                        >
                          <Highlighted value={h.title} />
                        </Typography>
                        {h.context && (
                          <Typography
                            component="span"
                            variant="body2"
                            color="text.secondary"
                            sx={{ whiteSpace: 'nowrap' }}
                          >
                            {h.context}
                          </Typography>
                        )}
                      </Box>
                      {h.snippet.text && (
                        <Typography
                          variant="body2"
                          color="text.secondary"
                          sx={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}
                        >
                          <Highlighted value={h.snippet} />
                        </Typography>
                      )}
                    </Box>
                  );
                })}
              </Box>
            ))
          )}
        </Box>
      </DialogContent>
    </Dialog>
  );
}
