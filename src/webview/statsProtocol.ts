// Messages between the Stats panel and its webview (webview-ui/stats/main.ts): one card per
// container, updated in place as frames arrive.
import type { StatsView } from '../model/stats';

export interface StatsCard {
  id: string;
  name: string;
  image: string;
  /** live: frames are arriving; waiting: the first frame is due; ended/paused: say why in `note`. */
  state: 'live' | 'waiting' | 'ended' | 'paused';
  note?: string;
  view?: StatsView;
}

export type StatsHostMessage =
  | { type: 'card'; card: StatsCard }
  | { type: 'drop'; id: string };

export type StatsWebviewMessage =
  | { type: 'ready' }
  | { type: 'remove'; id: string };
