import { Component, computed, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { Role, STAFF_ROLES } from '@advocacy/shared';
import { AuthService } from './auth.service';
import {
  redirectToHome,
  roleGuard,
  signedInGuard,
  signedOutGuard,
} from './auth.guards';

@Component({ template: '' })
class BlankComponent {}

describe('auth guards', () => {
  const role = signal<Role | null>(null);

  async function visit(url: string): Promise<string> {
    const router = TestBed.inject(Router);
    await router.navigateByUrl(url);
    return router.url;
  }

  beforeEach(() => {
    role.set(null);
    TestBed.configureTestingModule({
      providers: [
        {
          provide: AuthService,
          useValue: { role, isSignedIn: computed(() => role() !== null) },
        },
        provideRouter([
          { path: '', pathMatch: 'full', redirectTo: redirectToHome },
          {
            path: 'login',
            canActivate: [signedOutGuard],
            component: BlankComponent,
          },
          {
            path: '',
            canActivate: [signedInGuard],
            children: [
              {
                path: 'advocate',
                canActivate: [roleGuard('advocate')],
                component: BlankComponent,
              },
              {
                path: 'brand',
                canActivate: [roleGuard(...STAFF_ROLES)],
                children: [
                  { path: '', component: BlankComponent },
                  {
                    path: 'admin/users',
                    canActivate: [roleGuard('admin')],
                    component: BlankComponent,
                  },
                ],
              },
            ],
          },
        ]),
      ],
    });
  });

  it('sends a signed-out visitor to /login and remembers where they were going', async () => {
    expect(await visit('/brand/admin/users')).toBe(
      '/login?returnUrl=%2Fbrand%2Fadmin%2Fusers',
    );
  });

  it('keeps advocates out of the brand area, sending them to their own home', async () => {
    role.set('advocate');
    expect(await visit('/brand')).toBe('/advocate');
  });

  it('keeps staff out of the advocate area', async () => {
    role.set('brand');
    expect(await visit('/advocate')).toBe('/brand');
  });

  it('lets every staff role into the brand area but only admins into admin pages', async () => {
    role.set('manager');
    expect(await visit('/brand')).toBe('/brand');
    expect(await visit('/brand/admin/users')).toBe('/brand');

    role.set('admin');
    expect(await visit('/brand/admin/users')).toBe('/brand/admin/users');
  });

  it('sends / to the role home, or to /login when signed out', async () => {
    expect(await visit('/')).toBe('/login');
    role.set('advocate');
    expect(await visit('/')).toBe('/advocate');
  });

  it('sends a signed-in user away from the sign-in page', async () => {
    role.set('admin');
    expect(await visit('/login')).toBe('/brand');
  });
});
