import { TestBed } from '@angular/core/testing';
import { SurveyLinkView } from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { SurveysApi } from '../../core/api/surveys-api';
import {
  ALREADY_ANSWERED_MESSAGE,
  LINK_INVALID_MESSAGE,
  SurveyPageComponent,
} from './survey-page.component';

const VIEW: SurveyLinkView = {
  firstName: 'Ada',
  expiresAt: '2030-01-01T00:00:00.000Z',
  answered: false,
  form: {
    surveyId: 's1',
    kind: 'csat',
    name: 'Order satisfaction',
    question: 'How satisfied were you?',
    wave: 2,
    followUpPromoter: null,
    followUpPassive: 'Anything to improve?',
    followUpDetractor: null,
  },
};

async function render(
  view: () => Observable<SurveyLinkView>,
  answer: () => Observable<unknown> = () => of({}),
) {
  const tokens: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: SurveysApi,
        useValue: {
          viewLink: (token: string) => {
            tokens.push(token);
            return view();
          },
          answerLink: answer,
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(SurveyPageComponent);
  fixture.componentRef.setInput('token', 'tok-123');
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    el(id)?.click();
    await fixture.whenStable();
  };
  return { el, click, tokens };
}

describe('SurveyPageComponent', () => {
  it('says a forged or expired link is not valid', async () => {
    const { el, tokens } = await render(() =>
      throwError(() => new ApiError(404, 'NOT_FOUND', 'Not found')),
    );
    expect(tokens).toEqual(['tok-123']);
    expect(el('survey-invalid')?.textContent).toContain(LINK_INVALID_MESSAGE);
  });

  it('thanks someone whose link was already used', async () => {
    const { el } = await render(() => of({ ...VIEW, answered: true }));
    expect(el('survey-answered')?.textContent).toContain(
      ALREADY_ANSWERED_MESSAGE,
    );
  });

  it('turns a second answer in the same wave into the already-answered state', async () => {
    const { el, click } = await render(
      () => of(VIEW),
      () =>
        throwError(
          () =>
            new ApiError(409, 'CONFLICT', 'You have already answered', {
              score: 'was already given for this survey',
            }),
        ),
    );
    expect(el('page-title')?.textContent).toContain('Hi Ada');
    await click('score-2');
    await click('survey-submit');
    expect(el('survey-answered')).not.toBeNull();
  });

  it('shows the thank-you state after an answer', async () => {
    const { el, click } = await render(() => of(VIEW));
    await click('score-5');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'Anything to improve?',
    );
    await click('survey-submit');
    expect(el('survey-thanks')).not.toBeNull();
  });

  it('offers a retry when the survey cannot be loaded', async () => {
    let fail = true;
    const { el, click, tokens } = await render(() =>
      fail
        ? throwError(() => new ApiError(0, 'SERVICE_UNAVAILABLE', 'offline'))
        : of(VIEW),
    );
    expect(el('survey-failed')).not.toBeNull();
    fail = false;
    await click('survey-retry');
    expect(tokens).toHaveLength(2);
    expect(el('survey-question')?.textContent).toContain('How satisfied');
  });
});
