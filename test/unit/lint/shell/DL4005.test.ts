import { fires, silent } from './helpers';

describe('DL4005 ln to /bin/sh', () => {
  it('fires when /bin/sh is the link made', () => {
    fires('DL4005', ['RUN ln -sf /bin/bash /bin/sh']);
    fires('DL4005', ['RUN ln -s -f -- /bin/bash /bin/sh']);
    fires('DL4005', ['ONBUILD RUN ln -sfn /bin/bash /bin/sh']);
  });
  it('is quiet for other links, or /bin/sh as the source', () => {
    silent('DL4005', ['RUN ln -s /bin/sh /usr/local/bin/sh']);
    silent('DL4005', ['RUN ln -sf /usr/bin/python3 /usr/bin/python']);
    silent('DL4005', ['SHELL ["/bin/bash", "-c"]', 'RUN echo ok']);
  });
});
