/** What the operation log records. Labels are what the 操作日志 screen and its export show. */
export const OPLOG_ACTIONS = [
  'create',
  'update',
  'delete',
  'restore',
  'purge',
  'import',
  'export',
  'backup',
  'settings',
] as const;
export type OplogAction = (typeof OPLOG_ACTIONS)[number];
export const OPLOG_ACTION_LABELS: Record<OplogAction, string> = {
  create: '新增',
  update: '修改',
  delete: '删除（移入回收站）',
  restore: '从回收站恢复',
  purge: '彻底删除',
  import: '导入',
  export: '导出',
  backup: '备份与恢复',
  settings: '设置',
};

/** The kinds of record the log and the recycle bin speak of; each later area adds its own. */
export const ENTITY_LABELS: Record<string, string> = {
  unit: '共建单位',
  community: '社区',
  pairing: '结对共建',
  settings: '设置',
  file: '文件',
  database: '数据库',
  need: '需求',
  resource: '资源',
  project: '项目',
  meeting: '联席会议',
  minutes: '会议纪要',
  decision: '督办事项',
  feedback: '督办反馈',
  member: '在职党员',
  service_activity: '服务记实',
  evaluation: '考核评价',
};
