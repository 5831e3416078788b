// The one way to get an Engine: resolve where the engine is, then build the dockerode adapter.
// Glue (extension, CLI, tests) calls this and sees only the Engine interface.
import { type ConnectionInputs, resolveConnection } from './connection';
import { DockerodeEngine, type EngineTuning } from './dockerodeEngine';
import type { Engine } from './engine';

export function createEngine(inputs: ConnectionInputs, tuning?: EngineTuning): Engine {
  return new DockerodeEngine(resolveConnection(inputs), tuning);
}
