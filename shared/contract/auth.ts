import { z } from 'zod';
import { defineChannel } from './channel';
import { requiredLine } from './common';
import { labelled } from './labels';

export const AuthStatus = z.object({
  /** A startup password has been set in 设置 → 安全. Without one the app never locks. */
  passwordSet: z.boolean(),
  locked: z.boolean(),
  /** Who the operation log names for the writes made now. */
  operatorName: z.string(),
  /** Lock after this many idle minutes; 0 = never. */
  idleMinutes: z.number().int(),
  /** After repeated wrong passwords unlocking is refused until this time (ISO), else null. */
  lockedOutUntil: z.string().nullable(),
});
export type AuthStatus = z.infer<typeof AuthStatus>;

const passwordOf = (label: string) => labelled(z.string().max(200, `${label}不能超过200个字符`), label);
const password = passwordOf('密码');
const newPassword = passwordOf('新密码').min(6, '新密码至少6个字符');
const idleMinutes = z.number().int().min(0).max(480, '自动锁定时间不能超过480分钟');

/** Channels that still answer while the app is locked; everything else is refused with code LOCKED. */
export const OPEN_WHEN_LOCKED = ['auth.status', 'auth.unlock', 'app.info', 'settings.get'] as const;

export const authChannels = {
  'auth.status': defineChannel(z.object({}).default({}), AuthStatus),
  'auth.unlock': defineChannel(z.object({ password }), AuthStatus),
  'auth.lock': defineChannel(z.object({}).default({}), AuthStatus),
  'auth.setPassword': defineChannel(
    z.object({
      currentPassword: passwordOf('当前密码').default(''),
      newPassword,
      idleMinutes: idleMinutes.default(15),
    }),
    AuthStatus,
  ),
  'auth.clearPassword': defineChannel(z.object({ currentPassword: passwordOf('当前密码') }), AuthStatus),
  'auth.setIdleMinutes': defineChannel(z.object({ idleMinutes }), AuthStatus),
  'auth.setOperator': defineChannel(z.object({ operatorName: requiredLine('操作员姓名', 20) }), AuthStatus),
};
