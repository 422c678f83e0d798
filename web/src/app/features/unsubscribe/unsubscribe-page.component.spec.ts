import { TestBed } from '@angular/core/testing';
import { UnsubscribeView } from '@advocacy/shared';
import { Observable, of, throwError } from 'rxjs';
import { ApiError } from '../../core/api/api-error';
import { OutreachApi } from '../../core/api/outreach-api';
import { UnsubscribePageComponent } from './unsubscribe-page.component';

async function render(
  view: () => Observable<UnsubscribeView>,
  unsubscribe: () => Observable<UnsubscribeView> = () =>
    of({ email: 'a***@example.com', unsubscribed: true }),
) {
  const calls: string[] = [];
  TestBed.configureTestingModule({
    providers: [
      {
        provide: OutreachApi,
        useValue: {
          viewUnsubscribe: (token: string) => {
            calls.push(`view ${token}`);
            return view();
          },
          unsubscribe: (token: string) => {
            calls.push(`unsubscribe ${token}`);
            return unsubscribe();
          },
        },
      },
    ],
  });
  const fixture = TestBed.createComponent(UnsubscribePageComponent);
  fixture.componentRef.setInput('token', 'tok-1');
  await fixture.whenStable();
  const root = fixture.nativeElement as HTMLElement;
  const el = (id: string) =>
    root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    el(id)?.click();
    await fixture.whenStable();
  };
  return { el, click, calls, root };
}

describe('UnsubscribePageComponent', () => {
  it('asks first, showing the masked address, then confirms', async () => {
    const { el, click, calls, root } = await render(() =>
      of({ email: 'a***@example.com', unsubscribed: false }),
    );
    expect(root.textContent).toContain('a***@example.com');
    expect(el('unsubscribe-done')).toBeNull();
    await click('unsubscribe-confirm');
    expect(calls).toEqual(['view tok-1', 'unsubscribe tok-1']);
    expect(el('unsubscribe-done')).not.toBeNull();
  });

  it('says so straight away when the link was already used', async () => {
    const { el } = await render(() =>
      of({ email: 'a***@example.com', unsubscribed: true }),
    );
    expect(el('unsubscribe-done')).not.toBeNull();
    expect(el('unsubscribe-confirm')).toBeNull();
  });

  it('says an unknown link is not valid', async () => {
    const { el } = await render(() =>
      throwError(() => new ApiError(404, 'NOT_FOUND', 'Link was not found')),
    );
    expect(el('unsubscribe-invalid')).not.toBeNull();
  });

  it('keeps the button and shows the reason when unsubscribing fails', async () => {
    const { el, click, root } = await render(
      () => of({ email: 'a***@example.com', unsubscribed: false }),
      () =>
        throwError(
          () => new ApiError(503, 'SERVICE_UNAVAILABLE', 'Try again shortly'),
        ),
    );
    await click('unsubscribe-confirm');
    expect(root.textContent).toContain('Try again shortly');
    expect(el('unsubscribe-confirm')).not.toBeNull();
  });
});
