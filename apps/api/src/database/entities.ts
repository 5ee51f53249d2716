import { ChallengeEntity } from '../modules/editions/entities/challenge.entity';
import { CriterionEntity } from '../modules/editions/entities/criterion.entity';
import { EditionEntity } from '../modules/editions/entities/edition.entity';
import { TrackEntity } from '../modules/editions/entities/track.entity';

/** Every entity, listed explicitly so that tests and the CLI load the same set without globs. */
export const ENTITIES = [EditionEntity, TrackEntity, ChallengeEntity, CriterionEntity];
