// The Networks view: every network with driver, scope, internal, subnets and attached containers.
import type { Ctx } from '../ctx';
import type { NetworkMemberRef, NetworkRef } from '../model/networks';
import { buildNetworkTree } from '../model/networks';
import { ExplorerTree, type Node } from './explorerTree';
import type { ViewSlot } from './door';
import type { EngineSnapshot } from '../docker/snapshot';

type Row = Node<NetworkRef | NetworkMemberRef>;

export class NetworksView extends ExplorerTree<NetworkRef | NetworkMemberRef> {
  constructor(ctx: Ctx, snapshot: EngineSnapshot, slot: ViewSlot) {
    super(ctx, snapshot, slot, ['networks', 'containers']);
  }

  protected async load(): Promise<Row[]> {
    const [networks, containers] = await Promise.all([this.snapshot.networks(), this.snapshot.containers()]);
    return buildNetworkTree(networks, containers);
  }
}
