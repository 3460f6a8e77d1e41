// Pages are reached through the routes only, so each stays in its own lazily loaded chunk.
export { auditsRoutes, auditsPublicPages } from './lib/audits.routes';
