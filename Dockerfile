# gov-report-pdf as an HTTP service: `docker build -t gov-report-pdf . && docker run -p 8080:8080 gov-report-pdf`
# Build stage: compile TypeScript, then keep only the runtime packages (the default fonts are
# npm packages: optionalDependencies, kept by --omit=dev).
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
# The build runs scripts/ (CLI bundle, run bit, JSON Schema), which load the compiled library with its layouts and fonts data.
COPY scripts ./scripts
COPY fonts ./fonts
COPY layouts ./layouts
COPY src ./src
# pdfjs-dist's optional native canvas (@napi-rs, 36 MB) draws pages in Node; the service only serves pdf.js's files
# to browsers, and `npm prune` keeps it because the visual tests' rasterizer (a dev dependency) needs it too.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && rm -rf node_modules/@napi-rs

# Runtime stage: Node 24 LTS, the compiled code, runtime packages (fonts included), as user `node`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY fonts ./fonts
COPY layouts ./layouts
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains: no new work, renders in flight finish, then exit 0.
# Host and port belong to the entry point: flags after the image name (`--workers 2`) are added to them instead of
# replacing them (a server on the container's 127.0.0.1 is unreachable from `-p`); a later --host/--port wins.
ENTRYPOINT ["node", "dist/cli/bin.js", "serve", "--host", "0.0.0.0", "--port", "8080"]
CMD []
