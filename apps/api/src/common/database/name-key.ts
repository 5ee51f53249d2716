/**
 * How names are compared for uniqueness (team names, track names): case- and spacing-insensitive.
 * The unique indexes are on this key, stored beside the name as typed.
 */
export const nameKey = (name: string) =>
  name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');
