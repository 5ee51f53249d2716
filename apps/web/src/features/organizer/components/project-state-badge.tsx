import type { TeamOverview } from '@ca/shared';
import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type State = TeamOverview['project']['state'] | 'disqualified';

/** Dark shades: white text keeps at least 4.5:1 on each; "no project" is outlined, not filled. */
const COLOR: Record<State, MantineColor> = {
  none: 'orange.9',
  draft: 'gray.7',
  submitted: 'teal.9',
  disqualified: 'red.9',
};

/** Where a team's project stands, teams without one included. */
export function ProjectStateBadge({ project }: { project: TeamOverview['project'] }) {
  const { t } = useTranslation();
  const state: State = project.disqualified ? 'disqualified' : project.state;
  return (
    <Badge
      color={COLOR[state]}
      variant={state === 'none' ? 'outline' : 'filled'}
      data-testid="project-state"
      data-state={state}
    >
      {t(`organizer.teams.project.${state}`)}
    </Badge>
  );
}
