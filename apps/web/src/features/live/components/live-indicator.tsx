import { useTranslation } from 'react-i18next';
import { useSocketStatus } from '../../../lib/socket-status';

/** A small "live / reconnecting" badge following the shared socket. */
export function LiveIndicator({ className }: { className?: string }) {
  const { t } = useTranslation();
  const status = useSocketStatus();
  return (
    <span
      className={`live-indicator live-indicator-${status} ${className ?? ''}`}
      role="status"
      data-testid="live-indicator"
      data-status={status}
    >
      <span className="live-indicator-dot" aria-hidden />
      {status === 'live' ? t('live.status.live') : t('live.status.reconnecting')}
    </span>
  );
}
