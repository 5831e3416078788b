// Help while typing in Dockerfiles (completion, hover, formatting): registered here, implemented in
// service.ts, which loads dockerfile-language-service and the rule list on first use. Off when the
// setting says so, and by default ("auto") when Microsoft's Container Tools or Docker extension is
// installed: they bring the same language service, and nothing should be offered twice.
import * as vscode from 'vscode';
import { config } from '../config';
import { errorDetail } from '../model/errorText';
import { DOCKERFILE_GLOB } from '../lint/dockerfileNames';

/** Extensions that already provide Dockerfile completion, hover and formatting. */
export const OVERLAPPING_EXTENSIONS = ['ms-azuretools.vscode-containers', 'ms-azuretools.vscode-docker', 'docker.docker'];

const SELECTOR: vscode.DocumentSelector = [
  { language: 'dockerfile' },
  { language: 'plaintext', pattern: DOCKERFILE_GLOB },
];

type Service = typeof import('./service');

export class LanguageFeatures implements vscode.Disposable {
  private registration: vscode.Disposable | undefined;
  private service: Promise<Service> | undefined;
  private readonly watchers: vscode.Disposable[];

  /** `log`: where failures go; asked only when one happens (the channel is not made at activation). */
  constructor(private readonly log: () => vscode.LogOutputChannel) {
    this.watchers = [
      vscode.workspace.onDidChangeConfiguration((e) => { if (config.affects(e, 'languageFeatures')) this.update(); }),
      vscode.extensions.onDidChange(() => this.update()),
    ];
    this.update();
  }

  /** Whether our providers are registered now. */
  get active(): boolean { return this.registration !== undefined; }

  /** The installed extension that keeps ours off in "auto" mode, if any. */
  overlapping(): string | undefined {
    return OVERLAPPING_EXTENSIONS.find((id) => vscode.extensions.getExtension(id));
  }

  private update(): void {
    const mode = config.languageFeatures();
    const want = mode === 'on' || (mode === 'auto' && !this.overlapping());
    if (want && !this.registration) this.registration = this.register();
    if (!want && this.registration) { this.registration.dispose(); this.registration = undefined; }
  }

  private load(): Promise<Service> {
    this.service ??= import('./service');
    return this.service;
  }

  /** Runs a provider method in the lazily loaded service; a failure is logged, never thrown at the editor. */
  private async call<T>(what: string, f: (s: Service) => T | Promise<T>): Promise<T | undefined> {
    try {
      return await f(await this.load());
    } catch (err) {
      this.log().error(`Dockerfile ${what} failed: ${errorDetail(err)}`);
      return undefined;
    }
  }

  private register(): vscode.Disposable {
    return vscode.Disposable.from(
      vscode.languages.registerCompletionItemProvider(SELECTOR, {
        provideCompletionItems: (doc, pos) => this.call('completion', (s) => s.completions(doc, pos)),
        resolveCompletionItem: (item) => this.call('completion details', (s) => s.resolveCompletion(item)).then((r) => r ?? item),
      }, ' ', '-', '=', ',', '$', '{', '#'),
      vscode.languages.registerHoverProvider(SELECTOR, {
        provideHover: (doc, pos) => this.call('hover', (s) => s.hover(doc, pos)),
      }),
      vscode.languages.registerDocumentFormattingEditProvider(SELECTOR, {
        provideDocumentFormattingEdits: (doc, options) => this.call('formatting', (s) => s.format(doc, options)),
      }),
      vscode.languages.registerDocumentRangeFormattingEditProvider(SELECTOR, {
        provideDocumentRangeFormattingEdits: (doc, range, options) => this.call('formatting', (s) => s.formatRange(doc, range, options)),
      }),
    );
  }

  dispose(): void {
    this.registration?.dispose();
    this.registration = undefined;
    for (const w of this.watchers) w.dispose();
  }
}
