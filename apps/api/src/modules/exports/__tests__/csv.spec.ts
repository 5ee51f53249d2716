import { Readable } from 'node:stream';
import { csvStream } from '../csv';

/** The CSV text `csvStream` makes of `rows` (BOM included). */
async function csv(columns: string[], rows: Record<string, unknown>[]): Promise<string> {
  const out = Readable.from(rows).pipe(csvStream(columns));
  let text = '';
  for await (const chunk of out) text += chunk.toString();
  return text;
}
const BOM = '\uFEFF';

describe('csvStream (RFC 4180, UTF-8 with BOM, formula injection)', () => {
  it('starts with a BOM and the header, and ends every record with CRLF', async () => {
    expect(await csv(['a', 'b'], [{ a: 'x', b: 'y' }])).toBe(`${BOM}a,b\r\nx,y\r\n`);
  });

  it('keeps Romanian diacritics as UTF-8 after the BOM bytes', async () => {
    const text = await csv(['name'], [{ name: 'Știință și țară' }]);
    const bytes = Buffer.from(text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe('name\r\nȘtiință și țară\r\n');
  });

  it.each([
    ['a comma', 'a,b', '"a,b"'],
    ['a quote, doubled', 'say "hi"', '"say ""hi"""'],
    ['a line feed', 'one\ntwo', '"one\ntwo"'],
    ['a CRLF', 'one\r\ntwo', '"one\r\ntwo"'],
    ['nothing special, unquoted', 'plain text', 'plain text'],
  ])('quotes %s', async (_what, value, cell) => {
    expect(await csv(['v'], [{ v: value }])).toBe(`${BOM}v\r\n${cell}\r\n`);
  });

  it('writes null and undefined as empty cells, booleans and numbers as such', async () => {
    expect(await csv(['a', 'b', 'c', 'd', 'e'], [{ a: null, c: true, d: false, e: 1.25 }])).toBe(
      `${BOM}a,b,c,d,e\r\n,,true,false,1.25\r\n`,
    );
  });

  it.each([
    ['=', '=HYPERLINK("http://evil.test","click")', `"'=HYPERLINK(""http://evil.test"",""click"")"`],
    ['+', "+1+cmd|' /C calc'!A0", `'+1+cmd|' /C calc'!A0`],
    ['-', '-2+3', `'-2+3`],
    ['@', '@SUM(A1:A9)', `'@SUM(A1:A9)`],
    ['tab', '\t=1+1', `'\t=1+1`],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
    ['full-width =', '\uFF1D1+1', `'\uFF1D1+1`],
  ])('neutralises a text cell starting with %s by a leading quote', async (_what, value, cell) => {
    expect(await csv(['v'], [{ v: value }])).toBe(`${BOM}v\r\n${cell}\r\n`);
  });

  it('leaves those characters alone inside a cell, and negative numbers as numbers', async () => {
    expect(await csv(['a', 'b'], [{ a: 'a=b+c-d@e', b: -3.5 }])).toBe(`${BOM}a,b\r\na=b+c-d@e,-3.5\r\n`);
  });

  it('neutralises a header-looking injection in any column, not only the first', async () => {
    expect(await csv(['a', 'b'], [{ a: 'ok', b: '=1' }])).toBe(`${BOM}a,b\r\nok,'=1\r\n`);
  });
});
