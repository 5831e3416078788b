// The Stats panel's browser side: a card per container with CPU and memory sparklines, I/O and
// PIDs, updated in place from the host's messages (no timers here).
import type { StatsCard, StatsHostMessage, StatsWebviewMessage } from '../../src/webview/statsProtocol';

interface VsCodeApi { postMessage(message: unknown): void }
declare function acquireVsCodeApi(): VsCodeApi;
const api = acquireVsCodeApi();
const post = (m: StatsWebviewMessage) => api.postMessage(m);

const root = document.getElementById('app')!;
const cards = new Map<string, HTMLElement>();
const svgNs = 'http://www.w3.org/2000/svg';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  e.className = className;
  e.textContent = text;
  return e;
}

function sparkline(kind: string): SVGSVGElement {
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('viewBox', '0 0 100 20');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', `spark spark-${kind}`);
  const line = document.createElementNS(svgNs, 'polyline');
  line.setAttribute('fill', 'none');
  svg.appendChild(line);
  return svg;
}

function row(card: HTMLElement, key: string, label: string, spark?: string): void {
  const r = el('div', `row row-${key}`);
  r.append(el('span', 'label', label), el('span', 'value'));
  if (spark) r.appendChild(sparkline(spark));
  card.appendChild(r);
}

function cardFor(c: StatsCard): HTMLElement {
  let card = cards.get(c.id);
  if (card) return card;
  card = el('section', 'card');
  card.dataset.id = c.id;
  const head = el('header', 'head');
  const close = el('button', 'close', '×');
  close.title = 'Stop following this container';
  close.addEventListener('click', () => post({ type: 'remove', id: c.id }));
  head.append(el('strong', 'name'), el('span', 'image'), close);
  card.append(head, el('p', 'note'));
  row(card, 'cpu', 'CPU', 'cpu');
  row(card, 'memory', 'Memory', 'memory');
  row(card, 'net', 'Network I/O');
  row(card, 'block', 'Block I/O');
  row(card, 'pids', 'PIDs');
  cards.set(c.id, card);
  root.querySelector('.empty')?.remove();
  root.appendChild(card);
  return card;
}

function set(card: HTMLElement, selector: string, text: string): void {
  const e = card.querySelector(selector);
  if (e && e.textContent !== text) e.textContent = text;
}

function render(c: StatsCard): void {
  const card = cardFor(c);
  card.dataset.state = c.state;
  set(card, '.name', c.name);
  set(card, '.image', c.image);
  set(card, '.note', c.note ?? '');
  const v = c.view;
  set(card, '.row-cpu .value', v?.cpu ?? '…');
  set(card, '.row-memory .value', v?.memory ?? '…');
  set(card, '.row-net .value', v?.net ?? '…');
  set(card, '.row-block .value', v?.block ?? '…');
  set(card, '.row-pids .value', v?.pids ?? '…');
  card.querySelector('.spark-cpu polyline')?.setAttribute('points', v?.cpuLine ?? '');
  card.querySelector('.spark-memory polyline')?.setAttribute('points', v?.memoryLine ?? '');
}

window.addEventListener('message', (e: MessageEvent<StatsHostMessage>) => {
  const m = e.data;
  if (m.type === 'card') render(m.card);
  else if (m.type === 'drop') {
    cards.get(m.id)?.remove();
    cards.delete(m.id);
    if (!cards.size) root.replaceChildren(el('p', 'empty muted', 'No container followed. Use "Show Live Stats" on a running container.'));
  }
});

root.replaceChildren(el('p', 'empty muted', 'Waiting for the first frames…'));
post({ type: 'ready' });
