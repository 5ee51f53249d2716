import { Inject, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
} from '@nestjs/websockets';
import {
  CoverageSubscribeSchema,
  LIVE_NAMESPACE,
  LeaderboardSubscribeSchema,
  SCREEN_ANNOUNCEMENTS,
  ScreenSubscribeSchema,
  rooms,
  type Ack,
  type Leaderboard,
  type Nack,
  type ScreenState,
} from '@ca/shared';
import type { z } from 'zod';
import { DomainError, notFound } from '../../common/errors/domain-error';
import { describeZodError } from '../../common/validation/zod';
import { AnnouncementsService } from '../announcements/announcements.service';
import { EditionsService } from '../editions/editions.service';
import { RevealService } from '../reveal/reveal.service';
import { BoardFanout, DEFAULT_FANOUT, type FanoutSink } from './board-fanout';
import { nack, type LiveNamespace, type LiveSocket } from './live.gateway';
import { RANKING_SOURCE, type LiveRankingSource } from './ranking-source';

const ORGANIZERS_SUFFIX = ':organizers';

function parse<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new DomainError('VALIDATION_FAILED', describeZodError(parsed.error));
  return parsed.data;
}

const isOrganizer = (socket: LiveSocket) => socket.data.auth?.user.isOrganizer === true;

/**
 * The live feeds of `/live`: leaderboards, the event screen and the organizers' coverage.
 *
 * Who sees what is decided here, per socket, when it subscribes: an organizer joins a board's
 * organizers room (the live board), anyone else the board's public room, whose messages follow
 * the edition's public mode (BoardFanout). Leaderboard messages go to this instance's sockets only
 * (`local`): every instance keeps its own ranking state, numbered from the database, and emits it
 * to its own sockets. Announcements, reveal steps and phase changes are emitted once by the
 * instance that made them and reach every instance through the Redis adapter.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveFeedsGateway implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LiveFeedsGateway.name);

  @WebSocketServer()
  server: LiveNamespace;

  readonly fanout: BoardFanout;

  constructor(
    private readonly editions: EditionsService,
    private readonly announcements: AnnouncementsService,
    private readonly reveal: RevealService,
    @Inject(RANKING_SOURCE) private readonly ranking: LiveRankingSource,
  ) {
    const sink: FanoutSink = {
      update: (names, payload) => this.server?.local.to(names).emit('leaderboard:update', payload),
      snapshot: (names, payload) => this.server?.local.to(names).emit('leaderboard:snapshot', payload),
      size: (room) => this.server?.adapter.rooms.get(room)?.size ?? 0,
    };
    this.fanout = new BoardFanout(ranking, sink, DEFAULT_FANOUT);
    this.fanout.publicRoomsOf = (editionId) => this.localPublicBoards(editionId);
  }

  onApplicationBootstrap(): void {
    this.fanout.start();
  }

  onApplicationShutdown(): void {
    this.fanout.stop();
  }

  /**
   * A board (a track, or the whole edition with `trackId: null`), acked with the snapshot this
   * socket may see. Subscribing again is the resync: it answers a fresh snapshot.
   */
  @SubscribeMessage('leaderboard:subscribe')
  async subscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ snapshot: Leaderboard }> | Nack> {
    try {
      const { editionId, trackId } = parse(LeaderboardSubscribeSchema, body);
      const organizer = isOrganizer(socket);
      const edition = await this.editions.get(editionId, { includeDrafts: organizer });
      if (trackId !== null && !edition.tracks.some((t) => t.id === trackId)) throw notFound('Track');
      await this.fanout.watchEdition(editionId);
      const own = organizer
        ? rooms.leaderboardOrganizers(editionId, trackId)
        : rooms.leaderboard(editionId, trackId);
      await socket.join(own);
      const snapshot = await this.ranking.leaderboard(editionId, trackId, { isOrganizer: organizer });
      return { ok: true, snapshot };
    } catch (err) {
      return nack(err);
    }
  }

  @SubscribeMessage('leaderboard:unsubscribe')
  async unsubscribe(@ConnectedSocket() socket: LiveSocket, @MessageBody() body: unknown): Promise<void> {
    const parsed = LeaderboardSubscribeSchema.safeParse(body);
    if (!parsed.success) return;
    const { editionId, trackId } = parsed.data;
    await socket.leave(rooms.leaderboard(editionId, trackId));
    await socket.leave(rooms.leaderboardOrganizers(editionId, trackId));
  }

  /** The event screen: joins the edition's room and answers with what the screen shows first. */
  @SubscribeMessage('screen:subscribe')
  async screenSubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<{ state: ScreenState }> | Nack> {
    try {
      const { editionId } = parse(ScreenSubscribeSchema, body);
      const edition = await this.editions.get(editionId, { includeDrafts: isOrganizer(socket) });
      await socket.join(rooms.edition(edition.id));
      const [announcements, reveal] = await Promise.all([
        this.announcements.latest(edition.id, SCREEN_ANNOUNCEMENTS),
        this.reveal.state(edition.id),
      ]);
      return {
        ok: true,
        state: {
          phase: edition.phase,
          serverTime: new Date().toISOString(),
          submissionDeadline: edition.submissionDeadline,
          judgingEndsAt: edition.judgingEndsAt,
          announcements,
          reveal,
        },
      };
    } catch (err) {
      return nack(err);
    }
  }

  /** Organizers: the edition's organizers room (`coverage:update`). */
  @SubscribeMessage('coverage:subscribe')
  async coverageSubscribe(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: unknown,
  ): Promise<Ack<object> | Nack> {
    try {
      const { editionId } = parse(CoverageSubscribeSchema, body);
      if (!socket.data.auth) throw new DomainError('UNAUTHENTICATED', 'Sign in first');
      if (!isOrganizer(socket)) throw new DomainError('FORBIDDEN', 'Organizers only');
      const edition = await this.editions.get(editionId, { includeDrafts: true });
      await socket.join(rooms.organizers(edition.id));
      return { ok: true };
    } catch (err) {
      return nack(err);
    }
  }

  @SubscribeMessage('clock:sync')
  clock(): Ack<{ serverTime: string }> {
    return { ok: true, serverTime: new Date().toISOString() };
  }

  /** This instance's public board rooms of an edition, as track ids (null: the whole edition). */
  private localPublicBoards(editionId: string): (string | null)[] {
    const prefix = `leaderboard:${editionId}:`;
    const out: (string | null)[] = [];
    for (const name of this.server?.adapter.rooms.keys() ?? []) {
      if (!name.startsWith(prefix) || name.endsWith(ORGANIZERS_SUFFIX)) continue;
      const track = name.slice(prefix.length);
      out.push(track === 'all' ? null : track);
    }
    return out;
  }
}
