// Which image paths are package-manager caches, secret-looking files, or things a .dockerignore
// usually keeps out. Decided from the path alone (the analysis reads headers, never contents).
// Paths are image-relative without a leading `/` (`var/cache/apk/APKINDEX.tar.gz`).

export interface CacheKind {
  kind: string;
  /** What it is, in plain words. */
  label: string;
  /** Shell that removes it, appended to the RUN that made it. */
  cleanup: string;
}

export const CACHE_KINDS: Record<string, CacheKind> = {
  'apt-lists': { kind: 'apt-lists', label: 'apt package lists', cleanup: 'rm -rf /var/lib/apt/lists/*' },
  'apt-archives': { kind: 'apt-archives', label: 'apt downloaded packages', cleanup: 'apt-get clean' },
  apk: { kind: 'apk', label: 'apk package cache', cleanup: 'rm -rf /var/cache/apk/*' },
  yum: { kind: 'yum', label: 'yum cache', cleanup: 'yum clean all && rm -rf /var/cache/yum' },
  dnf: { kind: 'dnf', label: 'dnf cache', cleanup: 'dnf clean all && rm -rf /var/cache/dnf' },
  zypper: { kind: 'zypper', label: 'zypper cache', cleanup: 'zypper clean --all' },
  pip: { kind: 'pip', label: 'pip cache', cleanup: 'rm -rf ~/.cache/pip' },
  npm: { kind: 'npm', label: 'npm cache', cleanup: 'npm cache clean --force' },
  yarn: { kind: 'yarn', label: 'yarn cache', cleanup: 'yarn cache clean' },
  'go-build': { kind: 'go-build', label: 'Go build cache', cleanup: 'go clean -cache' },
  'go-mod': { kind: 'go-mod', label: 'Go module cache', cleanup: 'go clean -modcache' },
  cache: { kind: 'cache', label: 'files under ~/.cache', cleanup: 'rm -rf ~/.cache' },
};

const HOME = '(?:root|home/[^/]+)';
/** Ordered: the first that matches wins; group 1 is the cache directory. */
const CACHE_RULES: [RegExp, string][] = [
  [/^(var\/lib\/apt\/lists)\/(?!lock$|partial\/?$|auxfiles\/?$)./, 'apt-lists'],
  [/^(var\/cache\/apt)\/./, 'apt-archives'],
  [/^(var\/cache\/apk|etc\/apk\/cache)\/./, 'apk'],
  [/^(var\/cache\/yum)\/./, 'yum'],
  [/^(var\/cache\/dnf)\/./, 'dnf'],
  [/^(var\/cache\/zypp)\/./, 'zypper'],
  [new RegExp(`^(${HOME}/\\.cache/pip)/.`), 'pip'],
  [new RegExp(`^(${HOME}/\\.npm)/.`), 'npm'],
  [new RegExp(`^(${HOME}/\\.cache/yarn|usr/local/share/\\.cache/yarn)/.`), 'yarn'],
  [new RegExp(`^(${HOME}/\\.cache/go-build)/.`), 'go-build'],
  [new RegExp(`^((?:${HOME}/)?go/pkg/mod)/.`), 'go-mod'],
  [new RegExp(`^(${HOME}/\\.cache)/.`), 'cache'],
];

export function cacheOf(path: string): { kind: string; dir: string } | undefined {
  // Cheap reject first: most paths are not under any of these roots.
  const c = path.charCodeAt(0);
  if (c !== 118 /* v */ && c !== 114 /* r */ && c !== 104 /* h */ && c !== 101 /* e */ && c !== 117 /* u */ && c !== 103 /* g */) return undefined;
  for (const [re, kind] of CACHE_RULES) {
    const m = re.exec(path);
    if (m) return { kind, dir: m[1] };
  }
  return undefined;
}

/** Certificate stores: `*.pem` there are public certificates, not keys. */
const CERT_DIRS = /^(?:etc\/ssl|etc\/pki|usr\/share\/ca-certificates|usr\/local\/share\/ca-certificates|usr\/lib\/ssl|etc\/ca-certificates)\//;

/** A secret-looking file: its kind in plain words, or undefined. */
export function secretKind(path: string): string | undefined {
  const slash = path.lastIndexOf('/');
  const base = path.slice(slash + 1);
  if (path.includes('node_modules/')) return undefined;
  if (/^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/.test(base)) return 'SSH private key';
  if (/^ssh_host_.*_key$/.test(base)) return 'SSH host private key';
  if (!CERT_DIRS.test(path) && (/\.key$/i.test(base) || /(?:key|private|priv).*\.pem$/i.test(base) || /\.pem$/i.test(base) && /key|private|secret/i.test(path))) return 'private key';
  if (/\.(?:p12|pfx|jks|keystore)$/i.test(base) && !CERT_DIRS.test(path)) return 'key store';
  if (base === '.env' || /^\.env\.(?!example$|sample$|template$|dist$)[\w.-]+$/.test(base)) return 'environment file';
  if (/(?:^|\/)\.aws\/credentials$/.test(path)) return 'AWS credentials';
  if (/(?:^|\/)\.config\/gcloud\/(?:application_default_credentials\.json|credentials\.db|access_tokens\.db)$/.test(path)) return 'Google Cloud credentials';
  if (/(?:^|\/)\.azure\/(?:accessTokens\.json|msal_token_cache\.json)$/.test(path)) return 'Azure credentials';
  if (/(?:^|\/)\.docker\/config\.json$/.test(path)) return 'Docker registry credentials';
  if (/(?:^|\/)\.kube\/config$/.test(path)) return 'Kubernetes credentials';
  if (base === '.git-credentials') return 'git credentials';
  if (base === '.netrc') return 'netrc credentials';
  if (base === '.npmrc') return 'npm config (may hold a registry token)';
  if (base === '.pypirc') return 'PyPI config (may hold an upload token)';
  return undefined;
}

/** Folders a .dockerignore usually keeps out of COPY/ADD: the folder path and its kind. */
const IGNORABLE = /(?:^|\/)(\.git|node_modules|\.venv|venv|\.vscode|\.idea|__pycache__|\.pytest_cache|\.tox|coverage|\.nyc_output)(?:\/|$)/;

export function ignorableOf(path: string): { kind: string; dir: string } | undefined {
  const m = IGNORABLE.exec(path);
  if (!m) return undefined;
  return { kind: m[1], dir: path.slice(0, m.index + m[0].length).replace(/\/$/, '') };
}
