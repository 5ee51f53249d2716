import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EXPORT_COLUMNS, ExportKindSchema, type Edition, type ExportKind } from '@ca/shared';
import type { PoolClient } from 'pg';
import QueryStream from 'pg-query-stream';
import { pipeline, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { EditionsService } from '../editions/editions.service';
import { RankingService } from '../ranking/ranking.service';
import { csvStream } from './csv';
import { EXPORT_QUERIES } from './export-queries';
import { unknownExport } from './exports.errors';

export interface ExportFile {
  fileName: string;
  stream: Readable;
}

/** Rows fetched from the cursor at a time: small enough to keep memory flat, big enough to be fast. */
const BATCH_SIZE = 500;

/** The export file's date: the day in Romania, where the event runs. */
const exportDate = (now: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Bucharest',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);

/**
 * CSV exports (organizers). Database kinds are streamed: a server-side cursor (pg-query-stream)
 * reads `BATCH_SIZE` rows at a time, csv-stringify turns them into text, and Fastify writes the
 * text to the socket with backpressure, so the cursor only advances as fast as the client reads
 * and no export is ever held in memory whole. The connection is the pool's until the stream ends,
 * fails or the client goes away (the pipeline then destroys the cursor and releases it).
 * Results come from the ranking's boards (already in memory, one row per project and board).
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly editions: EditionsService,
    private readonly ranking: RankingService,
  ) {}

  async open(editionId: string, kindParam: string, now = new Date()): Promise<ExportFile> {
    const parsed = ExportKindSchema.safeParse(kindParam);
    if (!parsed.success) throw unknownExport(kindParam);
    const kind = parsed.data;
    const edition = await this.editions.get(editionId, { includeDrafts: true });
    const fileName = `${edition.slug}-${kind}-${exportDate(now)}.csv`;
    const csv = csvStream(EXPORT_COLUMNS[kind]);
    const rows =
      kind === 'results'
        ? { source: Readable.from(this.resultRows(edition)), release: () => undefined }
        : await this.cursor(kind, editionId);
    pipeline(rows.source, csv, () => rows.release());
    return { fileName, stream: csv };
  }

  private async cursor(kind: Exclude<ExportKind, 'results'>, editionId: string) {
    const runner = this.db.createQueryRunner('master');
    const client = (await runner.connect()) as PoolClient;
    const source = client.query(
      new QueryStream(EXPORT_QUERIES[kind], [editionId], { batchSize: BATCH_SIZE }),
    );
    return { source, release: () => void runner.release() };
  }

  /** The whole edition's board first, then each track's, as organizers see them (live, rule 7). */
  private async *resultRows(edition: Edition): AsyncGenerator<Record<string, unknown>> {
    const slugs = new Map(edition.tracks.map((t) => [t.id, t.slug]));
    const boards: (string | null)[] = [null, ...edition.tracks.map((t) => t.id)];
    for (const trackId of boards) {
      const board = await this.ranking.leaderboard(edition.id, trackId, { isOrganizer: true });
      for (const r of board.rows)
        yield {
          board: trackId === null ? 'overall' : slugs.get(trackId),
          rank: r.rank,
          submissionId: r.submissionId,
          teamId: r.teamId,
          teamName: r.teamName,
          trackSlug: slugs.get(r.trackId) ?? null,
          title: r.title,
          score: r.score,
          normalized: r.normalized,
          sheets: r.sheets,
          normalization: edition.normalization,
        };
    }
  }
}
