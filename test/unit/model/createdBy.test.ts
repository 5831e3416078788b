// CreatedBy texts exactly as engine 20.10 wrote them for both builders (MEASURED.md, probe builds
// with a custom SHELL, ARGs, WORKDIR, ONBUILD and COPY --from), parsed and cleaned for display.
import { strict as assert } from 'node:assert';
import { displayCreatedBy, parseCreatedBy } from '../../../src/model/createdBy';

describe('model/createdBy', () => {
  const cases: [string, string, string, string][] = [
    // raw, builder, instruction, display
    ['/bin/sh -c #(nop) COPY file:7027c7 in /bin/busybox ', 'legacy', 'COPY', 'COPY file:7027c7 in /bin/busybox'],
    ['/bin/busybox --install -s /bin', 'legacy', 'RUN', 'RUN /bin/busybox --install -s /bin'],
    ['/bin/sh -c #(nop)  ENV DIR=/opt/data', 'legacy', 'ENV', 'ENV DIR=/opt/data'],
    ['/bin/busybox sh -c #(nop)  SHELL [/bin/busybox sh -c]', 'legacy', 'SHELL', 'SHELL [/bin/busybox sh -c]'],
    ['/bin/busybox sh -c #(nop) WORKDIR /app', 'legacy', 'WORKDIR', 'WORKDIR /app'],
    ['|1 LEVEL=3 /bin/busybox sh -c dd if=/dev/zero of=/big bs=1k count=3', 'legacy', 'RUN', 'RUN dd if=/dev/zero of=/big bs=1k count=3'],
    ['|2 A=1 B= /bin/sh -c make', 'legacy', 'RUN', 'RUN make'],
    ['/bin/busybox sh -c echo trig', 'legacy', 'RUN', 'RUN echo trig'],
    ['/bin/bash -o pipefail -c curl x | sh', 'legacy', 'RUN', 'RUN curl x | sh'],
    ['cmd /S /C #(nop)  ENV A=1', 'legacy', 'ENV', 'ENV A=1'],
    ['COPY busybox /bin/busybox # buildkit', 'buildkit', 'COPY', 'COPY busybox /bin/busybox'],
    ['RUN /bin/busybox --install -s /bin # buildkit', 'buildkit', 'RUN', 'RUN /bin/busybox --install -s /bin'],
    ['RUN |2 LEVEL=3 EMPTYARG= /bin/busybox sh -c true # buildkit', 'buildkit', 'RUN', 'RUN true'],
    ['RUN /bin/sh -c set -e\necho "a b" # buildkit', 'buildkit', 'RUN', 'RUN set -e\necho "a b"'],
    ['WORKDIR /app', 'buildkit', 'WORKDIR', 'WORKDIR /app'],
    ['EXPOSE map[80/tcp:{}]', 'buildkit', 'EXPOSE', 'EXPOSE map[80/tcp:{}]'],
    ['SHELL [/bin/busybox sh -c]', 'buildkit', 'SHELL', 'SHELL [/bin/busybox sh -c]'],
    ['Imported from -', 'unknown', '', 'Imported from -'],
    ['', 'unknown', '', ''],
  ];
  for (const [raw, builder, instruction, display] of cases) {
    it(`${JSON.stringify(raw)} → ${instruction || '(none)'}`, () => {
      const p = parseCreatedBy(raw);
      assert.equal(p.builder, builder);
      assert.equal(p.instruction, instruction);
      assert.equal(p.display, display);
      assert.equal(displayCreatedBy(raw), display);
    });
  }

  it('keeps the recorded build args and the shell of a RUN', () => {
    const p = parseCreatedBy('RUN |2 LEVEL=3 EMPTYARG= /bin/busybox sh -c true # buildkit');
    assert.deepEqual(p.buildArgs, [['LEVEL', '3'], ['EMPTYARG', '']]);
    assert.deepEqual(p.shell, ['/bin/busybox', 'sh', '-c']);
    assert.equal(p.body, 'true');
    assert.deepEqual(parseCreatedBy('RUN /bin/busybox --install -s /bin # buildkit').shell, []);
  });

  it('does not take a command with quotes or operators for a shell prefix', () => {
    assert.equal(parseCreatedBy('/usr/bin/env "A=1" -c x').instruction, 'RUN');
    assert.deepEqual(parseCreatedBy('/usr/bin/env "A=1" -c x').shell, []);
  });
});
