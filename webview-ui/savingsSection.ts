// "Shrink this image": the changes that would save the most bytes, largest first, each with its
// Dockerfile line(s) and what to do (from the Dockerfile linked to this image and the deep analysis).
import { formatBytes } from '../src/model/format';
import type { PanelLinks } from '../src/webview/protocol';
import { el } from './dom';

export function savingsSection(savings: PanelLinks['savings'], onGoToLine: (line: number) => void): HTMLElement | null {
  if (!savings) return null;
  const items = savings.items;
  return el('section', { class: 'savings', id: 'savings', attrs: { 'aria-labelledby': 'savings-heading' } },
    el('div', { class: 'section-head' },
      el('h2', { id: 'savings-heading' }, 'Shrink this image'),
      el('span', { class: 'muted', id: 'savings-total' }, items.length
        ? `up to ${formatBytes(savings.total)} smaller with ${items.length} change${items.length === 1 ? '' : 's'}`
        : 'nothing found to remove')),
    items.length
      ? el('ol', {}, ...items.map((item) => el('li', { class: 'saving' },
        el('span', { class: 'bytes' }, formatBytes(item.bytes)),
        el('span', { class: 'what' }, item.what),
        ...item.lines.map((line) => el('button', {
          class: 'link go-to-line', title: 'Show this line of the Dockerfile', on: { click: () => onGoToLine(line) },
        }, `line ${line + 1}`)),
        el('div', { class: 'action muted' }, item.action))))
      : null);
}
