import { Injectable } from '@nestjs/common';
import type { Phase } from '@ca/shared';
import { Subject } from 'rxjs';

export interface EditionChanged {
  editionId: string;
  /** The phase just before and just after the change, at the same instant; null on creation. */
  phaseBefore: Phase | null;
  phaseAfter: Phase;
}

/**
 * In-process notifications of edition changes, so that the phase scheduler (which needs the
 * Socket.IO gateway, itself a user of EditionsService) can follow them without a module cycle.
 */
@Injectable()
export class EditionEvents {
  private readonly subject = new Subject<EditionChanged>();
  readonly changed$ = this.subject.asObservable();

  changed(event: EditionChanged): void {
    this.subject.next(event);
  }
}
