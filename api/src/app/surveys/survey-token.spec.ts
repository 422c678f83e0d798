import { randomUUID } from 'node:crypto';
import {
  signSurveyToken,
  surveyLinkKey,
  verifySurveyToken,
} from './survey-token';

describe('survey link tokens', () => {
  const key = surveyLinkKey('a-secret-of-at-least-thirty-two-characters');
  const claims = {
    customerId: randomUUID(),
    surveyId: randomUUID(),
    wave: 3,
    expiresAt: new Date('2030-01-02T03:04:05Z'),
  };

  it('round-trips its claims', () => {
    expect(verifySurveyToken(signSurveyToken(claims, key), key)).toEqual(
      claims,
    );
  });

  it('refuses a token signed with another secret or altered by one character', () => {
    const token = signSurveyToken(claims, key);
    expect(
      verifySurveyToken(
        token,
        surveyLinkKey('another-secret-of-thirty-two-characters!'),
      ),
    ).toBeNull();
    const flipped =
      token.slice(0, 5) + (token[5] === 'A' ? 'B' : 'A') + token.slice(6);
    expect(verifySurveyToken(flipped, key)).toBeNull();
    expect(verifySurveyToken('not a token', key)).toBeNull();
  });
});
