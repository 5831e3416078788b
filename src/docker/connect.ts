// The one way to get an Engine: resolve where the engine is, then the dockerode adapter, loaded
// on first use (src/docker/lazyEngine.ts; a local socket's first lists go the quick way meanwhile,
// quickList.ts). Glue (extension, CLI, tests) sees only the Engine interface.
import { type ConnectionInputs, resolveConnection } from './connection';
import type { EngineTuning } from './dockerodeEngine';
import type { Engine } from './engine';
import { lazyEngine, type LazyEngineOptions } from './lazyEngine';
import { quickLists } from './quickList';

export function createEngine(inputs: ConnectionInputs, tuning?: EngineTuning & LazyEngineOptions): Engine {
  const connection = resolveConnection(inputs);
  const load = async () => new (await import('./dockerodeEngine')).DockerodeEngine(connection, tuning);
  return lazyEngine(connection.info, load, { ...tuning, quick: quickLists(connection) });
}
