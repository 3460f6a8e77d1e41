# Mailroute: the API bundle and the web app it serves, in one image. Used by docker-compose.yml;
# the same image runs `serve` (default), `worker` and `rotate-secrets` (see the README).

FROM node:20-bookworm AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `npm install` rather than `npm ci`: the lockfile lacks some other platforms' optional binaries.
RUN npm install --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false NX_NO_CLOUD=true npx nx run-many -t build -p api web --outputStyle=static

FROM node:20-bookworm
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# The bundle loads its runtime packages (NestJS, TypeORM, pg, nodemailer, …) from node_modules.
RUN npm install --omit=dev --no-audit --no-fund && npm cache clean --force
# main.js serves the web app from ../web/browser, next to its own folder.
COPY --from=build /app/dist/apps/api ./dist/apps/api
COPY --from=build /app/dist/apps/web ./dist/apps/web
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/main.js"]
