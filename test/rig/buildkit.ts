// BuildKit builds for tests of the build cache (the shared fixtures use the legacy builder, which
// leaves no build cache). dockerd 20.10 has BuildKit built in and Debian's docker.io 20.10 CLI drives
// it through the session endpoint with no buildx plugin; the docker 28 CLI elsewhere on PATH needs one.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const BUILDKIT_CLI = process.env.LAYERSCOPE_BUILDKIT_CLI ?? '/usr/bin/docker';

/**
 * Builds `tag` FROM scratch with BuildKit on the daemon at `host` (nothing pulled; RUN gets
 * --network none). `marker` goes into a copied file and a RUN step, so every build with a new
 * marker makes new cache records. Rejects with what to install when BuildKit is not available.
 */
export async function buildWithBuildKit(host: string, tag: string, marker: string): Promise<void> {
  if (!fs.existsSync(BUILDKIT_CLI)) {
    throw new Error(`BuildKit builds need Debian's docker.io 20.10 CLI at ${BUILDKIT_CLI} (install docker.io, or set LAYERSCOPE_BUILDKIT_CLI)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layerscope-buildkit-'));
  try {
    fs.copyFileSync('/bin/busybox', path.join(dir, 'busybox'));
    fs.writeFileSync(path.join(dir, 'marker.txt'), `${marker}\n`);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), [
      'FROM scratch',
      'COPY busybox /bin/busybox',
      'COPY marker.txt /marker.txt',
      `RUN ["/bin/busybox", "sh", "-c", "/bin/busybox dd if=/dev/urandom of=/data.bin bs=1k count=32 && echo ${marker} >> /marker.txt"]`,
      'LABEL layerscope.test=buildkit',
      '',
    ].join('\n'));
    await new Promise<void>((resolve, reject) => {
      execFile(BUILDKIT_CLI, ['build', '--network', 'none', '-t', tag, dir], {
        env: { ...process.env, DOCKER_HOST: host, DOCKER_BUILDKIT: '1', DOCKER_CLI_HINTS: 'false' }, timeout: 90_000,
      }, (err, _stdout, stderr) => (err
        ? reject(new Error(`BuildKit build of ${tag} with ${BUILDKIT_CLI} on ${host} failed (is BuildKit available?): ${err.message}\n${stderr}`))
        : resolve()));
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
