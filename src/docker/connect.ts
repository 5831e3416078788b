// The one way to get an Engine: resolve where the engine is, then build the dockerode adapter.
// Glue (extension, CLI, tests) calls this and sees only the Engine interface.
import { type ConnectionInputs, resolveConnection } from './connection';
import { DockerodeEngine } from './dockerodeEngine';
import type { Engine } from './engine';
import type { BackoffOptions } from './events';

export function createEngine(inputs: ConnectionInputs, backoff?: BackoffOptions): Engine {
  return new DockerodeEngine(resolveConnection(inputs), backoff);
}
