// InvalidBaseImagePlatform: the local engine's copy of a FROM image is for another platform than the
// one the stage asks for (its --platform, else the build's default), so the build runs the wrong
// binaries or fails. Needs the engine's facts about the image; silent without them.
import type { Rule } from '../rule';
import { hasVariable } from '../ruleKit';

const BUILD_DEFAULT = /^\$\{?(BUILDPLATFORM|TARGETPLATFORM)\}?$/;

/** `linux/arm64/v8` → os, arch. */
function split(p: string): [string, string] {
  const [os = '', arch = ''] = p.toLowerCase().split('/');
  return [os, arch];
}

/** The image matches when os and architecture agree (BuildKit does not compare variants). */
export function platformMatches(image: string, wanted: string): boolean {
  const [io, ia] = split(image);
  const [wo, wa] = split(wanted);
  return io === wo && ia === wa;
}

const rule: Rule = {
  meta: { code: 'InvalidBaseImagePlatform', level: 'warning', source: 'buildkit', title: 'The base image is for another platform than the build' },
  check(doc, report) {
    for (const s of doc.stages) {
      if (s.implicit || !s.image || !s.imageRange || hasVariable(s.image) || doc.stageByRef(s.image, s.index)) continue;
      const actual = doc.baseImage(s.image)?.platform;
      if (!actual) continue;
      const flag = s.platform?.getValue() ?? undefined;
      const wanted = !flag || BUILD_DEFAULT.test(flag) ? doc.buildPlatform : hasVariable(flag) ? undefined : flag;
      if (!wanted || platformMatches(actual, wanted)) continue;
      report(s.imageRange, `The local image ${s.image} is for ${actual}, but this stage builds for ${wanted}: pull the image for ${wanted} or change --platform.`);
    }
  },
};
export default rule;
