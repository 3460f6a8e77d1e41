import type { SchemaParts } from '@mailroute/api/core';
import { DataSubjectRequestMessage } from './messages/data-subject-request-message.entity';
import { CreateDataSubjectRequests1764400000000 } from './migrations/1764400000000-create-data-subject-requests';
import { DataSubjectRequest } from './requests/data-subject-request.entity';

export const dataSubjectRequestsSchema = {
  entities: [DataSubjectRequest, DataSubjectRequestMessage],
  migrations: [CreateDataSubjectRequests1764400000000],
} satisfies SchemaParts;
