// SARIF 2.1.0 for code scanning: one run, the rules that produced results (with a help link to
// their doc page), and results with physical locations. error→error, warning→warning, info/style→note.
import type { Level } from '../types';
import { FileResult, measuredFields, metaFor, rows } from './common';

const SARIF_LEVEL: Record<Level, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', style: 'note' };

export interface SarifOptions {
  /** Absolute URI the rule docs live under; `<docsBase><CODE>.md` is each rule's helpUri. */
  docsBase: string;
  version?: string;
}

export function formatSarif(results: FileResult[], opts: SarifOptions): string {
  const all = rows(results);
  const ruleIds = [...new Set(all.map((r) => r.f.code))].sort();
  const rules = ruleIds.map((id) => {
    const meta = metaFor(id);
    const rule: Record<string, unknown> = { id };
    if (meta) {
      rule.shortDescription = { text: meta.title };
      rule.helpUri = `${opts.docsBase}${id}.md`;
      rule.defaultConfiguration = { level: SARIF_LEVEL[meta.level] };
      if (meta.aliases?.length) rule.properties = { aliases: meta.aliases };
    } else if (/^SC\d+$/.test(id)) {
      // ShellCheck findings: its own wiki documents every code.
      rule.shortDescription = { text: `ShellCheck ${id}` };
      rule.helpUri = `https://www.shellcheck.net/wiki/${id}`;
    }
    return rule;
  });
  const sarifResults = all.map(({ file, f }) => ({
    ruleId: f.code,
    ruleIndex: ruleIds.indexOf(f.code),
    level: SARIF_LEVEL[f.level],
    message: { text: f.message },
    ...(f.bytes !== undefined || f.paths !== undefined ? { properties: measuredFields(f) } : {}),
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: toUri(file) },
        region: {
          startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1,
          endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1,
        },
      },
    }],
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'layerscope', ...(opts.version ? { version: opts.version } : {}), rules } },
      results: sarifResults,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

/** Relative paths stay relative (code scanning resolves them against the checkout); others become URIs. */
function toUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  const enc = p.split('/').map(encodeURIComponent).join('/');
  if (/^[A-Za-z]:\//.test(p)) return `file:///${p.slice(0, 2)}${p.slice(2).split('/').map(encodeURIComponent).join('/')}`;
  return p.startsWith('/') ? `file://${enc}` : enc;
}
