import { isBlockedAddress, targetProblem } from './webhook-targets';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.20.30.40',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fd12:3456::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
  ])('blocks %s', (address) => {
    expect(isBlockedAddress(address)).toBe(true);
  });

  it.each(['93.184.215.14', '8.8.8.8', '172.32.0.1', '2606:4700::1111'])(
    'allows the public address %s',
    (address) => {
      expect(isBlockedAddress(address)).toBe(false);
    },
  );

  it('explains what is wrong with a URL', async () => {
    expect(await targetProblem('not a url', false)).toBe(
      'must be a full URL such as https://example.com/hooks',
    );
    expect(await targetProblem('file:///etc/passwd', true)).toBe(
      'must be an http or https URL',
    );
    expect(await targetProblem('https://user:pw@8.8.8.8/', false)).toBe(
      'must not contain a user name or password',
    );
    expect(await targetProblem('http://[::ffff:7f00:1]/', false)).toContain(
      'private or loopback',
    );
    expect(await targetProblem('https://8.8.8.8/hooks', false)).toBeNull();
    expect(await targetProblem('http://127.0.0.1:8080/', true)).toBeNull();
  });
});
