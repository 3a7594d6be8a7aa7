# The hearth reference server with the built widgets and the demo page, as one image.
#
#   docker build -t hearth .
#   docker run --init -p 8080:8080 -e HEARTH_PUBLIC_URL=https://care.example \
#     -e HEARTH_DATA_KEY="$(openssl rand -base64 32)" -v hearth-data:/app/data hearth
#
# A production start by default (HEARTH_DEMO=0): no demo data; HEARTH_PUBLIC_URL and HEARTH_DATA_KEY
# (the key message bodies and booking notes are encrypted under: keep it) are required (the server
# stops at start, exit code 2, naming the missing one). SQLite in /app/data unless
# HEARTH_DATABASE_URL=postgres://… is set (see compose.yaml and server/README.md).
#
# Stages: `build` installs everything and builds the widgets (dist/); `deps` installs only the
# server workspace's runtime packages (better-sqlite3 is compiled here if no prebuilt binary fits:
# this image has python3, make and g++); the runtime stage is node:20-slim with those two copied in.

ARG NODE_IMAGE=node:20-bookworm
ARG RUNTIME_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY server/package.json server/package.json
# Only @hearth/server's dependencies (hono, better-sqlite3, pg, zod, nodemailer, ics, tsx): none of
# the widgets' packages or the dev tools. server/node_modules exists for packages npm could not hoist.
RUN npm ci --omit=dev --workspace server --no-audit --no-fund \
 && mkdir -p server/node_modules

FROM ${RUNTIME_IMAGE}
ENV NODE_ENV=production \
    PORT=8080 \
    HEARTH_DEMO=0 \
    HEARTH_DB=/app/data/hearth.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/server/node_modules ./server/node_modules
COPY package.json ./
COPY server ./server
COPY demo ./demo
COPY --from=build /app/dist ./dist
# The code stays root-owned, so the server cannot change it; only the SQLite folder is its own.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
VOLUME ["/app/data"]
EXPOSE 8080
# No curl in the slim image: Node asks /api/health (200 when the database answers, else 503).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: SIGTERM reaches Node, which finishes in-flight requests and exits within 10 s
# (run with --init, or `init: true` in compose, so PID 1 also reaps children).
CMD ["node", "--import", "tsx", "server/src/main.ts"]
