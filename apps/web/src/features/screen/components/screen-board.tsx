import type { Leaderboard, LeaderboardRow } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n';
import { showsScores } from '../../live/board-state';
import { formatScore } from '../../live/format-score';
import { AnimatedRows } from './animated-rows';

/** How many rows the screen shows: what reads from the back of a hall on one 16:9 screen. */
export const SCREEN_ROWS = 8;

/** One board on the event screen: the top places, gliding when ranks change. */
export function ScreenBoard({ board, title }: { board: Leaderboard | undefined; title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const rows = board?.rows ?? [];
  const visible = board && showsScores(board);
  const shown = rows.slice(0, SCREEN_ROWS);
  return (
    <section className="screen-board" aria-label={title} data-testid="screen-board">
      <header className="screen-board-head">
        <h2 className="screen-board-title">{title}</h2>
        {board?.frozen && <span className="screen-badge">{t('screen.frozen')}</span>}
      </header>
      {!board ? null : !visible && rows.length > 0 ? (
        <p className="screen-board-note">{t('screen.hidden')}</p>
      ) : rows.length === 0 ? (
        <p className="screen-board-note">{t('screen.noRows')}</p>
      ) : (
        <>
          <div className="screen-row screen-row-head" aria-hidden>
            <span>{t('screen.rank')}</span>
            <span>{t('screen.team')}</span>
            <span>{t('screen.project')}</span>
            <span className="screen-num">{t('screen.score')}</span>
          </div>
          <AnimatedRows
            className="screen-rows"
            items={shown}
            keyOf={(r) => r.submissionId}
            render={(r: LeaderboardRow) => (
              <div className="screen-row" data-testid="screen-row" data-submission={r.submissionId}>
                <span className="screen-rank">{r.rank ?? '–'}</span>
                <span className="screen-team">{r.teamName}</span>
                <span className="screen-title">{r.title}</span>
                <span className="screen-num" data-testid="screen-score">
                  {r.score === null ? (
                    <span className="screen-unranked">{t('screen.unranked')}</span>
                  ) : (
                    formatScore(r.score, language)
                  )}
                </span>
              </div>
            )}
          />
          {rows.length > SCREEN_ROWS && (
            <p className="screen-more">{t('screen.more', { count: rows.length - SCREEN_ROWS })}</p>
          )}
        </>
      )}
    </section>
  );
}
