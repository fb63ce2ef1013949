import type { TableCount } from '../../shared/contract/backup';

/**
 * Chinese names of the tables for the restore preview. A table another area adds later and does not list
 * here still shows, under its own name; add it here when it is added to the schema.
 */
export const TABLE_LABELS: Record<string, string> = {
  communities: '社区',
  grids: '网格',
  units: '共建单位',
  pairings: '结对共建',
  settings: '设置项',
  oplog: '操作日志',
  recycle_bin: '回收站',
  meetings: '联席会议',
  meeting_invitees: '参会单位',
  agenda_items: '会议议题',
  minutes_revisions: '纪要修订记录',
  decisions: '督办事项',
  decision_partners: '督办协办单位',
  decision_feedback: '督办反馈',
  needs: '需求',
  need_status_log: '需求状态记录',
  resources: '资源',
  projects: '项目',
  project_units: '项目参与单位',
  project_communities: '项目服务社区',
  project_needs: '项目对接需求',
  project_resources: '项目使用资源',
  progress_entries: '项目进展',
  project_closures: '项目结项',
  attachments: '附件',
  party_members: '在职党员',
  service_posts: '服务岗位',
  service_activities: '服务记实',
  service_records: '服务记实参与党员',
  evaluation_settings: '考核评价设置',
  evaluation_scores: '考核评价得分',
  evaluation_locks: '考核评价定稿',
  search_text: '搜索索引',
};

/** Known tables first, in the order above, then any others by name. */
export function tableCounts(counts: Record<string, number>): TableCount[] {
  const order = Object.keys(TABLE_LABELS);
  const rank = (t: string) => (order.includes(t) ? order.indexOf(t) : order.length);
  return Object.keys(counts)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((table) => ({ table, label: TABLE_LABELS[table] ?? table, count: counts[table]! }));
}
