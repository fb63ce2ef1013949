import type { Database } from 'better-sqlite3';
import { OPEN_WHEN_LOCKED, type AuthStatus } from '../../shared/contract/auth';
import type { Fail } from '../../shared/contract/envelope';
import { AppError } from '../core/errors';
import { currentOperator, recordOp } from '../oplog/service';
import { readSettings, writeSetting } from '../settings/repo';
import { hashPassword, verifyPassword } from './password';

export const MAX_FAILURES = 5;
export const LOCKOUT_MINUTES = 5;

const LOCKED: Fail = { ok: false, code: 'LOCKED', message: '工作台已锁定，请输入密码解锁' };

/**
 * The startup password and idle lock, enforced on the main side: while locked, the dispatcher refuses
 * every channel but the few a lock screen needs, whatever the renderer does. Failure counts and the
 * lockout time are stored in the database, so restarting the app does not reset them.
 */
export class AuthGate {
  private locked: boolean;
  private lastActivity: number;

  constructor(
    private readonly db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.locked = this.passwordHash() !== null;
    this.lastActivity = now();
  }

  private settings() {
    return readSettings(this.db);
  }

  private passwordHash(): string | null {
    return this.settings().get('passwordHash') || null;
  }

  private idleMinutes(): number {
    return Number(this.settings().get('idleMinutes') ?? '15');
  }

  /** Called by the dispatcher before each channel: null lets it through, a Fail refuses it. */
  check(channel: string): Fail | null {
    // Activity counts while no password is set too: setting one later must not find the app "idle since start".
    if (this.passwordHash() === null) {
      this.lastActivity = this.now();
      return null;
    }
    const idle = this.idleMinutes();
    if (!this.locked && idle > 0 && this.now() - this.lastActivity > idle * 60_000) this.locked = true;
    if ((OPEN_WHEN_LOCKED as readonly string[]).includes(channel)) return null;
    if (this.locked) return LOCKED;
    this.lastActivity = this.now();
    return null;
  }

  status(): AuthStatus {
    const s = this.settings();
    const until = Number(s.get('lockedOutUntil') ?? '0');
    return {
      passwordSet: this.passwordHash() !== null,
      locked: this.passwordHash() !== null && this.locked,
      operatorName: currentOperator(this.db),
      idleMinutes: this.idleMinutes(),
      lockedOutUntil: until > this.now() ? new Date(until).toISOString() : null,
    };
  }

  unlock(password: string): AuthStatus {
    const hash = this.passwordHash();
    if (hash === null || !this.locked) return this.status();
    const s = this.settings();
    const until = Number(s.get('lockedOutUntil') ?? '0');
    if (until > this.now()) {
      const at = new Date(until);
      const hhmm = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
      throw new AppError('LOCKED', `密码连续输错${MAX_FAILURES}次，已暂停解锁，请于 ${hhmm} 后再试`);
    }
    if (!verifyPassword(password, hash)) {
      const failures = Number(s.get('authFailures') ?? '0') + 1;
      this.db
        .transaction(() => {
          if (failures >= MAX_FAILURES) {
            writeSetting(this.db, 'authFailures', '0');
            writeSetting(this.db, 'lockedOutUntil', String(this.now() + LOCKOUT_MINUTES * 60_000));
          } else writeSetting(this.db, 'authFailures', String(failures));
        })
        .immediate();
      throw new AppError(
        'LOCKED',
        failures >= MAX_FAILURES
          ? `密码连续输错${MAX_FAILURES}次，${LOCKOUT_MINUTES}分钟内不能再解锁`
          : `密码不正确，还可以再试 ${MAX_FAILURES - failures} 次`,
      );
    }
    this.db
      .transaction(() => {
        writeSetting(this.db, 'authFailures', '0');
        writeSetting(this.db, 'lockedOutUntil', '0');
      })
      .immediate();
    this.locked = false;
    this.lastActivity = this.now();
    return this.status();
  }

  lock(): AuthStatus {
    if (this.passwordHash() !== null) this.locked = true;
    return this.status();
  }

  setPassword(currentPassword: string, newPassword: string, idleMinutes: number): AuthStatus {
    const hash = this.passwordHash();
    if (hash !== null && !verifyPassword(currentPassword, hash))
      throw new AppError('INVALID_INPUT', '当前密码不正确，密码未修改');
    this.db
      .transaction(() => {
        writeSetting(this.db, 'passwordHash', hashPassword(newPassword));
        writeSetting(this.db, 'idleMinutes', String(idleMinutes));
        recordOp(this.db, {
          action: 'settings',
          entity: 'settings',
          entityId: null,
          title: '启动密码',
          summary: hash ? '修改了启动密码' : `设置了启动密码，空闲 ${idleMinutes} 分钟自动锁定`,
        });
      })
      .immediate();
    this.lastActivity = this.now();
    return this.status();
  }

  clearPassword(currentPassword: string): AuthStatus {
    const hash = this.passwordHash();
    if (hash === null) return this.status();
    if (!verifyPassword(currentPassword, hash)) throw new AppError('INVALID_INPUT', '当前密码不正确，启动密码未取消');
    this.db
      .transaction(() => {
        writeSetting(this.db, 'passwordHash', '');
        recordOp(this.db, {
          action: 'settings',
          entity: 'settings',
          entityId: null,
          title: '启动密码',
          summary: '取消了启动密码',
        });
      })
      .immediate();
    this.locked = false;
    return this.status();
  }

  setIdleMinutes(idleMinutes: number): AuthStatus {
    this.db
      .transaction(() => {
        writeSetting(this.db, 'idleMinutes', String(idleMinutes));
        recordOp(this.db, {
          action: 'settings',
          entity: 'settings',
          entityId: null,
          title: '自动锁定',
          summary: idleMinutes ? `空闲 ${idleMinutes} 分钟自动锁定` : '不自动锁定',
        });
      })
      .immediate();
    return this.status();
  }

  setOperator(name: string): AuthStatus {
    this.db
      .transaction(() => {
        const before = currentOperator(this.db);
        writeSetting(this.db, 'operatorName', name);
        recordOp(this.db, {
          action: 'settings',
          entity: 'settings',
          entityId: null,
          title: '操作员',
          summary: `${before} → ${name}`,
        });
      })
      .immediate();
    return this.status();
  }
}
