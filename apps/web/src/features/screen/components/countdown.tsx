import type { Edition, Phase } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { useServerNow } from '../../editions/use-server-now';

/** The instant the current phase ends (what the hall counts down to), or null when none is ahead. */
export function countdownTarget(edition: Edition, phase: Phase): string | null {
  switch (phase) {
    case 'upcoming':
      return edition.registrationOpensAt;
    case 'registration':
      return edition.hackingStartsAt;
    case 'hacking':
      return edition.submissionDeadline;
    case 'judging':
      return edition.judgingEndsAt;
    default:
      return null;
  }
}

/** `H:MM:SS` (or `D d H:MM:SS`) until `targetMs`, never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const d = Math.floor(total / 86400);
  const h = Math.floor((total % 86400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const clock = `${h}:${String(m).padStart(2, '0')}:${String(s).padStart(2, '0')}`;
  return d > 0 ? `${d}d ${clock}` : clock;
}

/** The countdown to the end of the phase, on the server's clock (ticks on its whole seconds). */
export function Countdown({
  edition,
  phase,
  offsetMs,
}: {
  edition: Edition;
  phase: Phase;
  offsetMs: number;
}) {
  const { t } = useTranslation();
  const now = useServerNow(offsetMs);
  const target = countdownTarget(edition, phase);
  return (
    <div className="screen-countdown" data-testid="screen-countdown">
      <div className="screen-countdown-label">{t(`screen.countdown.${phase}`)}</div>
      {target && (
        <div className="screen-countdown-value" aria-live="off">
          {formatRemaining(Date.parse(target) - now)}
        </div>
      )}
    </div>
  );
}
