export const paths = {
  units: '/units',
  /** Opens the unit list with the 新增共建单位 dialog (first run → 手动添加). */
  newUnit: '/units?new=1',
  communities: '/communities',
  allocation: '/allocation',
  settings: '/settings',
} as const;
