import { Module } from '@nestjs/common';
import { SubmissionRecordsService } from './submission-records.service';

/**
 * The part of the submissions module that the teams and editions modules call inside their
 * transactions (a team deleted or moved, a challenge deleted). A module of its own because those
 * two are imported by SubmissionsModule: this one imports neither, so there is no cycle.
 */
@Module({ providers: [SubmissionRecordsService], exports: [SubmissionRecordsService] })
export class SubmissionRecordsModule {}
