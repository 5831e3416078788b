// Tells each open Layers panel what the Dockerfiles linked to its image know: which history step
// each instruction made ("Go to instruction") and whether the tag moved to a newer build.
import * as vscode from 'vscode';
import { savingsReport, type DockerfileLink } from '../insight';
import type { LayersPanel } from '../webview/layersPanel';
import type { LayersPanelManager } from '../webview/panelManager';
import type { PanelLinks } from '../webview/protocol';
import type { LinkedImages } from './service';

export class PanelLinker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly linked: LinkedImages) {}

  /** Follows the panel manager once its code has loaded (no panel can be open before). */
  attach(panels: LayersPanelManager): void {
    const linked = this.linked;
    this.disposables.push(
      panels.onDidOpen((panel) => {
        void this.update(panel);
        // The panel's own Analyze: the lenses and findings gain from it too, and the panel gets its report.
        panel.onDidPost((m) => { if (m.type === 'analysisDone' && panel.analysisResult) void linked.remember(panel.analysisResult); });
      }),
      linked.onDidChange(() => { for (const panel of panels.open) void this.update(panel); }),
    );
  }

  async update(panel: LayersPanel): Promise<void> {
    const links: PanelLinks = { instructions: {} };
    let linked: { file: string; link: DockerfileLink } | undefined;
    for (const uri of this.linked.filesOf(panel.imageId)) {
      const doc = await vscode.workspace.openTextDocument(uri).then((d) => d, () => undefined);
      const view = doc && await this.linked.view(doc).catch(() => undefined);
      if (!view || view.image.id !== panel.imageId) continue;
      // Savings name lines of the text as built; only an unedited file's lines can be shown.
      if (!linked && view.link.matched && view.builtText === doc.getText()) linked = { file: uri.toString(), link: view.link };
      for (const row of view.rows) {
        if (!row.stale && row.step !== undefined) links.instructions[row.step] = { file: uri.toString(), line: row.line };
      }
    }
    for (const [, record] of this.linked.store.all()) {
      if (record.previousId === panel.imageId && record.tag) links.newerBuild = { tag: record.tag, imageId: record.imageId };
    }
    const insight = await this.linked.insightOf(panel.imageId);
    if (insight) {
      const report = savingsReport(insight, linked?.link);
      links.savings = { file: linked?.file, total: report.total, items: report.items.map(({ bytes, lines, what, action }) => ({ bytes, lines: linked ? lines : [], what, action })) };
    }
    panel.setLinks(links);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
