// Entry of the layers webview: receives the host's typed messages and renders the image header,
// the size breakdown, the history table and the file analysis.
import { formatAge, formatBytes } from '../src/model/format';
import type { HostMessage, ImageState, PanelLinks } from '../src/webview/protocol';
import { el, replace } from './dom';
import { FilesSection } from './filesSection';
import { historyTable } from './historyTable';
import { savingsSection } from './savingsSection';
import { loadViewState, post, saveViewState } from './host';
import { sizeBreakdown } from './sizeBreakdown';

window.addEventListener('error', (e) => post({ type: 'scriptError', message: `${e.message} (${e.filename}:${e.lineno})` }));

const app = document.getElementById('app')!;
const view = loadViewState();
let image: ImageState | undefined;
let notice: { kind: 'gone' | 'error'; message: string } | undefined;
/** From the Dockerfiles linked to this image (Go to instruction, a newer build of the tag). */
let links: PanelLinks | undefined;
/** A layer a Dockerfile lens asked for, shown in the history before (or without) an analysis. */
let requestedLayer: number | undefined;

const top = el('div');
const files = new FilesSection(view, () => saveViewState(view), () => report(), () => renderTop());

function selectLayer(layer: number): void {
  requestedLayer = layer;
  files.selectLayer(layer);
}

function renderTop(): void {
  if (!image) return;
  const analysis = files.analysis;
  // Re-rendering replaces rows and buttons: give focus back to the same one.
  const focused = document.activeElement as HTMLElement | null;
  const focusSelector = focused && top.contains(focused)
    ? focused.dataset.step ? `tr[data-step="${focused.dataset.step}"]` : focused.dataset.layer ? `.segment[data-layer="${focused.dataset.layer}"]` : focused.id ? `#${focused.id}` : ''
    : '';
  replace(top,
    header(image),
    newerBuildBanner(links),
    sizeBreakdown(image, analysis, selectLayer),
    historyTable(image, {
      newestFirst: view.newestFirst,
      sortBySize: view.sortBySize,
      wastedByLayer: analysis?.layers.map((l) => l.wastedBytes),
      selectedLayer: files.layer ?? requestedLayer,
      instructionOf: (step) => links?.instructions[step],
      onGoToInstruction: (step) => post({ type: 'goToInstruction', step }),
      onToggleOrder: () => { view.newestFirst = !view.newestFirst; saveViewState(view); renderTop(); },
      onToggleSizeSort: () => { view.sortBySize = !view.sortBySize; saveViewState(view); renderTop(); },
      onSelectLayer: selectLayer,
    }),
    savingsSection(links?.savings, (line) => post({ type: 'goToLine', line })));
  if (focusSelector) {
    const target = top.querySelector<HTMLElement>(focusSelector);
    if (target) {
      top.querySelectorAll('tr.step').forEach((r) => r.setAttribute('tabindex', '-1'));
      target.tabIndex = 0;
      target.focus();
    }
  }
  report();
}

function render(): void {
  if (notice) {
    // Nothing stale stays on screen: the image (or the engine) is gone.
    replace(app, el('div', { class: `notice ${notice.kind}`, role: 'alert', id: 'notice' },
      el('h2', {}, notice.kind === 'gone' ? 'This image no longer exists' : 'Could not load this image'),
      el('p', {}, notice.message),
      el('button', { id: 'retry', on: { click: () => post({ type: 'refresh' }) } }, notice.kind === 'gone' ? 'Check again' : 'Retry')));
  } else if (image) {
    replace(app, top, files.element);
    renderTop();
  }
  report();
}

/** The tag this image was built under now names a newer build of the same Dockerfile. */
function newerBuildBanner(l: PanelLinks | undefined): HTMLElement | null {
  if (!l?.newerBuild) return null;
  return el('div', { class: 'notice info', id: 'newer-build', role: 'status' },
    el('span', {}, `${l.newerBuild.tag} was rebuilt: it now names image ${l.newerBuild.imageId.replace(/^sha256:/, '').slice(0, 12)}. `),
    el('button', { id: 'compare-newer', on: { click: () => post({ type: 'compareWithNewer' }) } }, 'Compare with the new build'));
}

function header(state: ImageState): HTMLElement {
  const h = state.header;
  const labels = Object.entries(h.labels).sort(([a], [b]) => (a < b ? -1 : 1));
  return el('header', { class: 'image-header' },
    el('h1', { id: 'image-title' }, h.repoTags[0] ?? '<untagged image>'),
    el('div', { class: 'meta' },
      el('span', { title: h.id }, h.id.replace(/^sha256:/, '').slice(0, 12)),
      el('span', {}, formatBytes(h.size)),
      el('span', { title: h.created ? new Date(h.created * 1000).toISOString() : '' }, h.created ? `created ${formatAge(h.created)}` : ''),
      el('span', {}, [h.os, h.architecture].filter(Boolean).join('/')),
      h.repoTags.length > 1 ? el('span', { title: h.repoTags.join('\n') }, `+${h.repoTags.length - 1} more tags`) : null,
      el('button', { class: 'secondary', on: { click: () => post({ type: 'refresh' }) }, title: 'Read the image again' }, '↻ Refresh')),
    labels.length
      ? el('details', { class: 'labels' },
        el('summary', {}, `Labels (${labels.length})`),
        el('table', { id: 'labels' }, el('tbody', {}, ...labels.map(([k, v]) => el('tr', {}, el('th', {}, k), el('td', {}, v))))))
      : null);
}

/** Tells the host what is on screen (the integration tests wait on it). */
function report(): void {
  const rows = app.querySelectorAll('#history-table tbody tr.step').length;
  const selected = app.querySelector<HTMLElement>('#history-table tbody tr.step.selected')?.dataset.step;
  const goTo = app.querySelectorAll('#history-table button.go-to-instruction').length;
  post({ type: 'rendered', what: JSON.stringify({ notice: notice?.kind ?? '', historyRows: rows, analysis: files.analysis ? 'done' : '', selectedStep: selected === undefined ? null : Number(selected), goToInstruction: goTo, newerBuild: !!links?.newerBuild, savings: app.querySelectorAll('#savings li.saving').length }) });
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
  const message = event.data;
  switch (message.type) {
    case 'image':
      image = message.state;
      notice = undefined;
      render();
      break;
    case 'gone':
    case 'error':
      notice = { kind: message.type, message: message.message };
      if (message.type === 'gone') {
        image = undefined;
        files.setStatus({ kind: 'idle' });
      }
      render();
      break;
    case 'analysisProgress':
      files.setStatus({ kind: 'running', ...message });
      break;
    case 'analysisDone':
      files.setStatus({ kind: 'done', analysis: message.analysis });
      renderTop();
      break;
    case 'treeRows':
      files.treeRows(message.rows);
      break;
    case 'selectLayer':
      selectLayer(message.layer);
      renderTop();
      app.querySelector('#history-table tbody tr.step.selected')?.scrollIntoView({ block: 'center' });
      break;
    case 'links':
      links = message.links;
      renderTop();
      break;
    case 'analysisFailed':
      files.setStatus({ kind: 'failed', message: message.message, cancelled: message.cancelled });
      break;
  }
});

post({ type: 'ready' });
