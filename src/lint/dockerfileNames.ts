// Which file names are Dockerfiles: one rule for the editor's lint, its workspace scan at
// activation (package.json's `workspaceContains`), and the providers' document selectors.

const DOCKERFILE_NAME = /^(?:Dockerfile|Containerfile)(?:\..+)?$|\.(?:dockerfile|containerfile)$/i;

/**
 * The same names as a glob (VS Code's document selectors, `findFiles`, `workspaceContains`): the
 * usual casings; the regex above also takes odd ones (`DOCKERFILE`) once such a file is open.
 */
export const DOCKERFILE_GLOB = '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.[dD]ockerfile,*.[cC]ontainerfile}';

export function isDockerfileName(path: string): boolean {
  return DOCKERFILE_NAME.test(path.slice(path.lastIndexOf('/') + 1));
}
