// Checkstyle XML (read by many CI dashboards). Levels: error, warning, info (style → info).
import { FileResult } from './common';

export function xmlEscape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    // XML 1.0 cannot carry most control characters, even escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd');
}

export function formatCheckstyle(results: FileResult[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<checkstyle version="4.3">'];
  for (const r of results) {
    lines.push(`<file name="${xmlEscape(r.file)}">`);
    for (const f of r.findings) {
      const severity = f.level === 'style' ? 'info' : f.level;
      lines.push(`<error line="${f.range.start.line + 1}" column="${f.range.start.character + 1}" severity="${severity}" message="${xmlEscape(f.message)}" source="${xmlEscape(f.code)}"/>`);
    }
    lines.push('</file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n') + '\n';
}
