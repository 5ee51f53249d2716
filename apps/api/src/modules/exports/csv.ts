import { stringify, type Stringifier } from 'csv-stringify';

/**
 * The CSV dialect of every export: RFC 4180 (comma, CRLF between records, a field quoted when it
 * holds a quote, comma, CR or LF, quotes doubled), UTF-8 with a byte-order mark so that Excel opens
 * Romanian diacritics (ș ț ă î â) as such, and formula injection neutralised: a text cell starting
 * with `=`, `+`, `-`, `@`, tab or carriage return (or their full-width forms, which some
 * spreadsheets fold into them) gets a leading `'`, so a spreadsheet shows it as text instead of
 * running it (OWASP "CSV Injection"). Numbers are written as numbers: a negative score stays `-3`.
 *
 * csv-stringify does all of this (options `bom`, `record_delimiter`, `escape_formulas`) as a Node
 * Transform stream with backpressure: it is the stringifier of the node-csv project, maintained
 * for over a decade, without dependencies, and quoting is easy to get subtly wrong by hand.
 */
export function csvStream(columns: readonly string[]): Stringifier {
  return stringify({
    bom: true,
    header: true,
    columns: columns.map((key) => ({ key, header: key })),
    record_delimiter: 'windows',
    // csv-stringify quotes a field holding the record delimiter (CRLF) but not a lone CR or LF,
    // which RFC 4180 also requires quoted (a spreadsheet would split the record there).
    quoted_match: /[\r\n]/,
    escape_formulas: true,
    cast: {
      boolean: (v) => (v ? 'true' : 'false'),
      date: (v) => v.toISOString(),
    },
  });
}
