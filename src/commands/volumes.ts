// Volume and network actions: Inspect, Remove (refused while in use, naming the users), Create.
// Their prunes live with the others in prune.ts.
import type { CommandTable, Ctx } from '../ctx';
import { openInspect } from '../inspect';
import { networkInUse } from '../model/networks';
import type { NetworkSummary, VolumeSummary } from '../model/types';
import { volumeInUse, volumeLabel } from '../model/volumes';
import { refOfArg } from '../model/explorerRef';

async function volumeTarget(ctx: Ctx, arg: unknown, action: string): Promise<VolumeSummary | undefined> {
  const ref = arg !== undefined ? refOfArg(arg) : ctx.explorer.slots.volumes.view.selection[0]?.ref;
  if (ref?.kind === 'volume') return ref.volume;
  const volumes = await ctx.engine.listVolumes();
  if (!volumes.length) throw new Error(`No volume to ${action}.`);
  return (await ctx.prompter.pick(volumes.map((v) => ({ label: volumeLabel(v.name), description: v.driver, volume: v })), `Volume to ${action}`))?.volume;
}

async function networkTarget(ctx: Ctx, arg: unknown, action: string): Promise<NetworkSummary | undefined> {
  const ref = arg !== undefined ? refOfArg(arg) : ctx.explorer.slots.networks.view.selection[0]?.ref;
  if (ref?.kind === 'network') return ref.network;
  const networks = await ctx.engine.listNetworks();
  return (await ctx.prompter.pick(networks.map((n) => ({ label: n.name, description: `${n.driver} · ${n.scope}`, network: n })), `Network to ${action}`))?.network;
}

async function removeVolume(ctx: Ctx, arg: unknown): Promise<boolean> {
  const v = await volumeTarget(ctx, arg, 'remove');
  if (!v) return false;
  // Asked now, not from the row: a container may have started using it since it was drawn.
  const refusal = volumeInUse(v.name, await ctx.engine.listContainers({ all: true }));
  if (refusal) throw new Error(refusal);
  const answer = await ctx.prompter.confirm(`Remove volume ${volumeLabel(v.name)}?`, `Its data (${v.mountpoint || 'driver ' + v.driver}) is deleted for good.`, ['Remove']);
  if (!answer) return false;
  await ctx.engine.removeVolume(v.name);
  await (await ctx.explorer.get()).volumes.refresh();
  return true;
}

async function removeNetwork(ctx: Ctx, arg: unknown): Promise<boolean> {
  const n = await networkTarget(ctx, arg, 'remove');
  if (!n) return false;
  const refusal = networkInUse(n, await ctx.engine.listContainers({ all: true }));
  if (refusal) throw new Error(refusal);
  const answer = await ctx.prompter.confirm(`Remove network ${n.name}?`, `${n.driver}${n.internal ? ', internal' : ''}${n.subnets.length ? `, ${n.subnets.join(', ')}` : ''}`, ['Remove']);
  if (!answer) return false;
  await ctx.engine.removeNetwork(n.id);
  await (await ctx.explorer.get()).networks.refresh();
  return true;
}

const namePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;
const validName = (text: string) => (text === '' || namePattern.test(text) ? undefined : 'Letters, digits, _ . - (not first)');

async function createVolume(ctx: Ctx): Promise<VolumeSummary | undefined> {
  const name = await ctx.prompter.input({ title: 'Create volume', prompt: 'Name (empty: the engine picks one)', validateInput: validName });
  if (name === undefined) return undefined;
  const volume = await ctx.engine.createVolume({ name: name.trim() || undefined });
  await (await ctx.explorer.get()).volumes.refresh();
  return volume;
}

async function createNetwork(ctx: Ctx): Promise<string | undefined> {
  const ask = ctx.prompter;
  const name = await ask.input({ title: 'Create network', prompt: 'Name', validateInput: (t) => (t.trim() ? validName(t.trim()) : 'A network needs a name') });
  if (!name) return undefined;
  // Internal by default: a new network reaches nothing outside itself until asked to.
  const reach = await ask.pick([
    { label: 'Internal', description: 'containers reach each other only (default)', internal: true },
    { label: 'With outside access', description: 'routed through the host', internal: false },
  ], 'Can containers on it reach outside?');
  if (!reach) return undefined;
  const subnet = await ask.input({ title: 'Create network', prompt: 'Subnet in CIDR form, e.g. 172.30.0.0/24 (empty: the engine chooses)',
    validateInput: (t) => (t.trim() === '' || /^[0-9a-f.:]+\/\d{1,3}$/i.test(t.trim()) ? undefined : 'A CIDR such as 172.30.0.0/24') });
  if (subnet === undefined) return undefined;
  const id = await ctx.engine.createNetwork({ name: name.trim(), internal: reach.internal, subnet: subnet.trim() || undefined });
  await (await ctx.explorer.get()).networks.refresh();
  return id;
}

export const volumeCommands: CommandTable = {
  'layerscope.volume.inspect': (ctx) => async (arg: unknown) => {
    const v = await volumeTarget(ctx, arg, 'inspect');
    return v && openInspect(ctx, 'volume', v.name, volumeLabel(v.name));
  },
  'layerscope.volume.remove': (ctx) => (arg: unknown) => removeVolume(ctx, arg),
  'layerscope.volume.create': (ctx) => () => createVolume(ctx),
  'layerscope.network.inspect': (ctx) => async (arg: unknown) => {
    const n = await networkTarget(ctx, arg, 'inspect');
    return n && openInspect(ctx, 'network', n.id, n.name);
  },
  'layerscope.network.remove': (ctx) => (arg: unknown) => removeNetwork(ctx, arg),
  'layerscope.network.create': (ctx) => () => createNetwork(ctx),
};
