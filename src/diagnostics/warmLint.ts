// The first lint in an extension host pays once for compiling the lint core's functions and for
// the shell parser's first parse. A tiny Dockerfile linted once (findings thrown away) pays that
// before the first real Dockerfile opens (see warmUp.ts).
import { lintDockerfile } from '../lint';

// Every kind of instruction the rules look at most, and a RUN script for the shell parser.
const WARM_DOCKERFILE = [
  'FROM debian:12 AS build',
  'ARG VERSION=1.0',
  'ENV PATH=/app/bin:$PATH',
  'WORKDIR /app',
  'COPY --chown=app:app . .',
  'RUN apt-get update && apt-get install -y curl \\',
  '    && for f in a b; do echo "$f" | tr a-z A-Z > "/tmp/$f"; done',
  'FROM build',
  'USER app',
  'EXPOSE 8080',
  'HEALTHCHECK CMD curl -f http://localhost:8080/ || exit 1',
  'CMD ["./app", "--version", "${VERSION}"]',
  '',
].join('\n');

/** Lints the tiny Dockerfile; returns how long it took (ms). */
export function warmLint(): number {
  const from = performance.now();
  lintDockerfile(WARM_DOCKERFILE, { fileName: 'Dockerfile' });
  return performance.now() - from;
}
