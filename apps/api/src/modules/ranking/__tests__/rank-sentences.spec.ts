import type { RankPeer, RankReason } from '@ca/shared';
import { rankSentence } from '../rank-sentences';

const reason = (over: Partial<RankReason>): RankReason => ({
  rank: 3,
  normalized: 0.8234,
  score: 71.5,
  sheets: 3,
  tieMean: 7.5,
  submittedAt: '2026-05-01T10:00:00.000Z',
  decidedBy: 'normalized',
  tiedWith: [],
  ...over,
});
const peer = (over: Partial<RankPeer>): RankPeer => ({
  submissionId: '7f0c8d1e-3b1a-4c55-9a52-8d9e0f1a2b3c',
  teamName: 'Team X',
  title: 'Pill Pal',
  rank: 4,
  sheets: 2,
  tieMean: 6.25,
  submittedAt: '2026-05-01T11:00:00.000Z',
  relation: 'ahead',
  decidedBy: 'sheets',
  ...over,
});
const z = { normalization: 'zscore' as const, tieCriterion: 'Inovație' };

describe('rank sentences', () => {
  it('says the rank, the value and the sheets, in English and in Romanian (decimal comma, ș ț)', () => {
    expect(rankSentence(reason({}), z)).toEqual({
      en: '3rd place: normalized value 0.82 (mean score 71.50) from 3 sheets.',
      ro: 'Locul 3: valoare normalizată 0,82 (scor mediu 71,50) din 3 fișe.',
    });
    expect(rankSentence(reason({ rank: 1, sheets: 1 }), { ...z, normalization: 'none' })).toEqual({
      en: '1st place: mean score 71.50 from 1 sheet.',
      ro: 'Locul 1: scor mediu 71,50 din 1 fișă.',
    });
  });

  it('names the model-adjusted score for the juror-effects model, not a mean or a z-score value', () => {
    const m = { ...z, normalization: 'model' as const };
    const s = rankSentence(reason({ normalized: 4.256 }), m);
    expect(s).toEqual({
      en: '3rd place: model-adjusted score 4.26 (raw mean score 71.50) from 3 sheets.',
      ro: 'Locul 3: scor ajustat de model 4,26 (scor mediu brut 71,50) din 3 fișe.',
    });
    expect(s.en).not.toContain('normalized value');
    expect(s.ro).not.toContain('valoare normalizată');
    // The peers' part stays the same for every method.
    const tied = rankSentence(reason({ normalized: -1.5, decidedBy: 'sheets', tiedWith: [peer({})] }), m);
    expect(tied.en).toBe(
      '3rd place: model-adjusted score -1.50 (raw mean score 71.50) from 3 sheets; level on that with one project: ' +
        'ahead of “Pill Pal” on more sheets (3 against 2).',
    );
    expect(tied.ro).toBe(
      'Locul 3: scor ajustat de model -1,50 (scor mediu brut 71,50) din 3 fișe; la egalitate la această valoare cu un proiect: ' +
        'înaintea proiectului „Pill Pal” datorită mai multor fișe (3 față de 2).',
    );
  });

  it('writes ordinals and Romanian counts right', () => {
    const en = (rank: number) => rankSentence(reason({ rank }), z).en.split(' ')[0];
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(en)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
    const ro = (sheets: number) => rankSentence(reason({ sheets }), z).ro.split(' din ')[1];
    expect([2, 19, 20, 21, 100, 101, 120].map(ro)).toEqual([
      '2 fișe.',
      '19 fișe.',
      '20 de fișe.',
      '21 de fișe.',
      '100 de fișe.',
      '101 fișe.',
      '120 de fișe.',
    ]);
  });

  it('explains each peer level on the value by the rule that parted them', () => {
    const s = rankSentence(
      reason({
        decidedBy: 'submittedAt',
        tiedWith: [
          peer({}),
          peer({ title: 'Eco', relation: 'behind', decidedBy: 'tieCriterion', tieMean: 8 }),
          peer({ title: 'Late', relation: 'ahead', decidedBy: 'submittedAt' }),
        ],
      }),
      z,
    );
    expect(s.en).toBe(
      '3rd place: normalized value 0.82 (mean score 71.50) from 3 sheets; level on that with 3 projects: ' +
        'ahead of “Pill Pal” on more sheets (3 against 2); ' +
        'behind “Eco”, which has a higher mean for “Inovație” (8.00 against 7.50); ' +
        'ahead of “Late”, submitted earlier.',
    );
    expect(s.ro).toBe(
      'Locul 3: valoare normalizată 0,82 (scor mediu 71,50) din 3 fișe; la egalitate la această valoare cu 3 proiecte: ' +
        'înaintea proiectului „Pill Pal” datorită mai multor fișe (3 față de 2); ' +
        'după proiectul „Eco”, care are o medie mai mare la „Inovație” (8,00 față de 7,50); ' +
        'înaintea proiectului „Late”, fiind trimis mai devreme.',
    );
    expect(s.ro).not.toMatch(/[şţŞŢ]/); // cedilla forms never
  });

  it('names at most three peers and counts the rest; a shared place says so; negative values keep their sign', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      peer({ title: `P${i}`, relation: 'level', decidedBy: 'tied', rank: 3 }),
    );
    const s = rankSentence(reason({ normalized: -0.4567, decidedBy: 'tied', tiedWith: many }), z);
    expect(s.en).toContain('normalized value -0.46');
    expect(s.en).toContain('sharing the place with “P0”, equal on every rule');
    expect(s.en.endsWith('; and 2 more.')).toBe(true);
    expect(s.ro).toContain('împarte locul cu proiectul „P0”, fiind egal la toate regulile');
    expect(s.ro.endsWith('; și încă 2.')).toBe(true);
    expect(rankSentence(reason({ rank: null, normalized: null }), z).ro).toBe(
      'Neclasat: nicio fișă nu contează încă pentru acest proiect.',
    );
  });
});
