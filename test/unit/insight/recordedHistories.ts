// Histories recorded from engine 20.10 (both builders) for the insight fixtures and a probe file;
// `history` is GET /images/{id}/history (newest first: [CreatedBy, Size]), `emptyLayers` the saved
// config's history[].empty_layer (oldest first), `layers` the RootFS length. Regenerate by building
// test/rig/fixtures/insight/* (and the probe below) if the engine changes.
export interface RecordedImage { history: [string, number][]; emptyLayers: boolean[]; layers: number }
export const insightLegacy: RecordedImage = {
  history: [
    ["/bin/busybox sh -c #(nop)  CMD [\"sh\"]", 0],
    ["/bin/busybox sh -c #(nop)  LABEL org.example.fixture=insight", 0],
    ["|1 CACHE_KB=256 /bin/busybox sh -c true", 0],
    ["/bin/busybox sh -c #(nop) COPY file:a152b5467c9ba538472795d14207ee72d7ce88cc36a8803301d62f4475b36e26 in ./tool.bin ", 65536],
    ["/bin/busybox sh -c #(nop) COPY dir:d2bc7644a6cc74ba7565fa8ea14ee0b60e3ee83ce06c9f48f9a62a2ac5b7fe6e in ./ ", 10125],
    ["|1 CACHE_KB=256 /bin/busybox sh -c rm big.bin /root/.ssh/id_rsa", 0],
    ["|1 CACHE_KB=256 /bin/busybox sh -c dd if=/dev/zero of=big.bin bs=1024 count=3072", 3145728],
    ["|1 CACHE_KB=256 /bin/busybox sh -c mkdir -p /var/cache/apk && dd if=/dev/zero of=/var/cache/apk/APKINDEX.fake.tar.gz bs=1024 count=$CACHE_KB", 262144],
    ["/bin/busybox sh -c #(nop) COPY file:96434985693a43fad9a7b548761210ae3134f3f731096866ec1fcee359e8c518 in /root/.ssh/id_rsa ", 1148],
    ["/bin/busybox sh -c #(nop) WORKDIR /app", 0],
    ["/bin/busybox sh -c #(nop)  ENV APP_HOME=/app", 0],
    ["/bin/busybox sh -c #(nop)  ARG CACHE_KB=256", 0],
    ["/bin/busybox sh -c /bin/busybox --install -s /bin", 3216],
    ["/bin/busybox sh -c #(nop)  SHELL [/bin/busybox sh -c]", 0],
    ["/bin/sh -c #(nop) COPY file:73e2b2d48642b21b357384b0cb81c1869cc5e0c48a00f61553756196058304b9 in /bin/busybox ", 1982256],
  ],
  emptyLayers: [false, true, false, true, true, false, false, false, false, false, false, false, true, true, true],
  layers: 9,
};
export const insightBuildkit: RecordedImage = {
  history: [
    ["CMD [\"sh\"]", 0],
    ["LABEL org.example.fixture=insight", 0],
    ["RUN |1 CACHE_KB=256 /bin/busybox sh -c true # buildkit", 0],
    ["COPY /out/tool.bin ./tool.bin # buildkit", 65536],
    ["COPY app/ ./ # buildkit", 10125],
    ["RUN |1 CACHE_KB=256 /bin/busybox sh -c rm big.bin /root/.ssh/id_rsa # buildkit", 0],
    ["RUN |1 CACHE_KB=256 /bin/busybox sh -c dd if=/dev/zero of=big.bin bs=1024 count=3072 # buildkit", 3145728],
    ["RUN |1 CACHE_KB=256 /bin/busybox sh -c mkdir -p /var/cache/apk && dd if=/dev/zero of=/var/cache/apk/APKINDEX.fake.tar.gz bs=1024 count=$CACHE_KB # buildkit", 262144],
    ["COPY id_rsa /root/.ssh/id_rsa # buildkit", 1148],
    ["WORKDIR /app", 0],
    ["ENV APP_HOME=/app", 0],
    ["ARG CACHE_KB=256", 0],
    ["RUN /bin/busybox sh -c /bin/busybox --install -s /bin # buildkit", 0],
    ["SHELL [/bin/busybox sh -c]", 0],
    ["COPY busybox /bin/busybox # buildkit", 1982256],
  ],
  emptyLayers: [false, true, false, true, true, false, false, false, false, false, false, false, false, true, true],
  layers: 10,
};
export const chainLegacy: RecordedImage = {
  history: [
    ["/bin/busybox sh -c #(nop)  CMD [\"sh\"]", 0],
    ["/bin/busybox sh -c dd if=/dev/zero of=/final.bin bs=1024 count=8", 8192],
    ["/bin/busybox sh -c echo triggered > /trigger.txt", 10],
    ["/bin/busybox sh -c #(nop)  EXPOSE 8080", 0],
    ["/bin/busybox sh -c #(nop)  ONBUILD RUN echo triggered > /trigger.txt", 0],
    ["|1 LEVEL=3 /bin/busybox sh -c echo \"level $LEVEL\" > /level.txt &&     mkdir -p /made", 8],
    ["/bin/busybox sh -c #(nop)  SHELL [/bin/busybox sh -c]", 0],
    ["/bin/sh -c #(nop) COPY file:35dd28b4d11690b852dc84636f649752c55e3db3f3da3fa7a9ed8847b0b7df44 in /opt/data/main.sh ", 31],
    ["/bin/sh -c #(nop)  ARG LEVEL=3", 0],
    ["/bin/sh -c #(nop) WORKDIR /work", 0],
    ["/bin/sh -c #(nop)  ENV DIR=/opt/data", 0],
    ["/bin/busybox --install -s /bin", 3216],
    ["/bin/sh -c #(nop) COPY file:73e2b2d48642b21b357384b0cb81c1869cc5e0c48a00f61553756196058304b9 in /bin/busybox ", 1982256],
  ],
  emptyLayers: [false, false, true, false, true, false, true, false, true, true, false, false, true],
  layers: 7,
};
export const chainBuildkit: RecordedImage = {
  history: [
    ["CMD [\"sh\"]", 0],
    ["RUN /bin/busybox sh -c dd if=/dev/zero of=/final.bin bs=1024 count=8 # buildkit", 8192],
    ["RUN /bin/busybox sh -c echo triggered > /trigger.txt # buildkit", 10],
    ["EXPOSE map[8080/tcp:{}]", 0],
    ["RUN |1 LEVEL=3 /bin/busybox sh -c echo \"level $LEVEL\" > /level.txt &&     mkdir -p /made # buildkit", 8],
    ["SHELL [/bin/busybox sh -c]", 0],
    ["COPY app/main.sh /opt/data/main.sh # buildkit", 31],
    ["ARG LEVEL=3", 0],
    ["WORKDIR /work", 0],
    ["ENV DIR=/opt/data", 0],
    ["RUN /bin/busybox --install -s /bin # buildkit", 0],
    ["COPY busybox /bin/busybox # buildkit", 1982256],
  ],
  emptyLayers: [false, false, true, false, true, false, true, false, true, false, false, true],
  layers: 7,
};
export const probeLegacy: RecordedImage = {
  history: [
    ["/bin/busybox sh -c rm /big", 0],
    ["/bin/busybox sh -c #(nop)  USER 0", 0],
    ["/bin/busybox sh -c #(nop) COPY file:ceb084898ce4c8fbd84368f45d5de5ba3d1bfbfc622dec44a02b445e312edfff in /lvl2 ", 8],
    ["/bin/busybox sh -c echo trig", 0],
    ["/bin/busybox sh -c #(nop)  CMD [\"sh\"]", 0],
    ["/bin/busybox sh -c #(nop)  EXPOSE 80", 0],
    ["/bin/busybox sh -c #(nop)  USER 1000", 0],
    ["/bin/busybox sh -c #(nop)  ONBUILD RUN echo trig", 0],
    ["/bin/busybox sh -c #(nop) WORKDIR /app", 0],
    ["|1 LEVEL=3 /bin/busybox sh -c mkdir /emptydir", 0],
    ["|1 LEVEL=3 /bin/busybox sh -c true", 0],
    ["|1 LEVEL=3 /bin/busybox sh -c dd if=/dev/zero of=/big bs=1k count=3", 3072],
    ["/bin/busybox sh -c #(nop)  SHELL [/bin/busybox sh -c]", 0],
    ["|1 LEVEL=3 /bin/sh -c echo \"level $LEVEL\" > /lvl &&     mkdir -p /x", 8],
    ["/bin/sh -c #(nop) COPY multi:15c8fafb54dbe87cc3cc7473433bda791e3d3e0bde1710716c2803833cce8df7 in ./ ", 5],
    ["/bin/sh -c #(nop) COPY dir:c3dab56add88f5141a8f41a13222e697c54affe3a9a57a6227c4d92012ba8cba in /opt/data/sub/ ", 3],
    ["/bin/sh -c #(nop)  LABEL a=b", 0],
    ["/bin/sh -c #(nop)  ARG EMPTYARG", 0],
    ["/bin/sh -c #(nop)  ARG LEVEL=3", 0],
    ["/bin/sh -c #(nop) WORKDIR /app", 0],
    ["/bin/sh -c #(nop)  ENV DIR=/opt/data", 0],
    ["/bin/busybox --install -s /bin", 3216],
    ["/bin/sh -c #(nop) COPY file:7027c77992f5b5a06465828d75ae4ff9adcec5f94bc05d3f683eb205e0ec1ac0 in /bin/busybox ", 1982256],
  ],
  emptyLayers: [false, false, true, false, true, true, true, false, false, false, true, false, true, false, true, true, true, true, true, true, false, true, false],
  layers: 10,
};
export const probeBuildkit: RecordedImage = {
  history: [
    ["RUN /bin/busybox sh -c rm /big # buildkit", 0],
    ["USER 0:0", 0],
    ["COPY /lvl /lvl2 # buildkit", 8],
    ["RUN /bin/busybox sh -c echo trig # buildkit", 0],
    ["CMD [\"sh\"]", 0],
    ["EXPOSE map[80/tcp:{}]", 0],
    ["USER 0:0", 0],
    ["WORKDIR /app", 0],
    ["RUN |2 LEVEL=3 EMPTYARG= /bin/busybox sh -c mkdir /emptydir # buildkit", 0],
    ["RUN |2 LEVEL=3 EMPTYARG= /bin/busybox sh -c true # buildkit", 0],
    ["RUN |2 LEVEL=3 EMPTYARG= /bin/busybox sh -c dd if=/dev/zero of=/big bs=1k count=3 # buildkit", 3072],
    ["SHELL [/bin/busybox sh -c]", 0],
    ["RUN |2 LEVEL=3 EMPTYARG= /bin/sh -c echo \"level $LEVEL\" > /lvl &&     mkdir -p /x # buildkit", 8],
    ["COPY f1.txt sub/a.txt ./ # buildkit", 5],
    ["COPY sub/ /opt/data/sub/ # buildkit", 3],
    ["LABEL a=b", 0],
    ["ARG EMPTYARG", 0],
    ["ARG LEVEL=3", 0],
    ["WORKDIR /app", 0],
    ["ENV DIR=/opt/data", 0],
    ["RUN /bin/busybox --install -s /bin # buildkit", 0],
    ["COPY busybox /bin/busybox # buildkit", 1982256],
  ],
  emptyLayers: [false, false, true, false, true, true, true, false, false, false, true, false, false, false, false, true, true, true, false, false, true, false],
  layers: 13,
};

/** The Dockerfile probeLegacy/probeBuildkit were built from (context: busybox, sub/a.txt, f1.txt). */
export const probeDockerfile = `FROM scratch AS base
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV DIR=/opt/data
WORKDIR /app
ARG LEVEL=3
ARG EMPTYARG
LABEL a=b
COPY sub/ $DIR/sub/
COPY f1.txt sub/a.txt ./
RUN echo "level $LEVEL" > /lvl && \\
    mkdir -p /x
SHELL ["/bin/busybox", "sh", "-c"]
RUN dd if=/dev/zero of=/big bs=1k count=3
RUN true
RUN mkdir /emptydir
WORKDIR /app
ONBUILD RUN echo trig
USER 0:0
EXPOSE 80
CMD ["sh"]

FROM base AS final
COPY --from=base /lvl /lvl2
USER 0:0
RUN rm /big
`;

/** probeLegacy was built from this variant (USER 1000 / USER 0 instead of USER 0:0). */
export const probeDockerfileLegacy = probeDockerfile.replace('USER 0:0\nEXPOSE', 'USER 1000\nEXPOSE').replace('USER 0:0\nRUN rm', 'USER 0\nRUN rm');
