// How a history entry's `created_by` is shown. The raw text stays available (HistoryItem.createdByRaw).
//   `/bin/sh -c #(nop)  ENV A=b`      → `ENV A=b`       (legacy builder metadata instructions)
//   `/bin/sh -c #(nop) COPY file:… in /` → `COPY file:… in /`
//   `/bin/sh -c apk add x`            → `RUN apk add x` (legacy builder shell-form RUN)
//   `|2 A=1 B=2 /bin/sh -c make`      → `RUN make`      (RUN with build args: the args are in the raw text)
//   `RUN /bin/sh -c make # buildkit`  → `RUN make`      (BuildKit: strip its shell prefix and marker)
//   anything else (exec-form RUN, other builders) is shown trimmed, unchanged.
const nop = /^\/bin\/sh -c #\(nop\)\s*/;
const buildArgs = /^\|\d+(?:\s+\S+=\S*)*\s+(?=\/bin\/sh -c )/;
const shell = /^\/bin\/sh -c\s+/;
const buildkitSuffix = /\s+# buildkit$/;

export function displayCreatedBy(raw: string): string {
  let text = raw.trim().replace(buildkitSuffix, '');
  if (nop.test(text)) return text.replace(nop, '').trim();
  text = text.replace(buildArgs, '');
  if (text.startsWith('RUN ')) text = text.slice(4).trimStart();
  else if (!shell.test(text)) return raw.trim().replace(buildkitSuffix, '');
  return `RUN ${text.replace(shell, '')}`.trim();
}
