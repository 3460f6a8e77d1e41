import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, type Routes } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '@mailroute/web/i18n';
import { auditsPublicPages, auditsRoutes } from './audits.routes';
import { AuditDetailPageComponent } from './detail/audit-detail-page.component';
import { AuditsPageComponent } from './list/audits-page.component';
import { AuditRespondPageComponent } from './respond/audit-respond-page.component';

// Composed as the app's shell does: public pages first, then the signed-in areas under ''.
const composed: Routes = [...auditsPublicPages, { path: '', children: auditsRoutes }];

async function pageAt(url: string): Promise<unknown> {
  TestBed.configureTestingModule({
    providers: [provideRouter(composed), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
  });
  const harness = await RouterTestingHarness.create();
  await harness.navigateByUrl(url);
  return harness.routeDebugElement?.componentInstance;
}

describe('audits routes', () => {
  it('opens the respondent’s public page at the link of their email, /audits/respond/<token>', async () => {
    expect(await pageAt('/audits/respond/Zt8l2Qx_b-3kV9')).toBeInstanceOf(AuditRespondPageComponent);
  });

  it('opens the audit at the link of the "respondent answered" email, /audits/<id>', async () => {
    expect(await pageAt('/audits/0b9f8a55-6a3e-4a63-9d2e-6a9e4c7c1f01')).toBeInstanceOf(
      AuditDetailPageComponent,
    );
  });

  it('lists the audits at /audits, under the main navigation’s “Audits”', async () => {
    expect(await pageAt('/audits')).toBeInstanceOf(AuditsPageComponent);
    expect(auditsRoutes[0]?.data).toEqual({ navLabel: 'nav.audits' });
  });
});
