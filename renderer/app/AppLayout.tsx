import { useEffect, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Divider from '@mui/material/Divider';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import ApartmentOutlined from '@mui/icons-material/ApartmentOutlined';
import AssignmentOutlined from '@mui/icons-material/AssignmentOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import ListAltOutlined from '@mui/icons-material/ListAltOutlined';
import AssignmentTurnedInOutlined from '@mui/icons-material/AssignmentTurnedInOutlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import GroupsOutlined from '@mui/icons-material/GroupsOutlined';
import BarChartOutlined from '@mui/icons-material/BarChartOutlined';
import MilitaryTechOutlined from '@mui/icons-material/MilitaryTechOutlined';
import VolunteerActivismOutlined from '@mui/icons-material/VolunteerActivismOutlined';
import FlagOutlined from '@mui/icons-material/Flag';
import HolidayVillageOutlined from '@mui/icons-material/HolidayVillageOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import BackupOutlined from '@mui/icons-material/BackupOutlined';
import DeleteOutline from '@mui/icons-material/DeleteOutline';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import TableChartOutlined from '@mui/icons-material/TableChartOutlined';
import type { Settings } from '../../shared/contract/settings';
import { GlobalSearch } from '../search/GlobalSearch';
import { AppBarSecurity } from '../security/AppBarSecurity';
import { SecurityLayer } from '../security/SecurityLayer';
import { paths } from './paths';
import { preloadScreens } from './screens';
import { PARTY_RED } from './theme';

const DRAWER_WIDTH = 188;

const SECTIONS = [
  { to: paths.home, label: '工作台', icon: <DashboardOutlined /> },
  { to: paths.meetings, label: '联席会议', icon: <GroupsOutlined /> },
  { to: paths.supervision, label: '督办事项', icon: <AssignmentTurnedInOutlined /> },
  { to: paths.needs, label: '需求清单', icon: <ListAltOutlined /> },
  { to: paths.resources, label: '资源清单', icon: <Inventory2Outlined /> },
  { to: paths.matching, label: '供需对接', icon: <HandshakeOutlined /> },
  { to: paths.ledger, label: '项目台账', icon: <AssignmentOutlined /> },
  { to: paths.members, label: '在职党员', icon: <VolunteerActivismOutlined /> },
  { to: paths.evaluation, label: '考核评价', icon: <MilitaryTechOutlined /> },
  { to: paths.dashboard, label: '数据看板', icon: <BarChartOutlined /> },
  { to: paths.units, label: '共建单位', icon: <ApartmentOutlined /> },
  { to: paths.communities, label: '社区与网格', icon: <HolidayVillageOutlined /> },
  { to: paths.allocation, label: '结对分配表', icon: <TableChartOutlined /> },
];

function NavItem({ to, label, icon }: { to: string; label: string; icon: ReactNode }) {
  return (
    <ListItemButton
      component={NavLink}
      to={to}
      sx={{
        mx: 1,
        my: 0.25,
        borderRadius: 1.5,
        color: 'text.primary',
        '& .MuiListItemIcon-root': { minWidth: 36, color: 'text.secondary' },
        '&.active': {
          bgcolor: 'rgba(198, 40, 40, 0.08)',
          color: 'primary.main',
          fontWeight: 600,
          '& .MuiListItemIcon-root': { color: 'primary.main' },
        },
      }}
    >
      <ListItemIcon>{icon}</ListItemIcon>
      <ListItemText primary={label} slotProps={{ primary: { sx: { fontWeight: 'inherit', fontSize: 15 } } }} />
    </ListItemButton>
  );
}

/** The frame: title bar with the street and committee, the sections on the left, the screen on the right. */
export function AppLayout({ settings, children }: { settings: Settings; children: ReactNode }) {
  useEffect(() => {
    const t = window.setTimeout(preloadScreens, 300);
    return () => window.clearTimeout(t);
  }, []);
  return (
    <Box sx={{ display: 'flex', height: '100vh', overflow: 'hidden' }}>
      <AppBar
        position="fixed"
        color="inherit"
        sx={{
          zIndex: (t) => t.zIndex.drawer + 1,
          borderBottom: 1,
          borderColor: 'divider',
          borderTop: `3px solid ${PARTY_RED}`,
        }}
      >
        <Toolbar variant="dense" sx={{ minHeight: 52, gap: 1.5 }}>
          <FlagOutlined sx={{ color: 'primary.main' }} />
          <Typography component="div" sx={{ fontWeight: 700, fontSize: 17, whiteSpace: 'nowrap' }}>
            {settings.committeeName || '大工委工作台'}
          </Typography>
          {settings.streetName && (
            <Typography
              component="div"
              color="text.secondary"
              sx={{ fontSize: 14, whiteSpace: 'nowrap' }}
              data-testid="street-name"
            >
              {settings.streetName}
            </Typography>
          )}
          <Box sx={{ flex: 1 }} />
          <GlobalSearch />
          <Typography component="div" color="text.secondary" sx={{ fontSize: 13 }}>
            大工委工作台
          </Typography>
          <AppBarSecurity />
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        sx={{
          width: DRAWER_WIDTH,
          flexShrink: 0,
          '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box', bgcolor: '#FBFBFC' },
        }}
      >
        <Toolbar variant="dense" sx={{ minHeight: 55 }} />
        <Box component="nav" aria-label="主菜单" sx={{ display: 'flex', flexDirection: 'column', flex: 1, py: 1 }}>
          <List disablePadding>
            {SECTIONS.map((s) => (
              <NavItem key={s.to} {...s} />
            ))}
          </List>
          <Box sx={{ flex: 1 }} />
          <Divider sx={{ mx: 2 }} />
          <List disablePadding sx={{ py: 1 }}>
            <NavItem to={paths.backup} label="数据备份" icon={<BackupOutlined />} />
            <NavItem to={paths.recycle} label="回收站" icon={<DeleteOutline />} />
            <NavItem to={paths.oplog} label="操作日志" icon={<HistoryOutlined />} />
            <NavItem to={paths.settings} label="设置" icon={<SettingsOutlined />} />
          </List>
        </Box>
      </Drawer>
      <Box
        component="main"
        sx={{
          flex: 1,
          minWidth: 0,
          display: 'flex',
          flexDirection: 'column',
          pt: '55px',
          height: '100vh',
          overflow: 'hidden',
        }}
      >
        <Box sx={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column', p: 3, overflow: 'auto' }}>
          {children}
        </Box>
      </Box>
      <SecurityLayer settings={settings} />
    </Box>
  );
}
