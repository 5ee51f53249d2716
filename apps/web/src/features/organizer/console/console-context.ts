import { useOutletContext } from 'react-router';
import type { TimedEdition } from '../../editions/queries';

/** What the console layout hands every section: the edition, loaded once by the layout. */
export interface ConsoleContext {
  edition: TimedEdition;
}

export const useConsoleEdition = (): TimedEdition => useOutletContext<ConsoleContext>().edition;
