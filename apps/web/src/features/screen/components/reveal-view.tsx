import type { Award, RevealStep } from '@ca/shared';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../../lib/i18n';
import { formatScore } from '../../live/format-score';

function AwardCard({ award, big }: { award: Award; big: boolean }) {
  const { t } = useTranslation();
  return (
    <article className={big ? 'screen-award screen-award-big' : 'screen-award'} data-testid="screen-award">
      <div className="screen-award-name">{award.name}</div>
      {award.prize && <div className="screen-award-prize">{award.prize}</div>}
      {award.sponsor && (
        <div className="screen-award-sponsor">{t('screen.reveal.sponsor', { sponsor: award.sponsor })}</div>
      )}
      <div className="screen-award-winner">
        {award.winners.length
          ? award.winners.map((w) => `${w.teamName} — ${w.title}`).join(' · ')
          : t('screen.reveal.noWinner')}
      </div>
      {big && award.citation && <blockquote className="screen-award-citation">{award.citation}</blockquote>}
    </article>
  );
}

/**
 * The results show: the places revealed so far (the newest, the best so far, on top and
 * highlighted), then the awards one by one, the newest large with its citation.
 */
export function RevealView({ reveal, title }: { reveal: RevealStep; title: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const best = [...reveal.revealed].reverse();
  const inAwards = reveal.awards.length > 0;
  const latestAward = reveal.awards[reveal.awards.length - 1];
  const over = reveal.step >= reveal.total;
  return (
    <section className="screen-reveal" data-testid="screen-reveal" data-step={reveal.step}>
      <header className="screen-board-head">
        <h2 className="screen-board-title">
          {t('screen.reveal.title')} · {title}
        </h2>
      </header>
      {reveal.step === 0 && <p className="screen-board-note">{t('screen.reveal.starting')}</p>}
      {inAwards ? (
        <div className="screen-awards">
          {latestAward && <AwardCard award={latestAward} big />}
          <div className="screen-awards-earlier">
            {reveal.awards
              .slice(0, -1)
              .reverse()
              .slice(0, 3)
              .map((a) => (
                <AwardCard key={a.id} award={a} big={false} />
              ))}
          </div>
        </div>
      ) : (
        <ol className="screen-rows">
          {best.slice(0, 8).map((r, i) => (
            <li key={r.submissionId} className={i === 0 ? 'screen-reveal-new' : undefined}>
              <div className="screen-row" data-testid="reveal-row">
                <span className="screen-rank">{r.rank}</span>
                <span className="screen-team">{r.teamName}</span>
                <span className="screen-title">{r.title}</span>
                <span className="screen-num">{formatScore(r.score, language)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
      {over && reveal.total > 0 && <p className="screen-board-note">{t('screen.reveal.over')}</p>}
    </section>
  );
}
