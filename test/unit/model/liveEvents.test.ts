import * as assert from 'node:assert/strict';
import { isStateEvent } from '../../../src/views/live';

const event = (type: string, action: string) => ({ type, action, id: 'x', attributes: {}, time: 0, timeNano: 0 });

describe('views/live isStateEvent (pure: which events update one container in place)', () => {
  it('takes container state and health events, not create/destroy or other types', () => {
    for (const a of ['start', 'die', 'stop', 'pause', 'unpause', 'kill', 'health_status: healthy']) assert.ok(isStateEvent(event('container', a)), a);
    for (const a of ['create', 'destroy', 'rename']) assert.ok(!isStateEvent(event('container', a)), a);
    assert.ok(!isStateEvent(event('image', 'start')));
  });
});
