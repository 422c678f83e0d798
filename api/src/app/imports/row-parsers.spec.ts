import {
  copyText,
  isEmail,
  parseFlag,
  parseIsoInstant,
  parseWhole,
} from './row-parsers';
import { assertColumns, parseHeader, TextSniffer } from './csv-sniff';

describe('import row parsers', () => {
  it('reads ISO dates and date-times as UTC instants and refuses impossible dates', () => {
    expect(parseIsoInstant('2025-03-01')?.toISOString()).toBe(
      '2025-03-01T00:00:00.000Z',
    );
    expect(parseIsoInstant('2025-03-01T10:30:00+02:00')?.toISOString()).toBe(
      '2025-03-01T08:30:00.000Z',
    );
    expect(parseIsoInstant('2025-03-01 10:30:15.5Z')?.toISOString()).toBe(
      '2025-03-01T10:30:15.500Z',
    );
    expect(parseIsoInstant('2025-02-30')).toBeNull();
    expect(parseIsoInstant('01/03/2025')).toBeNull();
    expect(parseIsoInstant('2025-13-01')).toBeNull();
  });

  it('accepts whole numbers in range only', () => {
    expect(parseWhole('10', 0, 10)).toBe(10);
    expect(parseWhole('11', 0, 10)).toBeNull();
    expect(parseWhole('7.5', 0, 10)).toBeNull();
    expect(parseWhole('seven', 0, 10)).toBeNull();
  });

  it('reads flags and emails', () => {
    expect(parseFlag('Yes')).toBe(true);
    expect(parseFlag('0')).toBe(false);
    expect(parseFlag('maybe')).toBeNull();
    expect(isEmail('a.b@example.com')).toBe(true);
    expect(isEmail('not-an-email')).toBe(false);
  });

  it('escapes COPY text so a comment cannot break the row', () => {
    expect(copyText('a\tb\nc\\d')).toBe('a\\tb\\nc\\\\d');
    expect(copyText(null)).toBe('\\N');
  });
});

describe('CSV sniffing', () => {
  it('detects the delimiter and lower-cases the columns', () => {
    expect(parseHeader('Survey_ID;Score;"responded_at"')).toEqual({
      delimiter: ';',
      columns: ['survey_id', 'score', 'responded_at'],
    });
    expect(parseHeader('a\tb').delimiter).toBe('\t');
  });

  it('names every missing column', () => {
    expect(() =>
      assertColumns('responses', parseHeader('score,comment')),
    ).toThrow(
      /survey_id, responded_at, customer_external_id or customer_email/,
    );
  });

  it('refuses NUL bytes and invalid UTF-8', () => {
    expect(() =>
      new TextSniffer().inspect(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00])),
    ).toThrow(/not a CSV/);
    expect(() =>
      new TextSniffer().inspect(Buffer.from([0x61, 0xff, 0xfe, 0x62])),
    ).toThrow(/not a CSV/);
  });

  it('collects the header line across chunks and strips a BOM', () => {
    const sniffer = new TextSniffer();
    sniffer.inspect(Buffer.from('\uFEFFemail,na'));
    sniffer.inspect(Buffer.from('me\r\nx@y.z,X\n'));
    expect(sniffer.headerLine).toBe('email,name');
  });
});
