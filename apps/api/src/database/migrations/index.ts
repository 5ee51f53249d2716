import { Init1795943678504 } from './1795943678504-Init';
import { Accounts1795944136707 } from './1795944136707-Accounts';
import { TeamsAudit1795944345542 } from './1795944345542-TeamsAudit';
import { AccountsMailJury1795944751269 } from './1795944751269-AccountsMailJury';
import { TracksNameKey1795944751300 } from './1795944751300-TracksNameKey';
import { Submissions1795945128513 } from './1795945128513-Submissions';
import { Journeys1796137750442 } from './1796137750442-Journeys';
import { Judging1796138237130 } from './1796138237130-Judging';
import { LiveShow1796139183998 } from './1796139183998-LiveShow';
import { Ranking1796139432005 } from './1796139432005-Ranking';
import { NormalizationModel1796140500000 } from './1796140500000-NormalizationModel';
import { NormalizationModelDefault1796142317046 } from './1796142317046-NormalizationModelDefault';
import { EditionVenue1796148437219 } from './1796148437219-EditionVenue';
import { MailPrivacy1796149387000 } from './1796149387000-MailPrivacy';

/** Every migration in order; listed explicitly so that jest and the compiled app load the same set. */
export const MIGRATIONS: Function[] = [
  Init1795943678504,
  Accounts1795944136707,
  TeamsAudit1795944345542,
  AccountsMailJury1795944751269,
  TracksNameKey1795944751300,
  Submissions1795945128513,
  Journeys1796137750442,
  Judging1796138237130,
  LiveShow1796139183998,
  Ranking1796139432005,
  NormalizationModel1796140500000,
  NormalizationModelDefault1796142317046,
  EditionVenue1796148437219,
  MailPrivacy1796149387000,
];
