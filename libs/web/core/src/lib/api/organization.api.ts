import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { OrganizationView } from '@mailroute/shared/contracts';
import type { Observable } from 'rxjs';
import { API_PATHS } from './api-paths';

/** `GET /api/organizations/current`: the signed-in user's organization. */
@Injectable({ providedIn: 'root' })
export class OrganizationApi {
  private readonly http = inject(HttpClient);

  current(): Observable<OrganizationView> {
    return this.http.get<OrganizationView>(API_PATHS.currentOrganization);
  }
}
