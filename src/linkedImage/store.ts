// What a workspace remembers about its Dockerfiles (workspaceState): the image each file is linked
// to (pinned by a person, or made by Build Image…) and the last tag and target stage it was built with.
import type * as vscode from 'vscode';

export interface LinkRecord {
  imageId: string;
  /** The tag the link follows: when it moves to a new image (a rebuild), the link moves with it. */
  tag?: string;
  /** Chosen by a person (Link Dockerfile to Image…) rather than found automatically. */
  pinned: boolean;
  /** The file's text when the image was built or linked: later edits make lenses stale. */
  builtText?: string;
  target?: string;
  /** The `--build-arg` values of a build made here (the link substitutes them in the instructions). */
  buildArgs?: Record<string, string>;
  /** The image this link pointed at before the tag moved (for "compare with the new build"). */
  previousId?: string;
}

export interface BuildChoice { tag: string; target?: string }

const LINKS = 'layerscope.dockerfileLinks';
const BUILDS = 'layerscope.dockerfileBuilds';

export class LinkStore {
  constructor(private readonly memento: vscode.Memento) {}

  link(file: vscode.Uri): LinkRecord | undefined {
    return this.memento.get<Record<string, LinkRecord>>(LINKS, {})[file.toString()];
  }

  all(): [string, LinkRecord][] {
    return Object.entries(this.memento.get<Record<string, LinkRecord>>(LINKS, {}));
  }

  async setLink(file: vscode.Uri, record: LinkRecord | undefined): Promise<void> {
    const links = { ...this.memento.get<Record<string, LinkRecord>>(LINKS, {}) };
    if (record) links[file.toString()] = record;
    else delete links[file.toString()];
    await this.memento.update(LINKS, links);
  }

  buildChoice(file: vscode.Uri): BuildChoice | undefined {
    return this.memento.get<Record<string, BuildChoice>>(BUILDS, {})[file.toString()];
  }

  async setBuildChoice(file: vscode.Uri, choice: BuildChoice): Promise<void> {
    await this.memento.update(BUILDS, { ...this.memento.get<Record<string, BuildChoice>>(BUILDS, {}), [file.toString()]: choice });
  }
}
