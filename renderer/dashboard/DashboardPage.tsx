import { useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardActionArea from '@mui/material/CardActionArea';
import CardContent from '@mui/material/CardContent';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { call } from '../api/client';
import { paths } from '../app/paths';
import { keys } from '../app/queryClient';
import { LoadError, Loading } from '../common/LoadState';
import { useNotify } from '../common/Notifier';
import { PageHeader } from '../common/PageHeader';
import { useCommunities } from '../communities/queries';
import { currentYear, yearOptions } from '../members/yearOptions';
import { ChartCard } from './ChartCard';
import { chartPng } from './chartPng';

const COLORS = [
  '#1565c0',
  '#2e7d32',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#c62828',
  '#5d4037',
  '#546e7a',
  '#ad1457',
  '#9e9d24',
  '#283593',
];
const STATUS_COLORS: Record<string, string> = {
  open: '#ef6c00',
  matched: '#1565c0',
  in_progress: '#00838f',
  done: '#2e7d32',
  rejected: '#9e9e9e',
};
const H = 240;

function Stat({
  label,
  value,
  unit,
  to,
  tone,
}: {
  label: string;
  value: string | number;
  unit?: string;
  to?: string;
  tone?: 'error' | 'primary';
}) {
  const navigate = useNavigate();
  const body = (
    <CardContent sx={{ py: 1.5 }}>
      <Typography color="text.secondary" variant="body2">
        {label}
      </Typography>
      <Typography variant="h4" component="p" color={tone === 'error' && value ? 'error.main' : 'text.primary'}>
        {value}
        {unit && (
          <Typography component="span" variant="body2" color="text.secondary" sx={{ ml: 0.5 }}>
            {unit}
          </Typography>
        )}
      </Typography>
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ flex: 1, minWidth: 150 }}>
      {to ? (
        <CardActionArea onClick={() => void navigate(to)} aria-label={`${label}${value}`}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
}

/** 数据看板: the year at a glance; clicking a bar or slice opens the list behind it. */
export default function DashboardPage() {
  const navigate = useNavigate();
  const notify = useNotify();
  const [year, setYear] = useState(currentYear());
  const [communityId, setCommunityId] = useState<number | ''>('');
  const communities = useCommunities();
  const d = useQuery({
    queryKey: [...keys.dashboard, year, communityId],
    queryFn: () => call('dashboard.summary', { year, communityId: communityId || undefined }),
  });
  const charts = useRef(new Map<string, HTMLDivElement>());
  const register = useCallback((title: string, el: HTMLDivElement | null) => {
    if (el) charts.current.set(title, el);
    else charts.current.delete(title);
  }, []);
  const report = useMutation({
    mutationFn: async () => {
      const images = [];
      for (const [title, el] of charts.current) images.push({ title, pngBase64: await chartPng(el, title) });
      return call('dashboard.exportYearReport', { year, charts: images });
    },
    onSuccess: (r) => r.saved && notify.success(`已导出：${r.path}`),
    onError: (e) => notify.error(e),
  });
  // Every list opened from here keeps the year (and community) being looked at.
  const c = communityId ? `&community=${communityId}` : '';
  const needsOf = (filter: string) => `${paths.needs}?year=${year}${filter}${c}`;

  return (
    <Box>
      <PageHeader title="数据看板" subtitle="点击图中的柱或扇区，打开对应的清单">
        <TextField
          select
          size="small"
          label="年度"
          value={year}
          onChange={(e) => setYear(Number(e.target.value))}
          sx={{ width: 110 }}
        >
          {yearOptions().map((v) => (
            <MenuItem key={v} value={v}>
              {v}年
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label="社区"
          value={communityId}
          onChange={(e) => setCommunityId(e.target.value === '' ? '' : Number(e.target.value))}
          sx={{ width: 150 }}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        >
          <MenuItem value="">全街道</MenuItem>
          {(communities.data ?? []).map((x) => (
            <MenuItem key={x.id} value={x.id}>
              {x.name}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          startIcon={<DescriptionOutlined />}
          onClick={() => report.mutate()}
          disabled={report.isPending || !d.data}
        >
          导出年度工作总结材料
        </Button>
      </PageHeader>
      {d.isPending ? (
        <Loading />
      ) : d.isError ? (
        <LoadError error={d.error} onRetry={() => void d.refetch()} />
      ) : (
        <Stack spacing={2}>
          <Stack direction="row" spacing={1.5} aria-label="主要数据">
            <Stat label="需求" value={d.data.totals.needs} unit="条" to={needsOf('')} />
            <Stat
              label="30天内对接率"
              value={d.data.matching.rate === null ? '—' : `${d.data.matching.rate}%`}
              unit={`${d.data.matching.matchedIn30}/${d.data.matching.needs}`}
            />
            <Stat label="共建项目" value={d.data.totals.projects} unit="个" to={`${paths.ledger}?year=${year}`} />
            <Stat
              label="逾期项目"
              value={d.data.projectsOverdue}
              unit="个"
              tone="error"
              to={`${paths.ledger}?year=${year}&overdue=1`}
            />
            <Stat label="督办未办结" value={d.data.supervision.open} unit="件" to={paths.supervision} />
            <Stat
              label="督办逾期"
              value={d.data.supervision.overdue}
              unit="件"
              tone="error"
              to={`${paths.supervision}?status=overdue`}
            />
            <Stat
              label="在职党员服务"
              value={d.data.totals.hours}
              unit={`小时 / ${d.data.totals.members}人`}
              to={`${paths.members}?year=${year}`}
            />
          </Stack>
          <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', gap: 2 }}>
            <ChartCard title={`${year}年需求办理状态`} hint="点击扇区查看该状态的需求" register={register}>
              <ResponsiveContainer width="100%" height={H}>
                <PieChart>
                  <Pie
                    data={d.data.needsByStatus.filter((s) => s.count > 0)}
                    dataKey="count"
                    nameKey="label"
                    outerRadius={85}
                    label={({ name, value }) => `${name} ${value}`}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_x, i) =>
                      void navigate(needsOf(`&status=${d.data.needsByStatus.filter((s) => s.count > 0)[i]!.key}`))
                    }
                  >
                    {d.data.needsByStatus
                      .filter((s) => s.count > 0)
                      .map((s) => (
                        <Cell key={s.key} fill={STATUS_COLORS[s.key] ?? '#888'} />
                      ))}
                  </Pie>
                  <Tooltip />
                </PieChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title={`${year}年需求类别`} hint="点击柱查看该类别的需求" register={register}>
              <ResponsiveContainer width="100%" height={H}>
                <BarChart data={d.data.needsByCategory}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name="需求数"
                    fill={COLORS[0]}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_x, i) =>
                      void navigate(needsOf(`&category=${encodeURIComponent(d.data.needsByCategory[i]!.key)}`))
                    }
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title={`${year}年各社区需求`} hint="点击柱查看该社区的需求" register={register}>
              <ResponsiveContainer width="100%" height={H}>
                <BarChart data={d.data.needsByCommunity}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name="需求数"
                    fill={COLORS[4]}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_x, i) =>
                      void navigate(`${paths.needs}?year=${year}&community=${d.data.needsByCommunity[i]!.communityId}`)
                    }
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title={`${year}年项目进展（逾期标红）`} hint="点击柱查看该状态的项目" register={register}>
              <ResponsiveContainer width="100%" height={H}>
                <BarChart
                  data={[
                    ...d.data.projectsByStatus,
                    { key: 'overdue', label: '其中逾期', count: d.data.projectsOverdue },
                  ]}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" interval={0} tick={{ fontSize: 11 }} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Bar
                    dataKey="count"
                    name="项目数"
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_x, i) => {
                      const s = d.data.projectsByStatus[i];
                      void navigate(
                        s ? `${paths.ledger}?year=${year}&status=${s.key}` : `${paths.ledger}?year=${year}&overdue=1`,
                      );
                    }}
                  >
                    {[...d.data.projectsByStatus.map((s) => s.key), 'overdue'].map((k) => (
                      <Cell key={k} fill={k === 'overdue' ? '#c62828' : COLORS[1]} />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard title={`${year}年联席会议出勤率`} hint="点击图表查看该年度的联席会议" register={register}>
              <ResponsiveContainer width="100%" height={H}>
                {/* The meeting list filters by year, not month: any click on the chart opens the year's meetings. */}
                <LineChart
                  data={d.data.attendanceByMonth.map((m) => ({ ...m, month: `${Number(m.month.slice(5))}月` }))}
                  onClick={() => void navigate(`${paths.meetings}?year=${year}`)}
                  style={{ cursor: 'pointer' }}
                >
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="month" />
                  <YAxis domain={[0, 100]} unit="%" />
                  <Tooltip />
                  <Legend />
                  <Line
                    type="monotone"
                    dataKey="rate"
                    name="出勤率"
                    stroke={COLORS[3]}
                    strokeWidth={2}
                    isAnimationActive={false}
                    connectNulls
                  />
                </LineChart>
              </ResponsiveContainer>
            </ChartCard>
            <ChartCard
              title={`${year}年在职党员服务时长（按单位）`}
              hint="点击柱查看该单位的在职党员"
              register={register}
            >
              <ResponsiveContainer width="100%" height={H}>
                <BarChart data={d.data.hoursByUnit} layout="vertical" margin={{ left: 30 }}>
                  <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                  <XAxis type="number" unit="时" />
                  <YAxis type="category" dataKey="unitName" width={120} tick={{ fontSize: 11 }} />
                  <Tooltip />
                  <Bar
                    dataKey="hours"
                    name="服务时长（小时）"
                    fill={COLORS[2]}
                    isAnimationActive={false}
                    cursor="pointer"
                    onClick={(_x, i) =>
                      void navigate(`${paths.members}?year=${year}&unit=${d.data.hoursByUnit[i]!.unitId}`)
                    }
                  />
                </BarChart>
              </ResponsiveContainer>
            </ChartCard>
          </Box>
        </Stack>
      )}
    </Box>
  );
}
