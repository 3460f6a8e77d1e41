export { DataSubjectRequestsModule } from './lib/data-subject-requests.module';
export { dataSubjectRequestsSchema } from './lib/data-subject-requests-schema';
