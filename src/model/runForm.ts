// "Run…" as pure data: the answers of the quick form (text, as typed and remembered per image)
// parsed into a RunSpec, with errors a person can act on.
import type { RunSpec } from './types';

/** What the form remembers per image: the texts as typed. */
export interface RunChoices {
  name: string;
  command: string;
  env: string;
  ports: string;
  volumes: string;
  network: string;
  autoRemove: boolean;
}

export function defaultChoices(network: string): RunChoices {
  return { name: '', command: '', env: '', ports: '', volumes: '', network, autoRemove: true };
}

/** Splits a command line like a POSIX shell would split words: quotes group, backslash escapes. */
export function splitCommand(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: '"' | "'" | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === '\\' && quote === '"' && i + 1 < text.length) word += text[++i];
      else word += ch;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      inWord = true;
    } else if (ch === '\\' && i + 1 < text.length) {
      word += text[++i];
      inWord = true;
    } else if (/\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += ch;
      inWord = true;
    }
  }
  if (quote) throw new Error(`Unclosed ${quote} in the command: ${text}`);
  if (inWord) words.push(word);
  return words;
}

/** Items separated by commas or new lines, blanks dropped. */
function list(text: string): string[] {
  return text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);
}

/** `KEY=value, OTHER=x` → ['KEY=value', 'OTHER=x']. */
export function parseEnv(text: string): string[] {
  return list(text).map((e) => {
    if (!/^[A-Za-z_][A-Za-z0-9_]*=/.test(e)) throw new Error(`Not an environment variable: '${e}' (use NAME=value)`);
    return e;
  });
}

/** `8080:80, 127.0.0.1:9000:9000/udp, 443` (host port optional) → port bindings. */
export function parsePorts(text: string): RunSpec['ports'] {
  return list(text).map((p) => {
    const m = /^(?:(?:(\d{1,3}(?:\.\d{1,3}){3}):)?(\d{1,5})?:)?(\d{1,5})(\/(?:tcp|udp|sctp))?$/.exec(p);
    if (!m) throw new Error(`Not a port mapping: '${p}' (use [host-ip:][host-port:]container-port[/tcp|udp])`);
    return { container: `${m[3]}${m[4] ?? '/tcp'}`, host: m[2] ?? '', ...(m[1] ? { hostIp: m[1] } : {}) };
  });
}

/** `data:/var/lib/data, /host/dir:/mnt:ro` → bind strings as `docker run -v` takes them. */
export function parseVolumes(text: string): string[] {
  return list(text).map((v) => {
    if (!/^[^:]+:\/[^:]*(?::(?:ro|rw))?$/.test(v)) throw new Error(`Not a volume mount: '${v}' (use volume-or-host-path:/container/path[:ro])`);
    return v;
  });
}

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** The RunSpec for an image from the form's answers; throws on the first answer that does not parse. */
export function toRunSpec(image: string, c: RunChoices, interactive: boolean): RunSpec {
  const name = c.name.trim();
  if (name && !namePattern.test(name)) throw new Error(`Not a container name: '${name}' (letters, digits, _ . -)`);
  return {
    image,
    name: name || undefined,
    command: splitCommand(c.command),
    env: parseEnv(c.env),
    ports: parsePorts(c.ports),
    volumes: parseVolumes(c.volumes),
    network: c.network,
    autoRemove: c.autoRemove,
    interactive,
  };
}
