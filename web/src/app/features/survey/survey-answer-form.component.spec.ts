import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SubmitAnswerRequest, SurveyForm } from '@advocacy/shared';
import { scoreOptions } from './survey-answer';
import { SurveyAnswerFormComponent } from './survey-answer-form.component';

const NPS: SurveyForm = {
  surveyId: 's1',
  kind: 'nps',
  name: 'Relationship NPS',
  question: 'How likely are you to recommend us?',
  wave: 1,
  followUpPromoter: 'What do you love?',
  followUpPassive: 'What would make it a 10?',
  followUpDetractor: 'What went wrong?',
};
const CSAT: SurveyForm = {
  ...NPS,
  kind: 'csat',
  followUpPromoter: null,
  followUpPassive: 'Anything to improve?',
  followUpDetractor: null,
};

@Component({
  imports: [SurveyAnswerFormComponent],
  template: `<app-survey-answer-form
    [form]="form()"
    (answered)="sent.push($event)"
  />`,
})
class HostComponent {
  readonly form = signal(NPS);
  readonly sent: SubmitAnswerRequest[] = [];
}

async function render(form: SurveyForm) {
  const fixture = TestBed.createComponent(HostComponent);
  fixture.componentInstance.form.set(form);
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    el(id)?.click();
    await fixture.whenStable();
  };
  return { fixture, root, el, click };
}

describe('scoreOptions', () => {
  it('offers 0–10 for NPS and 1–5 for CSAT, coloured by category', () => {
    expect(scoreOptions('nps').map((o) => o.value)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(scoreOptions('nps').map((o) => o.tone)[6]).toBe('detractor');
    expect(scoreOptions('nps').map((o) => o.tone)[7]).toBe('passive');
    expect(scoreOptions('nps').map((o) => o.tone)[9]).toBe('promoter');
    expect(scoreOptions('csat').map((o) => o.value)).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('SurveyAnswerFormComponent', () => {
  it('asks the follow-up of the chosen score’s category', async () => {
    const { el, click } = await render(NPS);
    expect(el('survey-follow-up')).toBeNull();
    expect((el('survey-submit') as HTMLButtonElement).disabled).toBe(true);

    await click('score-10');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'What do you love?',
    );
    expect(el('score-10')?.getAttribute('aria-checked')).toBe('true');
    await click('score-8');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'What would make it a 10?',
    );
    await click('score-6');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'What went wrong?',
    );
  });

  it('uses the one CSAT follow-up and a default when a wording is missing', async () => {
    const csat = await render(CSAT);
    expect(csat.el('score-0')).toBeNull();
    await csat.click('score-5');
    expect(csat.el('survey-follow-up')?.textContent?.trim()).toBe(
      'Anything to improve?',
    );

    const bare = await render({ ...NPS, followUpDetractor: null });
    await bare.click('score-2');
    expect(bare.el('survey-follow-up')?.textContent?.trim()).toBe(
      'Anything you would like to tell us?',
    );
  });

  it('sends the score with a trimmed comment, or null when none was written', async () => {
    const { fixture, el, click } = await render(NPS);
    await click('score-7');
    const comment = el('survey-comment') as HTMLTextAreaElement;
    comment.value = '  Faster shipping  ';
    comment.dispatchEvent(new Event('input'));
    await click('survey-submit');
    await click('score-3');
    comment.value = '   ';
    comment.dispatchEvent(new Event('input'));
    await click('survey-submit');
    expect(fixture.componentInstance.sent).toEqual([
      { score: 7, comment: 'Faster shipping' },
      { score: 3, comment: null },
    ]);
  });

  it('moves the choice with the arrow keys', async () => {
    const { el, fixture } = await render(NPS);
    el('score-0')?.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }),
    );
    await fixture.whenStable();
    expect(el('score-1')?.getAttribute('aria-checked')).toBe('true');
    expect(el('survey-follow-up')?.textContent?.trim()).toBe(
      'What went wrong?',
    );
  });
});
