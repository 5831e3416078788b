import * as assert from 'node:assert/strict';
import { dockerfile, findings, fires, silent } from './helpers';

describe('LS0100 RUN script that does not parse', () => {
  it('fires where the parser stopped, and the other RUN rules stay quiet on that RUN', () => {
    const lines = [`RUN echo 'open && sudo x`];
    const [f] = fires('LS0100', lines);
    assert.equal(f.range.start.line, 1);
    assert.match(f.message, /quote/);
    assert.equal(findings('DL3004', dockerfile(...lines)).length, 0);
    fires('LS0100', ['RUN if true; then echo; fi; fi']);
    fires('LS0100', ['ONBUILD RUN echo "$(']);
  });
  it('is quiet for valid scripts, PowerShell stages, exec form and other interpreters', () => {
    silent('LS0100', [`RUN echo 'a' "b" $(c) && [[ -n x ]]`]);
    silent('LS0100', ['SHELL ["pwsh", "-Command"]', `RUN Write-Host 'x`]);
    silent('LS0100', ['RUN ["echo", "\'"]']);
    silent('LS0100', ['RUN <<EOF', '#!/usr/bin/env python3', 'print("\'")', 'EOF']);
  });
});
