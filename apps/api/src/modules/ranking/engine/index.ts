/** The ranking engine: pure rules and an incremental in-memory model of an edition's boards. */
export * from './types';
export { EPSILON, same, sheetScore, tieBreakCriterion, jurorStats, zScore, compareTitles } from './rules';
export type { JurorStats } from './rules';
export { NORMALIZATION_METHODS, normalizationMethod } from './normalization';
export type { CountingSheets, NormalizationMethod } from './normalization';
export { rankStandings } from './standings';
export type { Standing } from './standings';
export { computeEdition } from './compute';
export { EditionRanking } from './edition-ranking';
export { fitJurorEffects, JurorEffectsModel } from './juror-effects';
export type { JurorEffect } from './juror-effects';
