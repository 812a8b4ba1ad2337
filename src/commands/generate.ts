import type { GeneratedFile } from '../shared/files';
import { plan, type ImagePlan, type ProjectFacts } from '../plan';
import { renderTemplate } from '../render';
import type { Resolved } from '../options/resolve';
import { sampleFiles } from '../render/samples';
import { AWS_RUNTIMES } from '../catalog';
import { findLanguageRuntime } from '../catalog/language-runtimes';

export interface Generated {
  plan: ImagePlan;
  files: GeneratedFile[];
  /** The Dockerfile's text, also among files. */
  dockerfile: string;
}

function languageVersion(runtime: string): string | undefined {
  return AWS_RUNTIMES.find((r) => r.id === runtime)?.languageVersion ?? findLanguageRuntime(runtime)?.version;
}

/**
 * Renders everything for one set of options. Sample files come first so the plan can see the
 * lockfiles they ship, exactly as it sees an existing project's with --no-sample.
 */
export function generate(resolved: Resolved, existing: ProjectFacts, name: string): Generated {
  const { options, language } = resolved;
  const samples = options.sample ? sampleFiles(options, language, name, languageVersion(options.runtime)) : [];
  const facts: ProjectFacts = {
    files: new Set([...existing.files, ...samples.map((f) => f.path)]),
    ...(existing.dirs ? { dirs: existing.dirs } : {}),
  };
  const imagePlan = plan(options, language, facts);
  const dockerfile = renderTemplate(`dockerfile/${imagePlan.dockerfile.template}`, imagePlan.dockerfile);
  const files: GeneratedFile[] = [
    { path: 'Dockerfile', content: dockerfile, owned: true },
    { path: '.dockerignore', content: renderTemplate('dockerignore', { entries: imagePlan.dockerignore }), owned: true },
    ...imagePlan.ownedFiles.map((f) => ({
      path: f.path,
      content: renderTemplate(f.template, f.data),
      owned: true,
      ...(f.mode ? { mode: f.mode } : {}),
    })),
    ...samples,
  ];
  return { plan: imagePlan, files, dockerfile };
}
