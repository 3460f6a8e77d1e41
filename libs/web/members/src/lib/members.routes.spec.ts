import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { By, Title } from '@angular/platform-browser';
import { provideRouter, RouterOutlet } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { navEntries } from '@mailroute/web/core';
import { provideI18n } from '@mailroute/web/i18n';
import { AcceptInvitationPageComponent } from './accept/accept-invitation-page.component';
import { membersPublicPages, membersSections } from './members.routes';
import { MembersPageComponent } from './members/members-page.component';

@Component({ imports: [RouterOutlet], template: '<router-outlet />' })
class GeneralSettingsStandIn {}

/** The path of the link the API writes in the invitation email: `${PUBLIC_URL}/invitations/<token>`. */
const emailLink = (token: string) => new URL(`https://app.mailroute.test/invitations/${token}`).pathname;
const TOKEN = 'q2Lr0Zt3bI7cN_vXyA-9kWm4oPs8dEu1hFj6gTn5RaC';

describe('members routes', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    jest.spyOn(window.navigator, 'language', 'get').mockReturnValue('en-US');
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          ...membersPublicPages,
          { path: 'general-settings', component: GeneralSettingsStandIn, children: membersSections },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    http.verify({ ignoreCancelled: true });
    jest.restoreAllMocks();
  });

  it('opens the acceptance page from the invitation email’s link, titled in the reader’s language', async () => {
    const page = await harness.navigateByUrl(emailLink(TOKEN), AcceptInvitationPageComponent);

    expect(page).toBeInstanceOf(AcceptInvitationPageComponent);
    http.expectOne(`/api/invitations/${TOKEN}`);
    expect(TestBed.inject(Title).getTitle()).toContain('Accept the invitation');
  });

  it('adds the Members tab to General settings at general-settings/members', async () => {
    await harness.navigateByUrl('/general-settings/members');

    expect(harness.fixture.debugElement.query(By.directive(MembersPageComponent))).not.toBeNull();
    expect(navEntries(membersSections)).toEqual([{ path: 'members', label: 'nav.members' }]);
    http.expectOne((request) => request.url === '/api/users');
  });
});
