// Pages are reached through the routes only, so each stays in its own lazily loaded chunk.
export { membersSections, membersPublicPages } from './lib/members.routes';
