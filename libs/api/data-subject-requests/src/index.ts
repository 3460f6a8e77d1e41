export { DataSubjectRequestsModule } from './lib/data-subject-requests.module';
export { dataSubjectRequestsSchema } from './lib/data-subject-requests-schema';
export {
  DATA_SUBJECT_REQUEST_TYPES,
  type DataSubjectRequestType,
  type DataSubjectRequestView,
  type DataSubjectRequestDetail,
  type DataSubjectRequestMessageView,
} from './lib/data-subject-request-types';
