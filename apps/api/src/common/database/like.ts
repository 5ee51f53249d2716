/** `s` matched literally inside an ILIKE pattern (`%`, `_` and `\` escaped). */
export const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
