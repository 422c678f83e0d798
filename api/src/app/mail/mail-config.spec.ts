import { loadConfig } from '../config/app-config';

describe('mail and outreach configuration', () => {
  it('defaults to a local mail server and 2 messages per 7 days', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      SMTP_URL: '',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_SECURE: false,
      OUTREACH_MAX_PER_PERIOD: 2,
      OUTREACH_PERIOD_DAYS: 7,
    });
  });

  it('accepts an SMTP URL and a named sender', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.com:465',
      MAIL_FROM: '"Acme" <hello@acme.example>',
      OUTREACH_MAX_PER_PERIOD: '3',
    });
    expect(config.SMTP_URL).toBe('smtps://user:secret@mail.example.com:465');
    expect(config.OUTREACH_MAX_PER_PERIOD).toBe(3);
  });

  it('names each bad mail variable', () => {
    expect(() =>
      loadConfig({
        SMTP_URL: 'http://mail.example.com',
        MAIL_FROM: 'not an address',
        SMTP_PORT: '70000',
        OUTREACH_PERIOD_DAYS: '0',
      }),
    ).toThrow(
      /SMTP_URL[\s\S]*SMTP_PORT[\s\S]*MAIL_FROM[\s\S]*OUTREACH_PERIOD_DAYS/,
    );
  });
});
