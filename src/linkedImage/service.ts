// The Dockerfile ↔ image link of each open Dockerfile: which image it built (pinned, built here, or
// the newest image the file explains), that image's steps mapped onto the file's instructions, the
// deep analysis once run, and the follow of the linked tag through the engine's events.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { analyzeImage, type ImageAnalysis } from '../analysis';
import { EngineError } from '../docker/engine';
import { LintDocument } from '../lint/document';
import { diffIdsFromInspect } from '../model/history';
import { normalTag } from '../model/dockerBuild';
import { formatBytes } from '../model/format';
import { shortId } from '../model/tree';
import type { EngineEvent, HistoryEntry } from '../model/types';
import { linkDockerfile, rankImages, summarize, type DockerfileLink, type ImageInsight } from '../insight';
import { InsightCache } from '../insight/node/cache';
import { mapSteps, type Step } from '../model/layerSteps';
import { mapRows, type InstructionRow } from './rows';
import { LinkStore, type LinkRecord } from './store';
import { errorText } from '../model/errorText';

export type { InstructionRow };

/** What the lenses and findings need to know about one image; an image ID names immutable content. */
export interface ImageFacts {
  id: string;
  tags: string[];
  /** Seconds since the epoch. */
  created: number;
  size: number;
  steps: Step[];
  /** For a new mapping once the deep analysis knows the config's empty_layer flags. */
  history: HistoryEntry[];
  diffIds: string[];
}

export interface LinkedView {
  uri: vscode.Uri;
  record: LinkRecord;
  image: ImageFacts;
  link: DockerfileLink;
  /** Line of the file's first FROM (where the image lens goes). */
  firstFromLine: number;
  rows: InstructionRow[];
  /** The text the link was computed on (what was built). */
  builtText: string;
  /** Where an unchanged instruction of the built text is now (built line → current line); edited ones are absent. */
  currentLine: Map<number, number>;
  /** The summary of the image's deep analysis, once run (kept per image ID). */
  insight?: ImageInsight;
}

/** How many of the newest local images are tried when a file has no link yet. */
const AUTO_LINK_CANDIDATES = 20;

export class LinkedImages implements vscode.Disposable {
  readonly store: LinkStore;
  private readonly changed = new vscode.EventEmitter<vscode.Uri | undefined>();
  /** Fires when a link, an image or an analysis changed (undefined: every file). */
  readonly onDidChange = this.changed.event;
  private readonly facts = new Map<string, Promise<ImageFacts>>();
  private readonly insights = new Map<string, ImageInsight>();
  /** Deep analysis summaries on disk, per image ID: reopening a file does not read the image again. */
  readonly cache: InsightCache;
  /** Files already tried for an automatic link (undefined result), so that is not redone per keystroke. */
  private readonly autoTried = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.store = new LinkStore(ctx.extension.workspaceState);
    this.cache = new InsightCache(path.join(ctx.extension.globalStorageUri.fsPath, 'insight'), 50);
    this.disposables.push(
      this.changed,
      ctx.onDidEngineEvent((e) => void this.onEngineEvent(e)),
      ctx.onDidChangeEngine(() => { this.facts.clear(); this.autoTried.clear(); this.changed.fire(undefined); }),
      ctx.onDidRequestRefresh(() => { this.autoTried.clear(); this.changed.fire(undefined); }),
    );
  }

  /** The link of a Dockerfile as its current text sees it, or undefined when no image is linked. */
  async view(doc: vscode.TextDocument, signal?: AbortSignal): Promise<LinkedView | undefined> {
    const record = this.store.link(doc.uri) ?? await this.autoLink(doc, signal);
    if (!record) return undefined;
    const image = await this.imageOf(record, signal);
    if (!image) return undefined;
    const insight = await this.insightOf(image.id);
    // The analysis read the config's empty_layer flags: the step → layer mapping is exact then.
    const steps = insight ? mapSteps(image.history, image.diffIds, insight.emptyLayers).steps : image.steps;
    const text = doc.getText();
    const built = record.builtText ?? text;
    const link = linkDockerfile(built, steps, { target: record.target, buildArgs: record.buildArgs });
    const { rows, currentLine } = mapRows(link, built, text);
    const current = new LintDocument(text);
    return {
      uri: doc.uri, record, image, link, rows, builtText: built, currentLine,
      firstFromLine: current.stages[0]?.from.range.start.line ?? 0,
      insight,
    };
  }

  /** Links a file to an image (a person's choice or a build made here). */
  async link(uri: vscode.Uri, record: LinkRecord): Promise<void> {
    await this.store.setLink(uri, record);
    this.changed.fire(uri);
  }

  async unlink(uri: vscode.Uri): Promise<void> {
    await this.store.setLink(uri, undefined);
    this.autoTried.add(uri.toString());
    this.changed.fire(uri);
  }

  /** Facts of one image by ID or reference; cached per image ID. */
  async imageFacts(ref: string, signal?: AbortSignal): Promise<ImageFacts> {
    const inspect = await this.ctx.engine.inspectImage(ref, signal);
    const id = String(inspect.Id);
    let p = this.facts.get(id);
    if (!p) {
      p = this.readFacts(id, inspect, signal);
      this.facts.set(id, p);
      p.catch(() => { if (this.facts.get(id) === p) this.facts.delete(id); });
    }
    const facts = await p;
    // Tags move independently of the content: take them from the fresh inspect.
    return { ...facts, tags: Array.isArray(inspect.RepoTags) ? inspect.RepoTags.map(String) : [] };
  }

  /** The deep analysis of a file's linked image, with progress and cancel; undefined when cancelled. */
  async analyze(uri: vscode.Uri): Promise<ImageInsight | undefined> {
    const record = this.store.link(uri);
    if (!record) throw new Error('This Dockerfile is not linked to an image yet: build it or link it first.');
    const name = record.tag ?? shortId(record.imageId);
    const analysis = await this.ctx.prompter.progress(`Analyzing ${name}`, async (report, signal) => {
      const stream = await this.ctx.engine.saveImages([record.imageId], signal);
      return analyzeImage(stream, { image: record.imageId, signal, onProgress: (p) => report(`${formatBytes(p.bytesRead)} read`) })
        .catch((err) => { if (signal.aborted) return undefined; throw err; });
    });
    return analysis && this.remember(analysis);
  }

  /** Keeps the summary of a deep analysis (here, or the Layers panel's own) in memory and on disk. */
  async remember(analysis: ImageAnalysis): Promise<ImageInsight> {
    const insight = summarize(analysis);
    this.insights.set(analysis.id, insight);
    await this.cache.put(insight).catch((err) => this.ctx.log.warn(`Insight cache: ${errorText(err)}`));
    this.changed.fire(undefined);
    return insight;
  }

  /** The summary of an image's deep analysis, if one was run (here or in an earlier session). */
  async insightOf(imageId: string): Promise<ImageInsight | undefined> {
    const known = this.insights.get(imageId);
    if (known) return known;
    const cached = await this.cache.get(imageId).catch(() => undefined);
    if (cached) this.insights.set(imageId, cached);
    return cached;
  }

  /** Files linked to an image (for the Layers panel's "Go to instruction"). */
  filesOf(imageId: string): vscode.Uri[] {
    return this.store.all().filter(([, r]) => r.imageId === imageId).map(([uri]) => vscode.Uri.parse(uri));
  }

  private async imageOf(record: LinkRecord, signal?: AbortSignal): Promise<ImageFacts | undefined> {
    try {
      return await this.imageFacts(record.imageId, signal);
    } catch (err) {
      if (!(err instanceof EngineError && err.code === 'notFound')) throw err;
      // The image is gone; the tag may still name a newer build.
      if (!record.tag) return undefined;
      return this.imageFacts(record.tag, signal).catch(() => undefined);
    }
  }

  private async readFacts(id: string, inspect: Record<string, unknown>, signal?: AbortSignal): Promise<ImageFacts> {
    const history = await this.ctx.engine.imageHistory(id, signal);
    const diffIds = diffIdsFromInspect(inspect);
    const { steps } = mapSteps(history, diffIds);
    const created = Date.parse(String(inspect.Created ?? '')) / 1000;
    return { id, tags: [], created: Number.isFinite(created) ? created : 0, size: Number(inspect.Size ?? 0), steps, history, diffIds };
  }

  /** No link yet: the newest local image the file explains completely, followed by its tag. */
  private async autoLink(doc: vscode.TextDocument, signal?: AbortSignal): Promise<LinkRecord | undefined> {
    const key = doc.uri.toString();
    if (this.autoTried.has(key)) return undefined;
    this.autoTried.add(key);
    const images = (await this.ctx.engine.listImages({}, signal))
      .filter((i) => i.repoTags.length > 0)
      .sort((a, b) => b.created - a.created)
      .slice(0, AUTO_LINK_CANDIDATES);
    const candidates = await Promise.all(images.map(async (i) => {
      const f = await this.imageFacts(i.id, signal).catch(() => undefined);
      return f && { id: f.id, tags: i.repoTags, created: f.created, steps: f.steps };
    }));
    const best = rankImages(doc.getText(), candidates.filter((c): c is NonNullable<typeof c> => !!c))[0];
    if (!best?.link.matched) return undefined;
    const record: LinkRecord = { imageId: best.id, tag: best.tags[0], pinned: false, builtText: doc.getText() };
    await this.store.setLink(doc.uri, record);
    return record;
  }

  /** A tag moved to a new image (a rebuild): every link following that tag moves with it. */
  private async onEngineEvent(e: EngineEvent): Promise<void> {
    if (e.type !== 'image') return;
    if (e.action === 'tag' && e.attributes.name) {
      const name = normalTag(e.attributes.name);
      let moved = false;
      for (const [uri, record] of this.store.all()) {
        if (!record.tag || normalTag(record.tag) !== name || record.imageId === e.id) continue;
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
        await this.store.setLink(vscode.Uri.parse(uri), {
          ...record, imageId: e.id, previousId: record.imageId,
          // Built elsewhere from this file: its text now is the best guess of what was built.
          builtText: open?.getText() ?? record.builtText,
        });
        this.ctx.log.info(`Dockerfile link: ${name} moved from ${shortId(record.imageId)} to ${shortId(e.id)} (${vscode.Uri.parse(uri).fsPath})`);
        this.moved.fire({ tag: name, from: record.imageId, to: e.id });
        moved = true;
      }
      if (!moved) this.autoTried.clear();
      this.changed.fire(undefined);
    } else if (e.action === 'delete' || e.action === 'untag') {
      this.changed.fire(undefined);
    }
  }

  private readonly moved = new vscode.EventEmitter<{ tag: string; from: string; to: string }>();
  /** Fires when a followed tag moved from one image to another (the old image's panel offers a comparison). */
  readonly onDidMoveTag = this.moved.event;

  dispose(): void {
    this.moved.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
