// Shapes shared by the insight room (Dockerfile ↔ image): the link, the compact image summary and
// the savings report. Plain JSON-serialisable data. Pure: no vscode, no dockerode.
import type { Step } from '../model/layerSteps';

export type { Step };

/** One Dockerfile instruction and the history step / layer it produced in the linked image. */
export interface InstructionLink {
  /** 0-based first line of the instruction. */
  line: number;
  /** 0-based last line (continuations and heredoc bodies included). */
  endLine: number;
  /** Upper-case keyword (`RUN`, `COPY`, …; `FROM` for a stage's first line). */
  keyword: string;
  /** Index of the stage the instruction belongs to. */
  stage: number;
  /** History step it produced; undefined when it is not in the image (other stage) or did not match. */
  step: number | undefined;
  /** Index into rootfs of the layer it made; null = it made none; undefined = unknown / not in the image. */
  layer: number | null | undefined;
  /** Bytes of that step (0 for metadata); undefined when not matched. */
  size: number | undefined;
}

export interface DockerfileLink {
  /** 0..1: how well the image's history matches the file (1 = every instruction of the chain matched). */
  score: number;
  /** True when the image was built from this file (score above the threshold, nothing contradicting). */
  matched: boolean;
  /** The stage the image was built from (`--target`, else the last). */
  targetStage: { name?: string; index: number; line: number };
  /** Steps at the bottom of the history that come from the base image (0 for FROM scratch). */
  baseSteps: number;
  /** Every instruction of the file (all stages), in file order; FROM lines included with step undefined. */
  instructions: InstructionLink[];
}

export interface LinkOptions {
  /** `--build-arg` values the build used (defaults of ARG otherwise). */
  buildArgs?: Record<string, string>;
  /** `--target` stage name; default the last stage. */
  target?: string;
  dockerfilePath?: string;
}

export interface LinkCandidate {
  id: string;
  tags: string[];
  /** Seconds since the epoch. */
  created: number;
  steps: Step[];
}

export interface RankedCandidate {
  id: string;
  tags: string[];
  created: number;
  link: DockerfileLink;
}

/** One planted/measured fact about a layer, with the bytes that make it matter. */
export interface PathBytes { path: string; bytes: number }

export interface LayerInsight {
  /** Index into rootfs (0 = base). */
  index: number;
  /** History step (0 = oldest) that made it, undefined when the history is short. */
  step?: number;
  /** Regular-file content bytes stored by the layer. */
  size: number;
  /** Bytes stored here that the final filesystem does not show. */
  wastedBytes: number;
  added: number;
  modified: number;
  removed: number;
  /** Package-manager caches this layer left behind (bytes it stores under each cache dir). */
  caches: { kind: string; path: string; bytes: number }[];
  /** Secret-looking files this layer stores (named, never read), even if a later layer deletes them. */
  secrets: { path: string; bytes: number; kind: string }[];
  /** Files usually kept out by a .dockerignore (`.git`, editor/test folders, node_modules, virtualenvs). */
  ignorable: { path: string; bytes: number; kind: string }[];
  /** Bytes this layer stored that a later layer deleted or overwrote, per later layer (`by`). */
  wasted: WastedBy[];
}

export interface WastedBy {
  /** The later layer that deleted or overwrote them. */
  by: number;
  bytes: number;
  /** Number of paths. */
  count: number;
  /** Of `bytes`, those under a package-manager cache dir (also counted in `caches`). */
  cacheBytes: number;
  /** Of `bytes`, those under a folder a .dockerignore usually keeps out (also counted in `ignorable`). */
  ignorableBytes: number;
  /** The largest of those paths (at most MAX_PATHS), largest first. */
  paths: PathBytes[];
}

export interface ImageInsight {
  /** Format version of this summary (bumped when the shape changes; old cache entries are dropped). */
  version: number;
  id: string;
  repoTags: string[];
  created: string;
  /** Sum of regular-file content bytes over all layers. */
  sizeBytes: number;
  finalBytes: number;
  wastedBytes: number;
  /** The config's history[].empty_layer flags, oldest first. */
  emptyLayers: boolean[];
  /** The config's history created_by texts, oldest first (to map steps without the engine). */
  history: string[];
  layers: LayerInsight[];
  /** Largest regular files of the final filesystem, largest first. */
  largeFiles: { path: string; bytes: number; layer: number }[];
}

export interface SavingsItem {
  bytes: number;
  /** 0-based Dockerfile lines it concerns ([] when no file is linked). */
  lines: number[];
  /** What takes the bytes, in plain words. */
  what: string;
  /** What to change. */
  action: string;
  /** The measured finding code it comes from (LS2xxx). */
  code: string;
}

export interface SavingsReport {
  items: SavingsItem[];
  total: number;
}
