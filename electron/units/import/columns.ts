import { toHalfWidth } from '../../../shared/domain/text';
import type { HeaderField } from '../../files/sheet-header';
import { UNIT_CATEGORIES, UNIT_STATUS_LABELS, type UnitCategory, type UnitStatus } from '../../../shared/domain/units';

/**
 * The columns of the street's 共建单位分配表 and 名录 as clerks actually head them. A header is matched after
 * removing spaces, line breaks, "*" marks and (when nothing else matches) bracketed hints such as （必填）.
 */
export type UnitColumn =
  | 'seq'
  | 'name'
  | 'category'
  | 'partyOrg'
  | 'secretary'
  | 'liaison'
  | 'phone'
  | 'address'
  | 'status'
  | 'community'
  | 'signedOn'
  | 'termYears'
  /** 备注: the pairing's note on a row with a 结对社区, the unit's note otherwise (a 名录 has no 社区 column). */
  | 'notes'
  | 'unitNotes'
  | 'pairingNotes';

export const UNIT_COLUMNS: readonly HeaderField<UnitColumn>[] = [
  { key: 'seq', label: '序号', aliases: ['编号', '序', 'No', 'No.', 'NO'] },
  {
    key: 'name',
    label: '共建单位',
    aliases: ['共建单位名称', '单位名称', '单位', '驻区单位', '驻区单位名称', '共建部门', '共建部门单位', '部门单位'],
  },
  { key: 'category', label: '单位类别', aliases: ['类别', '单位性质', '单位类型'] },
  { key: 'partyOrg', label: '党组织名称', aliases: ['党组织', '单位党组织', '党组织全称'] },
  { key: 'secretary', label: '党组织书记', aliases: ['书记', '书记姓名', '党组织书记姓名'] },
  { key: 'liaison', label: '联络员', aliases: ['联系人', '联络人'] },
  {
    key: 'phone',
    label: '联系电话',
    aliases: ['联系方式', '电话', '手机', '手机号', '手机号码', '电话号码', '联络员电话', '联系人电话'],
  },
  { key: 'address', label: '单位地址', aliases: ['地址', '办公地址'] },
  { key: 'status', label: '状态', aliases: ['共建状态'] },
  { key: 'community', label: '结对社区', aliases: ['社区', '所属社区', '共建社区', '分配社区', '对接社区'] },
  { key: 'signedOn', label: '签约日期', aliases: ['签订日期', '协议签订时间', '签约时间', '签订时间', '协议签订日期'] },
  { key: 'termYears', label: '共建期限', aliases: ['期限', '协议期限'] },
  { key: 'notes', label: '备注', aliases: ['说明'] },
  { key: 'unitNotes', label: '单位备注', aliases: [] },
  { key: 'pairingNotes', label: '结对备注', aliases: ['共建备注'] },
];

export const COLUMN_LABEL = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.key, c.label])) as Record<UnitColumn, string>;

/**
 * Category words that clearly mean one of the fixed categories. Kept short on purpose: anything else is an
 * error row that lists the allowed values, rather than a guess the clerk never sees.
 */
const CATEGORY_ALIASES: Record<string, UnitCategory> = {
  机关单位: '机关',
  党政机关: '机关',
  事业: '事业单位',
  国企: '国有企业',
  非公: '非公企业',
  民营企业: '非公企业',
  私营企业: '非公企业',
  社会团体: '社会组织',
  楼宇: '商务楼宇',
  商圈: '商圈市场',
  市场: '商圈市场',
};

export function parseCategory(text: string): UnitCategory | null {
  const t = text.replace(/\s+/g, '');
  if ((UNIT_CATEGORIES as readonly string[]).includes(t)) return t as UnitCategory;
  return CATEGORY_ALIASES[t] ?? null;
}

export const CATEGORY_HINT = `请填写以下之一：${UNIT_CATEGORIES.join('、')}`;

const STATUS_WORDS: Record<string, UnitStatus> = {
  [UNIT_STATUS_LABELS.active]: 'active',
  [UNIT_STATUS_LABELS.withdrawn]: 'withdrawn',
  正常: 'active',
  退出: 'withdrawn',
};

export function parseStatus(text: string): UnitStatus | null {
  return STATUS_WORDS[text.replace(/\s+/g, '')] ?? null;
}

const CHINESE_YEARS: Record<string, number> = {
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
};

/** 共建期限 as written: 3, "3年", "３年", "三年". Null when it is not a whole number of years. */
export function parseTermYears(text: string): number | null {
  const m = /^(\d{1,2}|[一二两三四五六七八九十])(年)?$/.exec(toHalfWidth(text).replace(/\s+/g, ''));
  if (!m) return null;
  return CHINESE_YEARS[m[1]!] ?? Number(m[1]);
}
