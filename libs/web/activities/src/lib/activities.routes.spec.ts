import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { webPagePath } from '@mailroute/shared/contracts';
import { provideI18n } from '@mailroute/web/i18n';
import { activitiesRoutes } from './activities.routes';
import { ActivityPageComponent } from './detail/activity-page.component';
import { ActivitiesPageComponent } from './list/activities-page.component';

describe('activities routes', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter(activitiesRoutes),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
  });

  it('opens the activity of a comment email’s link on the activity page', async () => {
    const id = '0b9a4a8e-7a52-4d1e-9d2a-3f7f4c1f2a10';
    const link = webPagePath('activity', { activityId: id });
    expect(link).toBe(`/processing-activities/${id}`);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(link, ActivityPageComponent);

    expect(TestBed.inject(Router).url).toBe(link);
    TestBed.inject(HttpTestingController).expectOne(`/api/processing-activities/${id}`);
  });

  it('opens the register at /processing-activities', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/processing-activities', ActivitiesPageComponent);

    TestBed.inject(HttpTestingController).expectOne('/api/processing-activities?page=1&pageSize=25');
  });
});
