import type { Handlers } from '../core/registry';

export const authHandlers: Pick<
  Handlers,
  | 'auth.status'
  | 'auth.unlock'
  | 'auth.lock'
  | 'auth.setPassword'
  | 'auth.clearPassword'
  | 'auth.setIdleMinutes'
  | 'auth.setOperator'
> = {
  'auth.status': (_i, { auth }) => auth.status(),
  'auth.unlock': ({ password }, { auth }) => auth.unlock(password),
  'auth.lock': (_i, { auth }) => auth.lock(),
  'auth.setPassword': ({ currentPassword, newPassword, idleMinutes }, { auth }) =>
    auth.setPassword(currentPassword, newPassword, idleMinutes),
  'auth.clearPassword': ({ currentPassword }, { auth }) => auth.clearPassword(currentPassword),
  'auth.setIdleMinutes': ({ idleMinutes }, { auth }) => auth.setIdleMinutes(idleMinutes),
  'auth.setOperator': ({ operatorName }, { auth }) => auth.setOperator(operatorName),
};
