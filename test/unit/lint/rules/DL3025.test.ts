import { strict as assert } from 'node:assert';
import { applyFix, findings, lines } from '../helpers';

describe('DL3025', () => {
  it('fires on shell form, including ONBUILD CMD and HEALTHCHECK CMD', () => {
    assert.deepEqual(lines(findings('DL3025', ['FROM a:1', 'CMD node server.js', 'ENTRYPOINT run.sh', 'HEALTHCHECK --interval=5s CMD curl -f http://x/', 'ONBUILD CMD x'])), [2, 3, 4, 5]);
  });
  it('does not fire on JSON form, HEALTHCHECK NONE, or a PowerShell stage', () => {
    assert.deepEqual(findings('DL3025', ['FROM a:1', 'CMD ["node", "s.js"]', 'HEALTHCHECK NONE', 'HEALTHCHECK CMD ["true"]']), []);
    assert.deepEqual(findings('DL3025', ['FROM a:1', 'SHELL ["powershell", "-Command"]', 'CMD Write-Host hi']), []);
  });
  it('fix: plain words become a JSON array with correct escaping', () => {
    const text = ['FROM a:1', `CMD node "my app.js" --name 'x"y'`];
    const [f] = findings('DL3025', text);
    assert.equal(applyFix(text, f), 'FROM a:1\nCMD ["node", "my app.js", "--name", "x\\"y"]\n');
    assert.equal(f.fixes![0].preferred, true);
  });
  it('fix: commands needing a shell keep it explicitly', () => {
    const text = ['FROM a:1', 'CMD echo "$HOME" && \\', '  exec app'];
    const [f] = findings('DL3025', text);
    assert.equal(applyFix(text, f), 'FROM a:1\nCMD ["/bin/sh", "-c", "echo \\"$HOME\\" &&   exec app"]\n');
  });
  it('is silent when a SHELL is set in the stage or a stage it builds on (BuildKit)', () => {
    assert.deepEqual(findings('DL3025', ['FROM a:1', 'SHELL ["/bin/bash", "-c"]', 'CMD echo hi']), []);
    assert.deepEqual(findings('DL3025', ['FROM a:1 AS base', 'SHELL ["/bin/bash", "-c"]', 'FROM base', 'CMD echo hi']), []);
    assert.equal(findings('DL3025', ['FROM a:1', 'CMD echo hi', 'SHELL ["/bin/bash", "-c"]']).length, 1);
  });
});
