# Medspiller: the web API, the widget and the demo page on port 3000.
#   docker build -t medspiller .
#   docker run -p 3000:3000 -v medspiller-data:/data medspiller
# Council content can be mounted over /app/flows and /app/content (or set MEDSPILLER_CONTENT_DIR).

# ---- build: install dependencies (better-sqlite3 compiles from source) and bundle the widget
FROM node:20-bookworm-slim AS build
WORKDIR /app
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json .npmrc ./
RUN npm ci --omit=dev && npm cache clean --force
COPY . .
RUN node scripts/build-widget.mjs

# ---- runtime: no compilers, a non-root user, data in the /data volume
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    MEDSPILLER_DATA_DIR=/data \
    MEDSPILLER_CONTENT_DIR=/app
WORKDIR /app
RUN groupadd --system medspiller \
  && useradd --system --gid medspiller --home-dir /app --shell /usr/sbin/nologin medspiller \
  && mkdir -p /data \
  && chown medspiller:medspiller /data
COPY --from=build /app /app
USER medspiller
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The same as `npm start` after the widget was built above.
CMD ["node", "--import", "tsx", "src/cli.ts", "start"]
