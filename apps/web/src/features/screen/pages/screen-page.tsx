import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { editionQueries } from '../../editions/queries';
import { BoardSubscription } from '../../live/components/board-subscription';
import { LiveIndicator } from '../../live/components/live-indicator';
import { liveQueries } from '../../live/queries';
import { Countdown } from '../components/countdown';
import { QrCode } from '../components/qr-code';
import { RevealView } from '../components/reveal-view';
import { ScreenBoard } from '../components/screen-board';
import { useScreenState } from '../use-screen-state';
import '../screen.css';

/** How long each track's board stays on screen. */
export const CYCLE_MS = 15_000;

/**
 * `/screen/:editionSlug`: the event screen for a projector. Full-screen and dark; the countdown
 * on the server's clock, the latest announcement, each track's board in turn (kept current over
 * the socket, rows gliding to their new places), the reveal when an organizer runs it, and a QR
 * code to the edition's page. It reconnects by itself and keeps no growing lists.
 */
export function ScreenPage() {
  const { editionSlug = '' } = useParams<{ editionSlug: string }>();
  const { t } = useTranslation();
  const editionQuery = useQuery({ ...editionQueries.detail(editionSlug), refetchInterval: 5 * 60_000 });
  const edition = editionQuery.data;
  const live = useScreenState(edition?.id);
  const tracks = edition?.tracks ?? [];
  const [index, setIndex] = useState(0);

  useEffect(() => {
    if (tracks.length < 2) return;
    const timer = setInterval(() => setIndex((i) => (i + 1) % tracks.length), CYCLE_MS);
    return () => clearInterval(timer);
  }, [tracks.length]);

  useEffect(() => {
    document.title = `${edition?.name ?? t('screen.title')} · ${t('screen.title')}`;
  }, [edition?.name, t]);

  const track = tracks.length ? tracks[index % tracks.length] : undefined;
  const trackId = track?.id ?? null;
  const board = useQuery({
    ...liveQueries.leaderboard(edition?.id ?? '', trackId),
    enabled: !!edition,
    retry: false,
  });

  if (editionQuery.isError)
    return (
      <main className="screen">
        <p className="screen-board-note">{t('screen.notFound')}</p>
      </main>
    );
  if (!edition) return <main className="screen" aria-busy="true" />;

  const phase = live.phase ?? edition.phase;
  const announcement = live.announcements[0];
  const reveal = live.reveal;
  const revealTitle = reveal?.trackId
    ? (tracks.find((x) => x.id === reveal.trackId)?.name ?? '')
    : t('screen.wholeEdition');
  const editionUrl = `${window.location.origin}/editions/${edition.slug}`;

  return (
    <main className="screen" data-testid="event-screen">
      {tracks.map((x) => (
        <BoardSubscription key={x.id} editionId={edition.id} trackId={x.id} />
      ))}
      <header className="screen-top">
        <div className="screen-brand">
          <h1 className="screen-edition">{edition.name}</h1>
          <LiveIndicator className="screen-live" />
        </div>
        <Countdown edition={edition} phase={phase} offsetMs={live.offsetMs} />
      </header>
      <div className="screen-announcement" data-testid="screen-announcement" aria-live="polite">
        <span className="screen-announcement-label">{t('screen.announcement')}</span>
        <span className="screen-announcement-text">
          {announcement?.message ?? t('screen.noAnnouncement')}
        </span>
      </div>
      <div className="screen-main">
        {reveal ? (
          <RevealView reveal={reveal} title={revealTitle} />
        ) : (
          <ScreenBoard board={board.data} title={track?.name ?? t('screen.wholeEdition')} />
        )}
      </div>
      <footer className="screen-bottom">
        <div
          className="screen-dots"
          // A picture of where the rotation stands: a label needs a role that takes one.
          role={track ? 'img' : undefined}
          aria-label={track ? t('screen.trackOf', { index: index + 1, count: tracks.length }) : undefined}
        >
          {!reveal &&
            tracks.map((x, i) => (
              <span
                key={x.id}
                className={i === index % tracks.length ? 'screen-dot screen-dot-on' : 'screen-dot'}
              />
            ))}
        </div>
        <div className="screen-qr">
          <span className="screen-qr-label">{t('screen.qr')}</span>
          <QrCode url={editionUrl} label={t('screen.qr')} size="min(14vh, 9vw)" />
        </div>
      </footer>
    </main>
  );
}
