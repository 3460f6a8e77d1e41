// Pages are reached through the routes only, so each stays in its own lazily loaded chunk.
export { shellRoutes, type ShellRoutesOptions } from './lib/shell.routes';
