// The Networks view: every network with driver, scope, internal, subnets and attached containers.
import type { Ctx } from '../ctx';
import { buildNetworkTree } from '../model/networks';
import { ExplorerTree, type Node } from './explorerTree';
import type { EngineSnapshot } from '../docker/snapshot';

export class NetworksView extends ExplorerTree {
  constructor(ctx: Ctx, snapshot: EngineSnapshot) {
    super(ctx, snapshot, 'layerscope.networks', ['networks', 'containers']);
  }

  protected async load(): Promise<Node[]> {
    const [networks, containers] = await Promise.all([this.snapshot.networks(), this.snapshot.containers()]);
    return buildNetworkTree(networks, containers);
  }
}
