// The Dockerfile ↔ image glue: one call from activate() builds the service, its CodeLens, the
// measured findings and what the Layers panels learn from linked files.
import * as vscode from 'vscode';
import type { Ctx } from '../ctx';
import { layersPanels } from '../commands/layers';
import { DockerfileLenses } from './codeLens';
import { PanelLinker } from './panelLinks';
import { LinkedImages } from './service';

const DOCKERFILES: vscode.DocumentSelector = [
  { language: 'dockerfile', scheme: 'file' },
  { language: 'plaintext', scheme: 'file', pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.[dD]ockerfile,*.[cC]ontainerfile}' },
];

export interface LinkedImageGlue {
  service: LinkedImages;
  lenses: DockerfileLenses;
}

export function registerLinkedImage(ctx: Ctx): LinkedImageGlue {
  const service = new LinkedImages(ctx);
  ctx.linkedImages = service;
  const lenses = new DockerfileLenses(service, ctx.log);
  const panels = new PanelLinker(service, layersPanels(ctx));
  ctx.push(service, panels, vscode.languages.registerCodeLensProvider(DOCKERFILES, lenses));
  return { service, lenses };
}
