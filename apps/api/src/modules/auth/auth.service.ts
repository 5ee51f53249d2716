import { Injectable } from '@nestjs/common';
import {
  TERMS_VERSION,
  type AuthResult,
  type Language,
  type LoginInput,
  type RegisterInput,
} from '@ca/shared';
import { DUMMY_HASH, verifyPassword } from '../../common/auth/passwords';
import { DomainError } from '../../common/errors/domain-error';
import { normalizeEmail, toUser } from '../users/users.mapper';
import { UsersService } from '../users/users.service';
import { LoginLimiter } from './login-limiter';
import { SessionsService } from './sessions.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly limiter: LoginLimiter,
  ) {}

  /**
   * 400 TERMS_NOT_ACCEPTED with `acceptTerms: false`; with `true` the terms' version and the time
   * are recorded. A body without the field is the public contract's `{ email, password, name }`
   * and still creates the account, with no consent recorded (the web form always asks for it).
   * `language` when the body names none.
   */
  async register(input: RegisterInput, language: Language): Promise<AuthResult> {
    if (input.acceptTerms === false)
      throw new DomainError(
        'TERMS_NOT_ACCEPTED',
        'acceptTerms: accept the terms and the privacy notice to create an account',
      );
    const user = await this.users.create(input, {
      termsVersion: input.acceptTerms === true ? TERMS_VERSION : null,
      language: input.language ?? language,
    });
    const { token } = await this.sessions.create(user.id);
    return { user: toUser(user), token };
  }

  /**
   * 429 once the account or the IP has too many recent failures; only failures are counted. The
   * attempt counts as a failure before the password is verified and is given back when it was
   * right, so that guesses sent side by side cannot exceed the limit.
   */
  async login(input: LoginInput, ip: string): Promise<AuthResult> {
    const email = normalizeEmail(input.email);
    const slot = await this.limiter.take(email, ip);
    if (!slot) throw new DomainError('RATE_LIMITED', 'Too many failed sign-ins; try again later');
    let wrong = false;
    try {
      const user = await this.users.findByEmail(email);
      const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, input.password);
      if (!user || !ok || user.disabledAt) {
        wrong = true;
        throw new DomainError('UNAUTHENTICATED', 'Wrong email or password');
      }
      const { token } = await this.sessions.create(user.id);
      return { user: toUser(user), token };
    } finally {
      // Kept only for a wrong password: a good login, or one that failed on our side, is not counted.
      if (!wrong) await slot.release();
    }
  }

  logout(sessionId: string): Promise<void> {
    return this.sessions.revoke(sessionId);
  }
}
