import { TestBed } from '@angular/core/testing';
import { PortalAnswerRequest, SurveyForm, SurveyOffer } from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../../core/api/api-error';
import { SurveysApi } from '../../../core/api/surveys-api';
import { SurveyCardComponent } from './survey-card.component';

const FORM: SurveyForm = {
  surveyId: 'survey-1',
  kind: 'nps',
  name: 'Relationship NPS',
  question: 'How likely are you to recommend us?',
  wave: 1,
  followUpPromoter: 'What do you love?',
  followUpPassive: 'What would make it a 10?',
  followUpDetractor: 'What went wrong?',
};

async function render(
  offer: SurveyOffer,
  answer: (body: PortalAnswerRequest) => Observable<unknown>,
) {
  const answers: PortalAnswerRequest[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: SurveysApi,
        useValue: {
          offer: () => of(offer),
          answer: (body: PortalAnswerRequest) => {
            answers.push(body);
            return answer(body);
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(SurveyCardComponent);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    el(id)?.click();
    await fixture.whenStable();
  };
  return { root, el, click, answers };
}

describe('SurveyCardComponent', () => {
  it('shows nothing when no survey is offered', async () => {
    const { root } = await render(
      { form: null, nextAskAt: '2026-12-01T00:00:00.000Z' },
      () => of({}),
    );
    expect(root.textContent?.trim()).toBe('');
  });

  it('answers the offered survey and thanks the advocate', async () => {
    const { el, click, answers } = await render(
      { form: FORM, nextAskAt: null },
      () =>
        of({
          id: 'r1',
          score: 9,
          category: 'promoter',
          respondedAt: '2026-01-01T00:00:00.000Z',
        }),
    );
    expect(el('survey-question')?.textContent).toContain('How likely');
    await click('score-9');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'What do you love?',
    );
    await click('survey-submit');
    expect(answers).toEqual([
      { surveyId: 'survey-1', score: 9, comment: null },
    ]);
    expect(el('survey-card')).toBeNull();
    expect(el('survey-card-thanks')?.textContent).toContain('Thank you');
  });

  it('treats an earlier answer as done and shows throttling next to the button', async () => {
    const already = await render({ form: FORM, nextAskAt: null }, () =>
      throwError(
        () =>
          new ApiError(
            409,
            'CONFLICT',
            'You have already answered this survey. Thank you!',
          ),
      ),
    );
    await already.click('score-4');
    await already.click('survey-submit');
    expect(already.el('survey-card-thanks')?.textContent).toContain(
      'already had your answer',
    );

    TestBed.resetTestingModule();
    const throttled = await render({ form: FORM, nextAskAt: null }, () =>
      throwError(
        () =>
          new ApiError(
            429,
            'RATE_LIMITED',
            'We will not ask again before 2026-03-01',
          ),
      ),
    );
    await throttled.click('score-4');
    await throttled.click('survey-submit');
    expect(throttled.el('survey-error')?.textContent).toContain('2026-03-01');
    expect(throttled.el('survey-card')).not.toBeNull();
  });
});
