import type { TFunction } from 'i18next';
import type { ComponentType } from 'react';
import type { resources } from '../../../lib/i18n';
import { AssignmentsSection } from '../../judging/pages/assignments-section';
import { ConflictsSection } from '../../judging/pages/conflicts-section';
import { CorrectionsSection } from '../../judging/pages/corrections-section';
import { CoverageSection } from '../../judging/pages/coverage-section';
import { TablesSection } from '../../judging/pages/tables-section';
import { LiveSection } from '../../live/components/live-section';
import { ResultsSection } from '../../ranking/pages/results-section';
import { OrganizerSubmissionsPage } from '../../submissions/pages/organizer-submissions-page';
import { AuditSection } from '../pages/audit-section';
import { CriteriaSection } from '../pages/criteria-section';
import { DashboardSection } from '../pages/dashboard-section';
import { EditionSection } from '../pages/edition-section';
import { ExportsSection } from '../pages/exports-section';
import { JurySection } from '../pages/jury-section';
import { OverviewSection } from '../pages/overview-section';
import { ParticipantsSection } from '../pages/participants-section';
import { TeamsSection } from '../pages/teams-section';
import { TracksSection } from '../pages/tracks-section';
import { useConsoleEdition } from './console-context';

/** A section's label is `organizer.console.sections.<id>` in the locale files. */
export type SectionId = Extract<
  keyof (typeof resources)['en']['translation']['organizer']['console']['sections'],
  string
>;

export interface ConsoleSection {
  /** The menu link's test id (`console-nav-<id>`), React key and label. */
  id: SectionId;
  /** Under `/organize/editions/:slug/`; `''` is the overview. */
  path: string;
  label: (t: TFunction) => string;
  /** Reads the edition with `useConsoleEdition()`. */
  Component: ComponentType;
}

/** The live console (freeze, publish, reveal, announcements, awards, screen preview, coverage). */
function ConsoleLiveSection() {
  return <LiveSection edition={useConsoleEdition()} />;
}

const section = (id: SectionId, Component: ComponentType, path: string = id): ConsoleSection => ({
  id,
  path,
  label: (t) => t(`organizer.console.sections.${id}`),
  Component,
});

/**
 * The console's sections, in menu order. A new section (judging, live, exports, audit) is one
 * line here (plus its label in the locale files): the routes, the menu and the organizer home's
 * links all come from this list.
 */
export const CONSOLE_SECTIONS: ConsoleSection[] = [
  section('overview', OverviewSection, ''),
  section('dashboard', DashboardSection),
  section('edition', EditionSection),
  section('tracks', TracksSection),
  section('criteria', CriteriaSection),
  section('participants', ParticipantsSection),
  section('teams', TeamsSection),
  section('submissions', OrganizerSubmissionsPage),
  section('jury', JurySection),
  section('coverage', CoverageSection),
  section('assignments', AssignmentsSection),
  section('conflicts', ConflictsSection),
  section('tables', TablesSection),
  section('corrections', CorrectionsSection),
  section('live', ConsoleLiveSection),
  section('results', ResultsSection),
  section('audit', AuditSection),
  section('exports', ExportsSection),
];

export const sectionPath = (slug: string, s: Pick<ConsoleSection, 'path'>) =>
  `/organize/editions/${slug}${s.path ? `/${s.path}` : ''}`;
