import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { webPagePath } from '@mailroute/shared/contracts';
import { provideI18n } from '@mailroute/web/i18n';
import { TaskPageComponent } from './detail/task-page.component';
import { TasksPageComponent } from './list/tasks-page.component';
import { tasksRoutes } from './tasks.routes';

describe('tasks routes', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter(tasksRoutes), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
  });

  it('opens the task of a task email’s link on the task page', async () => {
    const id = '5d0c7f4e-2b1a-4c8e-9f3d-6a7b8c9d0e1f';
    const link = webPagePath('task', { taskId: id });
    expect(link).toBe(`/tasks/${id}`);
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(link, TaskPageComponent);

    expect(TestBed.inject(Router).url).toBe(link);
    const http = TestBed.inject(HttpTestingController);
    http.expectOne(`/api/tasks/${id}`);
    http.expectOne('/api/users?page=1&pageSize=100');
  });

  it('opens the list at /tasks', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/tasks', TasksPageComponent);

    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/tasks?page=1&pageSize=25');
    http.expectOne('/api/users?page=1&pageSize=100');
  });
});
