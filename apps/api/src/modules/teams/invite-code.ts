import { randomInt } from 'node:crypto';
import { INVITE_CODE_ALPHABET, INVITE_CODE_LENGTH } from '@ca/shared';

/**
 * A new invite code: 10 characters from a 31-symbol alphabet without look-alikes, drawn with
 * crypto randomness (about 49.5 bits: not guessable, yet short enough to read aloud).
 */
export function newInviteCode(): string {
  let code = '';
  for (let i = 0; i < INVITE_CODE_LENGTH; i++)
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)];
  return code;
}
